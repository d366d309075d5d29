"""Script payloads in every text field of every page type and snippet come out inert.

The content is found by introspection, so a new page type, snippet, field or block is
covered without touching this file (or fails it until it is):

1. one page of every page type of the project's apps, built with its app's factory under a
   parent it allows, and one row of every other model that has a factory (snippets, inline
   children, settings);
2. every text field of every row of those models gets a script payload (CharField,
   TextField, EmailField), a `javascript:` URL (URLField), editor-converted rich text with
   both (RichTextField), and every StreamField a stream with each of its block types filled
   the same way, recursively;
3. every public URL reachable from the home page is fetched (pages, listings, maps, feeds),
   plus the search and autocomplete, and checked: HTML is parsed and must have no on*
   attribute, no executable inline script, no `javascript:` URL and no script holding a
   payload; JSON and iCal must parse, with the payload as data.

Rich text is stored the way the admin stores it: through Draftail's converter, which keeps
text as text and drops `javascript:` links. Values in URL fields bypass the admin's URL
validation here on purpose, as imports and translations could.
"""

import io
import json
import re
from collections import deque
from importlib import import_module
from urllib.parse import urljoin, urlsplit

from django.apps import apps
from django.core.management import call_command
from django.db import models
from django.urls import reverse
from django.utils.translation import override

import wagtail_factories
from wagtail import blocks
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.fields import RichTextField, StreamField
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Page
from wagtail.rich_text import features as feature_registry
from wagtail.snippets.blocks import SnippetChooserBlock

import factory
import icalendar
import pytest
from bs4 import BeautifulSoup

from home.models import HomePage
from portal.factories import ImageFactory

PROJECT_APPS = ["home", "clusters", "locations", "events"]
# Facts parsed by code, not shown as text; a payload there is refused by the admin's form.
NOT_TEXT = {
    ("locations.LocationPage", "location"): "map point, parsed as coordinates",
    ("events.EventPage", "location"): "map point, parsed as coordinates",
    ("events.EventPage", "recurrence_rule"): "RRULE, parsed",
    ("events.EventPage", "exception_dates"): "list of dates, parsed",
}
# Page fields every page type has and shows.
PAGE_FIELDS = ["title", "draft_title", "seo_title", "search_description"]
MAX_URLS = 250
# Marker in every payload, so that the output can be traced back to the field it came from.
MARK = "alert"


class Payloads:
    """Numbered payloads: `alert(N)` in the output names the field that put it there."""

    def __init__(self, javascript_urls=False):
        self.fields = {}
        self.javascript_urls = javascript_urls

    def number(self, label):
        self.fields.setdefault(label, len(self.fields) + 1)
        return self.fields[label]

    def text(self, label, max_length=None):
        n = self.number(label)
        candidates = [
            f'<script>{MARK}({n})</script>"><img src=x onerror={MARK}({n})>',
            f'"><img src=x onerror={MARK}({n})>',
            f"<svg onload={MARK}({n})>",
            f"<b onclick={MARK}({n})>",
        ]
        for candidate in candidates:
            if max_length is None or len(candidate) <= max_length:
                return candidate
        return None

    def url(self, label):
        """A URL the admin accepts with the payload in its query, or a `javascript:` URL."""
        n = self.number(label)
        if self.javascript_urls:
            return f"javascript:{MARK}({n})"
        return f'https://example.org/?q="><script>{MARK}({n})</script>'

    def rich_text(self, label, features=None):
        """Rich text as the admin's editor stores it: the payload typed in, plus a link."""
        n = self.number(label)
        text = f'<script>{MARK}({n})</script>"><img src=x onerror={MARK}({n})> Link'
        contentstate = {
            "blocks": [
                {
                    "key": "a1b2c",
                    "type": "unstyled",
                    "text": text,
                    "depth": 0,
                    "inlineStyleRanges": [],
                    "entityRanges": [{"offset": len(text) - 4, "length": 4, "key": 0}],
                    "data": {},
                }
            ],
            "entityMap": {
                "0": {
                    "type": "LINK",
                    "mutability": "MUTABLE",
                    "data": {"url": f"javascript:{MARK}({n})"},
                }
            },
        }
        features = features or feature_registry.get_default_features()
        return ContentstateConverter(features).to_database_format(json.dumps(contentstate))


class UnknownBlock(Exception):
    pass


class SkipBlock(Exception):
    pass


class StreamFiller:
    """Raw stream data with every block type of a stream block, payloads in every text."""

    def __init__(self, payloads, references):
        self.payloads = payloads
        self.references = references

    def raw(self, block, label):
        label = f"{label}.{block.name}" if block.name else label
        if isinstance(block, blocks.StreamBlock):
            stream = []
            for name, child in block.child_blocks.items():
                try:
                    stream.append({"type": name, "value": self.raw(child, label)})
                except SkipBlock:
                    continue
            return stream
        if isinstance(block, blocks.ListBlock):
            return [self.raw(block.child_block, label)]
        if isinstance(block, blocks.StructBlock):
            value = {}
            for name, child in block.child_blocks.items():
                value[name] = self.raw(child, label)
            return value
        if isinstance(block, EmbedBlock):
            return self.embed(block, label)
        if isinstance(block, TableBlock):
            cell = self.payloads.text(label)
            return {
                "first_row_is_table_header": True,
                "first_col_is_header": True,
                "table_caption": cell,
                "data": [[cell, cell], [cell, cell]],
            }
        if isinstance(block, blocks.RichTextBlock):
            return self.payloads.rich_text(label, block.features)
        if isinstance(block, blocks.URLBlock):
            return self.payloads.url(label)
        if isinstance(block, (blocks.CharBlock, blocks.TextBlock, blocks.EmailBlock)):
            return self.payloads.text(label, block.field.max_length)
        if isinstance(block, blocks.ChoiceBlock):
            return block.field.choices[-1][0]
        if isinstance(block, blocks.BooleanBlock):
            return True
        if isinstance(block, (blocks.IntegerBlock, blocks.DecimalBlock, blocks.FloatBlock)):
            return 1
        if isinstance(block, blocks.DateBlock):
            return "2027-03-01"
        if isinstance(block, blocks.PageChooserBlock):
            return self.references["page"].pk
        if isinstance(block, ImageChooserBlock):
            return self.references["image"].pk
        if isinstance(block, DocumentChooserBlock):
            return self.references["document"].pk
        if isinstance(block, SnippetChooserBlock):
            instance = block.target_model.objects.first()
            if instance is None:
                raise SkipBlock
            return instance.pk
        if isinstance(block, blocks.StaticBlock):
            return None
        raise UnknownBlock(f"{label}: teach the payload test about {type(block).__name__}")

    def embed(self, block, label):
        """An embed as Wagtail stores it after asking the provider, which is not asked here."""
        url = f"https://www.youtube.com/watch?v=payload{self.payloads.number(label)}"
        text = self.payloads.text(label, 255)
        max_width = getattr(block.meta, "max_width", None)
        max_height = getattr(block.meta, "max_height", None)
        Embed.objects.update_or_create(
            hash=get_embed_hash(url, max_width, max_height),
            defaults={
                "url": url,
                "max_width": max_width,
                "type": "video",
                "html": '<iframe src="https://www.youtube-nocookie.com/embed/x"></iframe>',
                "title": text,
                "author_name": text,
                "provider_name": text,
                "thumbnail_url": self.payloads.url(label),
            },
        )
        return url


def project_models():
    for app_label in PROJECT_APPS:
        yield from apps.get_app_config(app_label).get_models()


def factories_by_model():
    found = {}
    for app_label in PROJECT_APPS:
        try:
            module = import_module(f"{app_label}.factories")
        except ModuleNotFoundError:
            continue
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, factory.base.Factory):
                model = getattr(value._meta, "model", None)
                if isinstance(model, type) and issubclass(model, models.Model):
                    found.setdefault(model, value)
    return found


def build_one_of_everything(home):
    """One live page of every page type under a parent it allows, and one row per factory."""
    factories = factories_by_model()
    page_models = [
        model
        for model in project_models()
        if issubclass(model, Page) and not model._meta.abstract and model is not HomePage
    ]
    missing = [model._meta.label for model in page_models if model not in factories]
    assert not missing, f"page types without a factory: {missing}"

    pages = {HomePage: home}
    pending = deque(page_models)
    stalled = 0
    while pending and stalled <= len(pending):
        model = pending.popleft()
        parent = next(
            (pages[parent] for parent in model.allowed_parent_page_models() if parent in pages),
            None,
        )
        if parent is None:
            pending.append(model)
            stalled += 1
            continue
        stalled = 0
        pages[model] = factories[model](parent=parent)
    assert not pending, f"no parent page for: {[model._meta.label for model in pending]}"

    for model, model_factory in factories.items():
        if issubclass(model, Page) or model._meta.label not in {
            m._meta.label for m in project_models()
        }:
            continue
        kwargs = {}
        for field in model._meta.concrete_fields:
            related = field.related_model
            if field.is_relation and related is not None and issubclass(related, Page):
                target = pages.get(related) or next(
                    (page for cls, page in pages.items() if issubclass(cls, related)), None
                )
                if target is not None:
                    kwargs[field.name] = target
        model_factory(**kwargs)
    return pages


def is_text_field(field):
    return (
        isinstance(field, (models.CharField, models.TextField))
        and not isinstance(field, models.SlugField)
        and not field.choices
    )


def fill_with_payloads(payloads, references):
    """Every text field and stream of every row of the project's models, payloads in."""
    filler = StreamFiller(payloads, references)
    for model in project_models():
        if model._meta.abstract or model._meta.proxy:
            continue
        own_fields = [
            field
            for field in model._meta.concrete_fields
            if field.model._meta.app_label in PROJECT_APPS
            or (issubclass(model, Page) and field.name in PAGE_FIELDS)
        ]
        for instance in model.objects.all():
            if isinstance(instance, Page):
                instance = instance.specific
            changed = []
            for field in own_fields:
                label = f"{model._meta.label}.{field.name}"
                if (model._meta.label, field.name) in NOT_TEXT:
                    continue
                if isinstance(field, StreamField):
                    raw = filler.raw(field.stream_block, label)
                    setattr(instance, field.name, raw)
                elif isinstance(field, RichTextField):
                    setattr(instance, field.name, payloads.rich_text(label, field.features))
                elif isinstance(field, models.URLField):
                    setattr(instance, field.name, payloads.url(label))
                elif is_text_field(field):
                    value = payloads.text(label, field.max_length)
                    if value is None:
                        continue
                    setattr(instance, field.name, value)
                else:
                    continue
                changed.append(field.name)
            if changed:
                if isinstance(instance, Page):
                    # Page.save() validates URLs as the admin does; imports do not.
                    instance.save(clean=False)
                else:
                    instance.save()


# Checking the output

JS_URL = re.compile(r"^\s*(javascript|vbscript|data\s*:\s*text/html)\s*:?", re.IGNORECASE)
EXECUTABLE_TYPES = {"", "text/javascript", "module", "application/javascript"}


def problems_in_html(url, body):
    problems = []
    soup = BeautifulSoup(body, "html.parser")
    for element in soup.find_all(True):
        for name, value in element.attrs.items():
            values = value if isinstance(value, list) else [value]
            if name.lower().startswith("on"):
                problems.append(f"{url}: <{element.name} {name}=…>")
            if name.lower() == "srcdoc":
                problems.append(f"{url}: <{element.name} srcdoc>")
            for item in values:
                if JS_URL.match(str(item)) and name.lower() not in {"content", "alt", "title"}:
                    problems.append(f"{url}: <{element.name} {name}={item!r}>")
    for script in soup.find_all("script"):
        kind = (script.get("type") or "").strip().lower()
        text = script.string or ""
        if kind == "application/ld+json":
            # Data, not code; it must stay one JSON value (no `</script>` breaking out).
            try:
                json.loads(text)
            except ValueError:
                problems.append(f"{url}: JSON-LD block does not parse")
        elif kind in EXECUTABLE_TYPES and not script.get("src"):
            problems.append(f"{url}: inline script {text[:60]!r}")
        if MARK + "(" in text and kind != "application/ld+json":
            problems.append(f"{url}: payload inside <script>")
    # Wagtail's own templates (inside <template>) are parsed as markup above as well.
    return problems


def problems_in_response(url, response):
    content_type = response.get("Content-Type", "").split(";")[0].strip()
    body = response.content.decode("utf-8", "replace")
    if content_type == "text/html":
        return problems_in_html(url, body)
    if content_type in {"application/json", "application/geo+json"}:
        try:
            json.loads(body)
        except ValueError:
            return [f"{url}: invalid JSON"]
        return []
    if content_type == "text/calendar":
        try:
            icalendar.Calendar.from_ical(response.content)
        except ValueError:
            return [f"{url}: invalid iCal"]
        return []
    return []


def describe(problems, payloads):
    """Each distinct problem once, with the fields its payload numbers came from."""
    labels = {n: label for label, n in payloads.fields.items()}
    distinct = {}
    for problem in problems:
        url, _, what = problem.partition(": ")
        distinct.setdefault(what, url)
    lines = []
    for what, url in sorted(distinct.items()):
        numbers = re.findall(rf"{MARK}\((\d+)\)", what)
        fields = ", ".join(labels.get(int(n), "?") for n in numbers)
        lines.append(f"{what} (first at {url}; from {fields})")
    return "\n".join(lines)


def crawl(client, start_urls):
    """Every same-site URL reachable from the start URLs (no query strings, bounded)."""
    seen, queue, responses = set(), deque(start_urls), {}
    while queue and len(responses) < MAX_URLS:
        url = queue.popleft()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        responses[url] = response
        if response.status_code != 200:
            continue
        if response.get("Content-Type", "").startswith("text/html"):
            soup = BeautifulSoup(response.content, "html.parser")
            for link in soup.find_all("a", href=True):
                parts = urlsplit(urljoin(url, link["href"]))
                if parts.netloc not in {"", "testserver", "localhost"}:
                    continue
                if not parts.path.startswith(("/de/", "/en/")) or parts.query:
                    continue
                if parts.path not in seen:
                    queue.append(parts.path)
    return responses


def build_payload_site(home_page, payloads):
    image = ImageFactory()
    document = wagtail_factories.DocumentFactory()
    pages = build_one_of_everything(home_page)
    fill_with_payloads(payloads, {"page": pages[HomePage], "image": image, "document": document})
    call_command("update_index", stdout=io.StringIO(), stderr=io.StringIO())
    return payloads, pages


@pytest.fixture
def payload_site(db, home_page, settings):
    # Rendered fresh each time: the test checks templates, not the cache.
    settings.PAGE_CACHE_SECONDS = 0
    return build_payload_site(home_page, Payloads())


def start_urls(pages):
    urls = [pages[HomePage].url] + [page.url for page in pages.values()]
    with override("de"):
        search_url = reverse("search")
        suggest_url = reverse("search_autocomplete")
    return urls + [f"{search_url}?q={MARK}", f"{search_url}?q=script", f"{suggest_url}?q={MARK}"]


def assert_every_page_type_and_snippet_is_filled(payloads, pages):
    page_models = {
        model for model in project_models() if issubclass(model, Page) and not model._meta.abstract
    }
    assert page_models <= set(pages)
    filled_models = {label.split(".")[0] + "." + label.split(".")[1] for label in payloads.fields}
    # Every project model with a text field got payloads.
    for model in project_models():
        has_text = any(
            is_text_field(field) or isinstance(field, (RichTextField, StreamField))
            for field in model._meta.concrete_fields
            if field.model is model and (model._meta.label, field.name) not in NOT_TEXT
        )
        if has_text and model.objects.exists():
            assert model._meta.label in filled_models, model._meta.label


def test_payloads_come_out_inert(client, payload_site):
    payloads, pages = payload_site
    assert_every_page_type_and_snippet_is_filled(payloads, pages)
    responses = crawl(client, start_urls(pages))

    problems = []
    errors = []
    for url, response in responses.items():
        if response.status_code >= 500:
            errors.append(f"{url}: {response.status_code}")
        problems.extend(problems_in_response(url, response))
    assert not errors, errors
    assert not problems, describe(problems, payloads)

    # The check is not vacuous: pages, listings, feeds and search were fetched, and payloads
    # from most fields reached the output (escaped).
    content_types = {r.get("Content-Type", "").split(";")[0] for r in responses.values()}
    assert {"text/html", "text/calendar"} <= content_types
    assert any("geo+json" in kind or kind == "application/json" for kind in content_types)
    output = "".join(r.content.decode("utf-8", "replace") for r in responses.values())
    shown = {label for label, n in payloads.fields.items() if f"{MARK}({n})" in output}
    not_shown = sorted(set(payloads.fields) - shown)
    assert len(shown) >= 0.6 * len(payloads.fields), not_shown
    for page in pages.values():
        assert f"{MARK}({payloads.fields[type(page)._meta.label + '.title']})" in output


def test_javascript_urls_never_reach_an_href(client, db, home_page, settings):
    settings.PAGE_CACHE_SECONDS = 0
    payloads, pages = build_payload_site(home_page, Payloads(javascript_urls=True))
    responses = crawl(client, start_urls(pages))
    problems = [
        problem
        for url, response in responses.items()
        for problem in problems_in_response(url, response)
    ]
    assert not problems, describe(problems, payloads)


def test_admin_refuses_javascript_urls():
    """URL fields and blocks validate the scheme: editors cannot enter `javascript:`."""
    checked = 0
    for model in project_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, models.URLField):
                with pytest.raises(Exception) as error:
                    field.formfield().clean(f"javascript:{MARK}(1)")
                assert type(error.value).__name__ == "ValidationError"
                checked += 1
    with pytest.raises(Exception) as error:
        blocks.URLBlock().clean(f"javascript:{MARK}(1)")
    assert type(error.value).__name__ == "ValidationError"
    assert checked >= 5


def test_rich_text_editor_drops_javascript_links_and_keeps_text_as_text():
    html = Payloads().rich_text("x")

    assert "javascript:" not in html
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;" in html


@pytest.mark.django_db
def test_stream_filler_knows_every_block_type():
    """A new block type fails here until the filler knows what to put in it."""
    filler = StreamFiller(Payloads(), {"page": None, "image": None, "document": None})
    for model in project_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, StreamField):
                try:
                    filler.raw(field.stream_block, model._meta.label)
                except UnknownBlock as error:
                    pytest.fail(str(error))
                except AttributeError:
                    # References are None here; only the block types are under test.
                    pass
