"""The shared layout (brand, main menu, footer) from the cache, fresh after every edit it shows.

These run with the page cache off: every page is rendered, and only the layout fragments
(pagecache/fragments.py) can come from the cache.
"""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Site
from wagtail_factories import ImageFactory

import pytest

from home.factories import FooterLinkFactory, MainMenuItemFactory, StandardPageFactory
from portal.factories import SocialLinkFactory
from portal.models import PortalSettings

from .conftest import text

LAYOUT_TABLES = (
    "home_portalsettings",
    "home_mainmenuitem",
    "home_footerlink",
    "home_sociallink",
)


@pytest.fixture(autouse=True)
def _page_cache_off(settings):
    settings.PAGE_CACHE_SECONDS = 0
    settings.FRAGMENT_CACHE_SECONDS = 600


@pytest.fixture
def layout(portal):
    settings_row = PortalSettings.objects.get()
    MainMenuItemFactory(settings=settings_row, page=portal["about"])
    imprint = StandardPageFactory(parent=portal["home"], title="Impressum", slug="impressum")
    FooterLinkFactory(settings=settings_row, page=imprint)
    SocialLinkFactory(settings=settings_row, url="https://www.linkedin.com/company/emmd/")
    return dict(portal, settings=settings_row, imprint=imprint)


def layout_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return [q["sql"] for q in captured if any(table in q["sql"] for table in LAYOUT_TABLES)]


def test_the_layout_is_computed_once_and_shared_by_every_page(client, layout):
    assert layout_queries(client, "/de/")
    for url in ["/de/", "/de/cluster/", "/de/termine/", "/de/ueber-uns/", "/de/flaechen/nord/"]:
        assert layout_queries(client, url) == [], url
    body = text(client.get("/de/termine/"))
    assert "Über uns" in body and "Impressum" in body and "linkedin.com/company/emmd/" in body


def test_the_active_menu_entry_is_marked_per_page(client, layout):
    client.get("/de/")
    assert 'aria-current="page">Über uns' in text(client.get("/de/ueber-uns/"))
    assert 'aria-current="page">Über uns' not in text(client.get("/de/cluster/"))


def test_fragments_off_computes_the_layout_on_every_page(client, layout, settings):
    settings.FRAGMENT_CACHE_SECONDS = 0
    client.get("/de/")
    assert layout_queries(client, "/de/cluster/")


def test_menu_page_title_change_shows_at_once(client, layout):
    client.get("/de/")
    about = layout["about"]
    about.title = "Wer wir sind"
    about.save_revision().publish()
    assert "Wer wir sind" in text(client.get("/de/cluster/"))


def test_unpublished_footer_page_leaves_the_footer(client, layout):
    assert "Impressum" in text(client.get("/de/"))
    layout["imprint"].unpublish()
    assert "Impressum" not in text(client.get("/de/cluster/"))


def test_settings_edits_show_at_once(client, layout):
    client.get("/de/")
    settings_row = layout["settings"]
    settings_row.phone = "+49 341 600 16-0"
    settings_row.save()
    MainMenuItemFactory(settings=settings_row, page=layout["imprint"])
    body = text(client.get("/de/termine/"))
    assert "+49 341 600 16-0" in body
    assert 'class="main-menu__list"' in body and body.count("Impressum") == 2


def test_new_logo_and_site_name_show_at_once(client, layout):
    assert "brand__name" in text(client.get("/de/"))
    settings_row = layout["settings"]
    settings_row.logo = ImageFactory(file=get_test_image_file(), title="Logo")
    settings_row.save()
    body = text(client.get("/de/cluster/"))
    assert 'class="brand__logo"' in body
    site = Site.objects.get(is_default_site=True)
    site.site_name = "EMMD"
    site.save()
    assert 'alt="EMMD"' in text(client.get("/de/termine/"))


def test_each_language_has_its_own_layout(client, layout, translate):
    en_home = translate(layout["home"], title="Home")
    translate(layout["about"], title="About us")
    assert en_home.live
    assert "Über uns" in text(client.get("/de/"))
    english = text(client.get("/en/"))
    assert "About us" in english and "Über uns" not in english


def test_a_cache_outage_computes_the_layout(client, layout, settings):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {"BACKEND": "tests.pagecache.broken_cache.BrokenCache"},
    }
    settings.PAGE_CACHE_ALIAS = "pages"
    response = client.get("/de/cluster/")
    assert response.status_code == 200
    assert "Über uns" in text(response)


def test_a_cached_fragment_tags_the_page_that_uses_it(client, layout, settings):
    """A page stored while its layout came from the cache still goes stale with the layout."""
    settings.PAGE_CACHE_SECONDS = 600
    client.get("/de/")  # computes the fragments
    assert client.get("/de/cluster/")["X-Cache"] == "MISS"  # layout from the fragments
    assert client.get("/de/cluster/")["X-Cache"] == "HIT"
    layout["settings"].phone = "+49 341 600 16-9"
    layout["settings"].save()
    response = client.get("/de/cluster/")
    assert response["X-Cache"] == "MISS"
    assert "+49 341 600 16-9" in text(response)


def site_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return [q["sql"] for q in captured if 'FROM "wagtailcore_site"' in q["sql"]]


def test_the_site_is_found_without_a_query(client, layout):
    assert site_queries(client, "/de/")
    assert site_queries(client, "/de/cluster/") == []


def test_a_site_change_is_seen_at_once(client, layout):
    client.get("/de/")
    site = Site.objects.get(is_default_site=True)
    site.site_name = "Mitteldeutschland-Portal"
    site.save()
    assert site_queries(client, "/de/cluster/")
    assert "Mitteldeutschland-Portal" in text(client.get("/de/termine/"))


def test_site_and_layout_come_in_one_cache_call(client, layout, monkeypatch):
    """The Site, brand, menu and footer are looked up together, not one round trip each."""
    from pagecache import store

    backend = store.cache()
    calls = []

    class Counting:
        def __getattr__(self, name):
            attribute = getattr(backend, name)
            if callable(attribute):
                calls.append(name)
            return attribute

    client.get("/de/")  # computes and stores the fragments
    monkeypatch.setattr(store, "cache", Counting)
    response = client.get("/de/ueber-uns/")
    assert response.status_code == 200
    assert "Über uns" in text(response)  # the menu, from the cache
    assert calls == ["get_many"]


def test_a_fragment_computed_in_the_request_is_reused_by_it(rf, layout):
    from pagecache import fragments

    computed = []
    with fragments.prefetched([("probe", ("x",))]):
        for _ in range(2):
            value = fragments.cached("probe", ("x",), lambda: computed.append(1) or "value")
            assert value == "value"
    assert computed == [1]


def test_prefetching_with_fragments_off_computes_each_time(layout, settings):
    from pagecache import fragments

    settings.FRAGMENT_CACHE_SECONDS = 0
    computed = []
    with fragments.prefetched([("probe", ("y",))]):
        for _ in range(2):
            fragments.cached("probe", ("y",), lambda: computed.append(1))
    assert computed == [1, 1]
