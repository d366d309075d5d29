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
from urllib.parse import urljoin, urlsplit

from django.core.management import call_command
from django.db import models
from django.urls import reverse
from django.utils.translation import override

import wagtail_factories
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

import icalendar
import pytest
from bs4 import BeautifulSoup

from home.models import HomePage
from portal.factories import ImageFactory

from .payloads import (
    MARK,
    MAX_URLS,
    NOT_TEXT,
    Payloads,
    StreamFiller,
    UnknownBlock,
    build_one_of_everything,
    fill_with_payloads,
    is_text_field,
    project_models,
)

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
