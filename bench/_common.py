"""Harness shared by the `bench/*_bench.py` scripts and `bench/load_test.py`.

A benchmark script runs twice: the parent parses the arguments, prepares a scratch database per
backend (SQLite file in /tmp or a PostgreSQL database dropped and recreated) and starts itself
again as a child process with `DATABASE_URL` pointing at it; the child sets up Django, builds
its data and measures. A child process per backend keeps Django's settings (read once at
start-up) and each database's connections apart.

Also here: the bulk page builder the scripts share (treebeard paths computed, no per-page tree
operations), timing helpers (median and nearest-rank percentiles) and table printing.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BENCH_DIR = REPO / "bench"
PG_HOST = ["-h", "127.0.0.1", "-U", "postgres"]
# Set in the child's environment: the options of the run, as JSON.
CHILD_ENV = "BENCH_CHILD"


# Parent process


def parse_args(doc, *, runs=15, backends=("sqlite", "postgres"), add_arguments=None):
    """`--backend sqlite|postgres|both` and `--runs`, plus the script's own arguments."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("--backend", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--runs", type=int, default=runs)
    if add_arguments:
        add_arguments(parser)
    args = parser.parse_args()
    args.backends = list(backends) if args.backend == "both" else [args.backend]
    return args


def pg_url(database):
    return f"postgres://postgres@127.0.0.1:5432/{database}"


def recreate_pg_database(database):
    subprocess.run(["dropdb", *PG_HOST, "--if-exists", database], check=True)
    subprocess.run(["createdb", *PG_HOST, database], check=True)


def scratch_database(backend, *, sqlite_path, pg_db):
    """A fresh, empty database for ``backend``; returns its DATABASE_URL."""
    if backend == "sqlite":
        Path(sqlite_path).unlink(missing_ok=True)
        return f"sqlite:///{sqlite_path}"
    recreate_pg_database(pg_db)
    return pg_url(pg_db)


def run_child(script, options, env=None):
    """Run ``script`` again as a child with ``options`` (readable through child_options())."""
    child_env = dict(os.environ, **(env or {}))
    child_env[CHILD_ENV] = json.dumps(options)
    child_env.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
    subprocess.run([sys.executable, str(script)], env=child_env, cwd=REPO, check=True)


def run_backends(script, args, *, sqlite_path, pg_db, options=None, env=None):
    """One child per backend in ``args.backends``, each on a fresh scratch database."""
    for backend in args.backends:
        url = scratch_database(backend, sqlite_path=sqlite_path, pg_db=pg_db)
        run_child(
            script,
            {"backend": backend, "runs": args.runs, **(options or {})},
            env={**(env or {}), "DATABASE_URL": url},
        )


# Child process


def child_options():
    """The options passed by run_child(), or None in the parent."""
    raw = os.environ.get(CHILD_ENV)
    return json.loads(raw) if raw else None


def setup_django(migrate=True):
    sys.path.insert(0, str(REPO))
    import django

    django.setup()
    if migrate:
        from django.core.management import call_command

        call_command("migrate", verbosity=0)


def analyze():
    """Bulk inserts leave PostgreSQL's planner without statistics until autovacuum runs
    (within a minute on a live server); analysing at once shows the steady state."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def last_child_position(parent):
    """The step number of the parent's last child (0 without children), so bulk-created
    children can follow the existing ones in the tree."""
    from wagtail.models import Page

    last = Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
    path = last.order_by("-path").values_list("path", flat=True).first()
    return Page._str2int(path[-Page.steplen :]) if path else 0


def bulk_create_pages(parent, items):
    """Insert live child pages of ``parent`` in bulk: one Page row per item by bulk_create and
    the specific rows by one executemany, without treebeard's per-page tree operations.

    ``items`` are ``(page_fields, specific)`` pairs: ``page_fields`` holds at least ``title``
    and ``slug`` (any other Page field may be given), ``specific`` is an unsaved instance of
    the specific page model (all instances of one model). Returns the created Page rows; each
    ``specific`` gets its ``page_ptr_id``.
    """
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection

    from wagtail.models import Page

    if not items:
        return []
    model = type(items[0][1])
    content_type = ContentType.objects.get_for_model(model)
    start = last_child_position(parent)
    base_pages = []
    for number, (fields, _specific) in enumerate(items, start=start + 1):
        values = {
            "draft_title": fields["title"],
            "locale_id": parent.locale_id,
            "live": True,
            "has_unpublished_changes": False,
            **fields,
        }
        base_pages.append(
            Page(
                path=Page._get_path(parent.path, parent.depth + 1, number),
                depth=parent.depth + 1,
                numchild=0,
                url_path=f"{parent.url_path}{fields['slug']}/",
                content_type=content_type,
                translation_key=uuid.uuid4(),
                **values,
            )
        )
    created = Page.objects.bulk_create(base_pages, batch_size=500)
    local = model._meta.local_concrete_fields
    columns = ", ".join(connection.ops.quote_name(field.column) for field in local)
    placeholders = ", ".join(["%s"] * len(local))
    sql = (
        f"INSERT INTO {connection.ops.quote_name(model._meta.db_table)} "
        f"({columns}) VALUES ({placeholders})"
    )
    rows = []
    for page, (_fields, specific) in zip(created, items, strict=True):
        specific.page_ptr_id = page.pk
        rows.append(
            [
                field.get_db_prep_save(getattr(specific, field.attname), connection)
                for field in local
            ]
        )
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)
    Page.objects.filter(pk=parent.pk).update(numchild=start + len(items))
    return created


# Timing and output


def percentile(values, fraction):
    """Nearest-rank percentile of ``values`` (``fraction`` 0.95 for p95)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def median(values):
    return statistics.median(values)


def p95(values):
    return percentile(values, 0.95)


def time_call(function, runs, before=None):
    """Milliseconds of ``runs`` calls of ``function``; ``before`` runs untimed before each."""
    times = []
    for _run in range(runs):
        if before:
            before()
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    return times


def count_queries(function):
    """Number of database queries of ``function()``, counted with an execute wrapper (the
    request_started signal resets Django's own query log during test-client requests)."""
    from django.db import connection

    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        function()
    return len(queries)


def print_table(columns, rows):
    """Print ``rows`` under ``columns``: (header, width, format) triples; a negative width
    aligns left, a format is a format spec such as ``.1f`` or ``,``."""
    print("".join(_cell(header, width, "") for header, width, _fmt in columns).rstrip())
    for row in rows:
        print(
            "".join(
                _cell(value, width, fmt)
                for value, (_h, width, fmt) in zip(row, columns, strict=True)
            ).rstrip()
        )


def _cell(value, width, fmt):
    text = value if isinstance(value, str) or fmt == "" else format(value, fmt)
    text = str(text)
    return f"{text:<{-width}} " if width < 0 else f"{text:>{width}} "
