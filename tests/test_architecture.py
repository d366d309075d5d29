"""The layering of docs/architecture.md, checked from the code's own imports.

Every import of every module of the project's apps counts, the ones inside functions too
(an import moved into a function to dodge a cycle is still an arrow); migrations and tests are
left out, as they name models of every app by design. Three rules:

- no import cycle between apps;
- each app imports only the apps its layer may use (`ALLOWED`), so a new arrow is a decision
  written down here and in docs/architecture.md, not an accident;
- no module imports from a management command module (commands are entry points; shared code
  lives in a module of its own);
- no module imports another project app inside a function;
- inside an app, the modules import each other without a cycle (models never reach back into
  views or filters through an import inside a method);
- no module outside the migrations has more than 500 lines;
- an app's templates live in `<app>/templates/<app>/`; the project's `templates/` holds only
  the layout, the error pages, the shared includes and blocks, and overrides of Wagtail's.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# What each app may import, bottom layer first (docs/architecture.md). `cms` is the project
# (settings, URLs): it wires the apps together and no app imports it.
ALLOWED = {
    # Shared building blocks
    "portal": set(),
    "quotes": {"portal"},
    "listings": {"portal"},
    # Domain apps
    "home": {"portal", "quotes"},
    "clusters": {"portal", "quotes", "listings"},
    "locations": {"portal", "listings"},
    "events": {"portal", "quotes", "listings"},
    # Cross-cutting features: they read the domain through registries and signals
    "pagecache": {"portal"},
    "translations": {"portal"},
    "editorial": {"portal"},
    "search": {"portal", "quotes"},
    "seo": {"portal", "pagecache"},
    # The demo content loads every app; nothing imports it
    "demo": {
        "portal",
        "quotes",
        "listings",
        "home",
        "clusters",
        "locations",
        "events",
        "editorial",
        "translations",
    },
    "cms": {"portal", "search", "seo", "pagecache", "translations", "editorial"},
}


def project_apps():
    return sorted(
        path.name
        for path in ROOT.iterdir()
        if path.is_dir() and (path / "__init__.py").exists() and path.name not in {"tests"}
    )


def app_modules(app):
    for path in sorted((ROOT / app).rglob("*.py")):
        parts = path.relative_to(ROOT).parts
        if "migrations" in parts or "tests" in parts:
            continue
        yield path


def imports(path):
    """(imported module, line, inside a function) for every absolute import in `path`."""
    tree = ast.parse(path.read_text(), filename=str(path))
    found = []

    def visit(node, in_function):
        for child in ast.iter_child_nodes(node):
            nested = in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef))
            if isinstance(child, ast.Import):
                found.extend((alias.name, child.lineno, in_function) for alias in child.names)
            elif isinstance(child, ast.ImportFrom) and child.level == 0 and child.module:
                found.append((child.module, child.lineno, in_function))
            visit(child, nested)

    visit(tree, False)
    return found


def app_graph():
    apps = set(project_apps())
    graph = {app: {} for app in apps}
    for app in apps:
        for path in app_modules(app):
            for module, line, _in_function in imports(path):
                target = module.split(".")[0]
                if target in apps and target != app:
                    graph[app].setdefault(target, f"{path.relative_to(ROOT)}:{line}")
    return graph


def cycles(graph):
    """The strongly connected components with more than one app (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(app):
        index[app] = low[app] = len(index)
        stack.append(app)
        on_stack.add(app)
        for target in graph[app]:
            if target not in index:
                visit(target)
                low[app] = min(low[app], low[target])
            elif target in on_stack:
                low[app] = min(low[app], index[target])
        if low[app] == index[app]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == app:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for app in sorted(graph):
        if app not in index:
            visit(app)
    return found


def test_every_app_has_a_place_in_the_layers():
    assert set(project_apps()) <= set(ALLOWED), "add the new app to ALLOWED and the docs"


def test_no_import_cycle_between_apps():
    assert cycles(app_graph()) == []


@pytest.mark.parametrize("app", sorted(ALLOWED))
def test_app_imports_only_its_allowed_layers(app):
    graph = app_graph()
    forbidden = {
        target: where for target, where in graph[app].items() if target not in ALLOWED[app]
    }
    assert forbidden == {}, f"{app} imports apps above its layer: {forbidden}"


def test_no_module_imports_a_management_command():
    """`call_command("load_demo_content")` is how code runs a command; importing its module
    to reach a helper is not (Django's own `django.core.management` is fine)."""
    apps = set(project_apps())
    offenders = []
    modules = [module for app in sorted(apps) for module in app_modules(app)]
    for path in [*ROOT.joinpath("tests").rglob("*.py"), *ROOT.joinpath("bench").rglob("*.py")]:
        modules.append(path)
    for path in modules:
        for module, line, _in_function in imports(path):
            if module.split(".")[0] in apps and ".management" in module:
                offenders.append(f"{path.relative_to(ROOT)}:{line} imports {module}")
    assert offenders == []


def test_no_import_of_another_app_inside_a_function():
    apps = set(project_apps())
    offenders = []
    for app in sorted(apps):
        for path in app_modules(app):
            for module, line, in_function in imports(path):
                target = module.split(".")[0]
                if in_function and target in apps and target != app:
                    offenders.append(f"{path.relative_to(ROOT)}:{line} imports {module}")
    assert offenders == []


def module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def module_graph(app):
    """{module: {imported module of the same app: where}}, relative imports resolved, imports
    inside functions included; `from package import name` counts as importing the submodule
    `name` when there is one."""
    modules = {module_name(path): path for path in app_modules(app)}
    graph = {module: {} for module in modules}
    for module, path in modules.items():
        package = module if path.name == "__init__.py" else module.rpartition(".")[0]
        tree = ast.parse(path.read_text(), filename=str(path))
        for node in ast.walk(tree):
            targets = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join(base)
                    source = f"{base}.{node.module}" if node.module else base
                else:
                    source = node.module or ""
                targets = [source]
                targets += [f"{source}.{alias.name}" for alias in node.names]
            for target in targets:
                if target in modules and target != module:
                    graph[module].setdefault(target, f"{path.relative_to(ROOT)}:{node.lineno}")
    return graph


@pytest.mark.parametrize("app", sorted(ALLOWED))
def test_no_import_cycle_inside_an_app(app):
    assert cycles(module_graph(app)) == []


MAX_MODULE_LINES = 500


def test_no_module_has_more_than_500_lines():
    too_long = {}
    for path in ROOT.rglob("*.py"):
        parts = path.relative_to(ROOT).parts
        if parts[0].startswith(".") or "migrations" in parts or "node_modules" in parts:
            continue
        lines = len(path.read_text().splitlines())
        if lines > MAX_MODULE_LINES:
            too_long[str(path.relative_to(ROOT))] = lines
    assert too_long == {}


# What the project's `templates/` may hold: the layout and error pages, the includes and
# StreamField blocks every app shares, and overrides of Wagtail's own templates.
SHARED_TEMPLATES = {"base.html", "404.html", "500.html", "includes", "blocks", "wagtailcore"}


def test_templates_live_in_their_apps():
    assert {path.name for path in (ROOT / "templates").iterdir()} <= SHARED_TEMPLATES
    misplaced = []
    for app in project_apps():
        folder = ROOT / app / "templates"
        if folder.is_dir():
            misplaced += [
                str(path.relative_to(ROOT)) for path in folder.iterdir() if path.name != app
            ]
    assert misplaced == [], "an app's templates go in <app>/templates/<app>/"


def test_the_checks_see_a_cycle_when_there_is_one():
    """The graph code itself: a two-app loop and a three-app loop are found."""
    assert cycles({"a": {"b": ""}, "b": {"a": ""}}) == [["a", "b"]]
    assert cycles({"a": {"b": ""}, "b": {"c": ""}, "c": {"a": ""}, "d": {}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b": ""}, "b": {}}) == []
