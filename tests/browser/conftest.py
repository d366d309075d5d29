"""Fixtures for the browser journeys: Debian's Chromium through Playwright's sync API.

* `browser` (session): one headless Chromium from `/usr/bin/chromium`, never a downloaded one.
  Without it the journeys are skipped locally but fail in CI (`CI` set), so a broken CI image
  cannot turn the suite green by skipping.
* `page` (per test): a fresh browser context against pytest-django's `live_server`, German
  locale and a 1280x900 viewport by default (override `browser_context_args`, or use
  `new_page(...)` for a second context such as a phone). Every request to a host other than
  the live server is aborted and recorded in `third_party_requests`; uncaught JavaScript
  errors land in `page_errors`.
* `demo_content`: the site `manage.py load_demo_content` builds, loaded once per session and
  restored from a snapshot for every later test.
* `save_screenshot(page, name, docs_name=None)`: pictures for humans, never compared.

Every test in this directory gets the `browser` marker and a transactional database with
serialized rollback: the live server runs in another thread and must see the test's data,
and the rows the migrations create (German locale, home page, default site) have to come
back after each test's flush.
"""

import asyncio
import io
import os
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest

# Debian's package; CHROMIUM_PATH only exists to try the skip/fail behaviour without it.
CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}
SCREENSHOT_DIR = Path(os.environ.get("SCREENSHOT_DIR", "/tmp/screens"))
DOCS_DIR = Path(__file__).resolve().parents[2] / "docs"
BROWSER_DIR = Path(__file__).resolve().parent


def in_ci():
    """True when the `CI` environment variable is set to anything but a false value."""
    return os.environ.get("CI", "").strip().lower() not in {"", "0", "false", "no", "off"}


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    for item in items:
        if BROWSER_DIR in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.browser)
            if item.get_closest_marker("django_db") is None:
                item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True))


class _PlaywrightLoop:
    """Marks Playwright's event loop as running in this thread only while a browser test runs.

    Playwright's sync API leaves its asyncio loop marked as running in the main thread between
    calls. Django then treats the thread as async: its thread-critical connection storage
    switches to a context-local one (a second set of connections, without the serialized
    test data that serialized rollback restores) and asgiref's `async_to_sync` refuses to
    run. Unmarking the loop between browser tests keeps that from leaking into the tests
    that run after them; Playwright itself only needs the mark while it is called.
    """

    loop = None

    def resume(self):
        if self.loop is not None:
            asyncio._set_running_loop(self.loop)

    def pause(self):
        if self.loop is not None:
            asyncio._set_running_loop(None)


_playwright_loop = _PlaywrightLoop()


@pytest.fixture(scope="session")
def browser():
    if not (CHROMIUM.exists() and os.access(CHROMIUM, os.X_OK)):
        message = f"{CHROMIUM} is missing: install Debian's package (apt-get install chromium)"
        if in_ci():
            pytest.fail(f"{message}; browser tests must not be skipped in CI.", pytrace=False)
        pytest.skip(message)

    from django.db import connections

    from playwright.sync_api import expect, sync_playwright

    # The thread's Django connections, taken before Playwright marks its loop as running.
    django_connections = {alias: connections[alias] for alias in connections}
    with sync_playwright() as playwright:
        _playwright_loop.loop = asyncio.get_running_loop()
        # While the loop is marked, Django looks connections up in a context-local store:
        # put the same connection objects there, so tests, fixtures and the live server
        # share one connection per database whichever store is active.
        for alias, connection in django_connections.items():
            connections[alias] = connection
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        # A loaded CI machine can take longer than Playwright's default of 5 s.
        expect.set_options(timeout=10_000)
        _playwright_loop.pause()
        try:
            yield browser
        finally:
            _playwright_loop.resume()
            browser.close()
    _playwright_loop.loop = None


@pytest.fixture(autouse=True)
def _playwright_running(browser, monkeypatch):
    """Playwright is usable (its loop marked as running) for the duration of each test.

    With the loop marked, Django refuses ORM calls from the test and the management commands
    it runs as "async unsafe" unless DJANGO_ALLOW_ASYNC_UNSAFE is set. It is set for browser
    tests only: set for the whole session, it would leak into subprocesses other tests start
    (`manage.py check --deploy` reports it as async.E001).
    """
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    _playwright_loop.resume()
    yield
    _playwright_loop.pause()


@pytest.fixture
def browser_context_args():
    """Options of the test's browser context; override the fixture to change them."""
    return {"locale": "de-DE", "viewport": {"width": 1280, "height": 900}}


@pytest.fixture
def third_party_requests():
    """URLs the page tried to load from a host other than the live server (all aborted)."""
    return []


@pytest.fixture
def page_errors():
    """Uncaught JavaScript exceptions of the test's pages, as strings."""
    return []


@pytest.fixture
def new_page(browser, live_server, browser_context_args, third_party_requests, page_errors):
    """Factory: `new_page(**context_options)` opens a page in a new, isolated browser context.

    Options are merged over `browser_context_args`. Every context blocks and records
    requests to third-party hosts and collects JavaScript errors.
    """
    allowed_hosts = LOCAL_HOSTS | {urlsplit(live_server.url).hostname}
    contexts = []

    def guard(route):
        url = route.request.url
        parts = urlsplit(url)
        if parts.scheme in {"http", "https", "ws", "wss"} and parts.hostname not in allowed_hosts:
            third_party_requests.append(url)
            route.abort("blockedbyclient")
        else:
            route.continue_()

    def make(**options):
        context = browser.new_context(**{**browser_context_args, **options})
        context.set_default_timeout(10_000)
        context.route("**/*", guard)
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda error: page_errors.append(str(error)))
        return page

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    return new_page()


@pytest.fixture(scope="session")
def _demo_snapshot():
    """The database as `load_demo_content` leaves it, serialized once per test session."""
    return {}


@pytest.fixture
def demo_content(live_server, _demo_snapshot):
    """The demo site of `manage.py load_demo_content`, in German and English.

    The command runs once per session (it builds a few hundred objects and draws images,
    which takes long); the database it leaves is serialized and restored for every later
    test, as Django's serialized rollback does with the migrations' rows. The flush keeps
    the sequences where they are, so new rows (e.g. image renditions) get fresh keys.
    """
    from django.core.management import call_command
    from django.db import DEFAULT_DB_ALIAS, connections

    from wagtail.models import Site

    connection = connections[DEFAULT_DB_ALIAS]
    snapshot = _demo_snapshot.get(DEFAULT_DB_ALIAS)
    if snapshot is None:
        call_command("load_demo_content", stdout=io.StringIO(), stderr=io.StringIO())
        _demo_snapshot[DEFAULT_DB_ALIAS] = connection.creation.serialize_db_to_string()
    else:
        call_command(
            "flush",
            database=DEFAULT_DB_ALIAS,
            interactive=False,
            verbosity=0,
            reset_sequences=False,
            inhibit_post_migrate=True,
        )
        connection.creation.deserialize_db_from_string(snapshot)
    Site.clear_site_root_paths_cache()


@pytest.fixture(autouse=True)
def _fresh_site_root_paths():
    """Forget Wagtail's cached site root paths: each test builds its own page tree."""
    from wagtail.models import Site

    Site.clear_site_root_paths_cache()
    yield
    Site.clear_site_root_paths_cache()


@pytest.fixture
def save_screenshot():
    """`save_screenshot(page, name, docs_name=None)`: keep a picture for a human to look at.

    Always written to /tmp/screens/ (or $SCREENSHOT_DIR); also to docs/<docs_name> when
    SAVE_SCREENSHOTS=1. Screenshots are never compared, so they cannot fail a test.
    """

    def save(page, name, docs_name=None, full_page=True):
        SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOT_DIR / name
        page.screenshot(path=str(path), full_page=full_page)
        if docs_name and os.environ.get("SAVE_SCREENSHOTS") == "1":
            shutil.copyfile(path, DOCS_DIR / docs_name)
        return path

    return save
