"""Routing from the home page in two queries (home/routing.py), with Wagtail's results."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page

import pytest

from events.factories import EventIndexPageFactory, EventPageFactory
from home.factories import StandardPageFactory
from home.routing import MAX_SHORTCUT_DEPTH


@pytest.fixture(autouse=True)
def _page_cache_off(settings):
    settings.PAGE_CACHE_SECONDS = 0


def page_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    return sum('FROM "wagtailcore_page"' in q["sql"] for q in captured)


@pytest.fixture
def chain(home_page):
    """/de/a/b/c/d/: standard pages five levels down."""
    pages = [home_page]
    for slug in "abcde":
        pages.append(StandardPageFactory(parent=pages[-1], title=slug.upper(), slug=slug))
    return pages


@pytest.mark.parametrize("depth", range(1, 6))
def test_every_level_is_found(client, site, chain, depth):
    url = "/de/" + "".join(f"{slug}/" for slug in "abcde"[:depth])
    response = client.get(url)
    assert response.status_code == 200
    assert response.context["page"].pk == chain[depth].pk


def test_page_queries_do_not_grow_with_depth(client, site, chain):
    client.get("/de/")  # the shared layout, computed once
    assert page_queries(client, "/de/a/b/c/d/e/") == page_queries(client, "/de/a/")


@pytest.mark.parametrize(
    "url",
    ["/de/x/", "/de/a/x/", "/de/a/b/x/c/", "/de/b/", "/de/a/c/", "/de/" + "a/" * 40],
)
def test_missing_pages_are_404(client, site, chain, url):
    assert client.get(url).status_code == 404


def test_a_long_path_is_routed_level_by_level(client, site, home_page):
    parent = home_page
    for level in range(MAX_SHORTCUT_DEPTH + 1):
        parent = StandardPageFactory(parent=parent, title=f"L{level}", slug=f"l{level}")
    url = "/de/" + "".join(f"l{level}/" for level in range(MAX_SHORTCUT_DEPTH + 1))
    assert client.get(url).context["page"].pk == parent.pk


def test_a_draft_on_the_way_is_passed_but_not_served(client, site, chain):
    Page.objects.filter(pk=chain[2].pk).update(live=False)
    assert client.get("/de/a/b/").status_code == 404
    assert client.get("/de/a/b/c/").status_code == 200


def test_same_slug_under_another_parent_is_not_confused(client, site, chain, home_page):
    other = StandardPageFactory(parent=home_page, title="Other", slug="other")
    StandardPageFactory(parent=other, title="Other B", slug="b")
    assert client.get("/de/other/b/").context["page"].title == "Other B"
    assert client.get("/de/a/b/").context["page"].pk == chain[2].pk


def test_sub_routes_come_before_children_as_in_wagtail(client, site, home_page):
    """A child whose slug equals a sub-route of its routable parent is shadowed by it.

    The calendar refuses such slugs in the admin; an older page or an import can have one.
    """
    events = EventIndexPageFactory(parent=home_page, slug="termine")
    shadowed = EventPageFactory(parent=events, title="Ein Ereignis namens Archiv", slug="alt")
    Page.objects.filter(pk=shadowed.pk).update(
        slug="archiv", url_path=shadowed.url_path.replace("/alt/", "/archiv/")
    )
    response = client.get("/de/termine/archiv/")
    assert response.status_code == 200
    assert response.context["page"].pk == events.pk
    event = EventPageFactory(parent=events, title="Konferenz", slug="konferenz")
    assert client.get("/de/termine/konferenz/").context["page"].pk == event.pk


def test_the_home_page_is_served_whole_after_a_cached_site(client, site, home_page, settings):
    """The cached Site's root page has only the common fields; the home page needs all."""
    settings.FRAGMENT_CACHE_SECONDS = 600
    home_page.intro_heading = "Willkommen in Mitteldeutschland"
    home_page.save_revision().publish()
    client.get("/de/")  # caches the Site with its deferred root page
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/de/")
    assert "Willkommen in Mitteldeutschland" in response.content.decode()
    home_loads = [q for q in captured if 'FROM "home_homepage"' in q["sql"]]
    assert len(home_loads) == 1
