"""Freshness after every kind of edit, and exactness: unrelated pages stay cached."""

import datetime as dt
import json

from django.utils import timezone

from wagtail.models import Page

import pytest

from clusters.models import ClusterPageQuote
from events.factories import EventPageFactory
from home.factories import MainMenuItemFactory, ProjectTeaserFactory, StandardPageFactory
from portal.factories import PortalSettingsFactory
from portal.models import PortalSettings
from quotes.factories import QuoteFactory
from quotes.models import Quote

from .conftest import cached, fetch, text

UNRELATED_TO_EVENTS = ["/de/cluster/", "/de/flaechen/", "/de/api/locations.geojson"]
UNRELATED_TO_LOCATIONS = ["/de/termine/", "/de/cluster/", "/de/termine/ical/"]


def warm(client, urls):
    for url in urls:
        cached(client, url)


def assert_still_cached(client, urls):
    for url in urls:
        assert fetch(client, url)[0] == "HIT", url


def fresh(client, url):
    """The next fetch renders anew (the entry was purged) and is then cached again."""
    state, response = fetch(client, url)
    assert state == "MISS", (url, state)
    return response


# Pages: publish, unpublish, move, delete


def test_publish_refreshes_the_page_and_every_page_showing_it(client, portal):
    chemie = portal["chemie"]
    urls = ["/de/cluster/chemie-und-kunststoffe/", "/de/cluster/", "/de/"]
    warm(client, urls + ["/de/termine/", "/de/flaechen/nord/"])
    chemie.title = "Chemie, Kunststoffe und Bioökonomie"
    chemie.save_revision().publish()
    for url in urls:
        assert "Bioökonomie" in text(fresh(client, url)), url
    assert_still_cached(client, ["/de/termine/", "/de/flaechen/nord/"])


def test_publishing_a_menu_page_refreshes_every_page(client, portal):
    about = portal["about"]
    settings_row = PortalSettings.objects.get()
    MainMenuItemFactory(settings=settings_row, page=about)
    urls = ["/de/", "/de/cluster/", "/de/termine/", "/de/flaechen/nord/"]
    warm(client, urls)
    about.title = "Wer wir sind"
    about.save_revision().publish()
    for url in urls:
        assert "Wer wir sind" in text(fresh(client, url)), url


def test_unpublish_removes_the_page_from_listings(client, portal):
    optik = portal["optik"]
    warm(client, ["/de/cluster/", "/de/", "/de/cluster/optik-und-photonik/"])
    optik.unpublish()
    assert "Optik und Photonik" not in text(fresh(client, "/de/cluster/"))
    assert "Optik und Photonik" not in text(fresh(client, "/de/"))
    assert client.get("/de/cluster/optik-und-photonik/").status_code == 404


def test_new_page_appears_in_its_listing(client, portal):
    warm(client, ["/de/termine/", "/de/termine/ical/", "/de/"] + UNRELATED_TO_EVENTS)
    start = timezone.now() + dt.timedelta(days=3)
    EventPageFactory(parent=portal["events"], title="Neujahrsempfang", start=start)
    for url in ["/de/termine/", "/de/termine/ical/", "/de/"]:
        assert "Neujahrsempfang" in text(fresh(client, url)), url
    assert_still_cached(client, UNRELATED_TO_EVENTS)


def test_move_refreshes_old_and_new_addresses_and_links(client, portal):
    about = portal["about"]
    team = StandardPageFactory(parent=about, title="Team", slug="team")
    MainMenuItemFactory(settings=PortalSettings.objects.get(), page=team)
    warm(client, ["/de/ueber-uns/team/", "/de/cluster/"])
    team.move(portal["home"], pos="last-child")
    # Gone from its old address (a redirect may be created for it) and linked at its new one.
    assert client.get("/de/ueber-uns/team/").status_code in (301, 404)
    assert 'href="/de/team/"' in text(fresh(client, "/de/cluster/"))
    assert client.get("/de/team/").status_code == 200


def test_slug_change_refreshes_links_to_the_children(
    client, portal, django_capture_on_commit_callbacks
):
    about = portal["about"]
    team = StandardPageFactory(parent=about, title="Team", slug="team")
    MainMenuItemFactory(settings=PortalSettings.objects.get(), page=team)
    warm(client, ["/de/cluster/"])
    # Wagtail announces a slug change after the commit.
    with django_capture_on_commit_callbacks(execute=True):
        about.slug = "verein"
        about.save_revision().publish()
    assert 'href="/de/verein/team/"' in text(fresh(client, "/de/cluster/"))


def test_delete_removes_the_page_everywhere(client, portal):
    warm(client, ["/de/cluster/", "/de/", "/de/cluster/optik-und-photonik/"])
    Page.objects.get(pk=portal["optik"].pk).delete()
    assert "Optik und Photonik" not in text(fresh(client, "/de/cluster/"))
    assert "Optik und Photonik" not in text(fresh(client, "/de/"))
    assert client.get("/de/cluster/optik-und-photonik/").status_code == 404


# Snippets and settings


def test_project_teaser_edit_refreshes_the_home_page_only(client, portal, en_home_page):
    teaser = ProjectTeaserFactory(name="Metropolregion digital")
    others = [
        "/de/cluster/",
        "/de/termine/",
        "/de/flaechen/",
        "/de/cluster/chemie-und-kunststoffe/",
    ]
    warm(client, ["/de/", "/en/"] + others)
    teaser.name = "Metropolregion vernetzt"
    teaser.save_revision().publish()
    assert "Metropolregion vernetzt" in text(fresh(client, "/de/"))
    # The English home page shows the German teaser until it is translated.
    assert "Metropolregion vernetzt" in text(fresh(client, "/en/"))
    assert_still_cached(client, others)


def test_unpublished_project_teaser_disappears(client, portal):
    teaser = ProjectTeaserFactory(name="Auslaufprojekt")
    warm(client, ["/de/", "/de/cluster/"])
    teaser.unpublish()
    assert "Auslaufprojekt" not in text(fresh(client, "/de/"))
    assert_still_cached(client, ["/de/cluster/"])


def test_new_project_teaser_appears(client, portal):
    warm(client, ["/de/", "/de/cluster/"])
    ProjectTeaserFactory(name="Innovationsregion")
    assert "Innovationsregion" in text(fresh(client, "/de/"))
    assert_still_cached(client, ["/de/cluster/"])


def test_quote_edit_refreshes_the_pages_that_show_it(client, portal):
    quote = portal["quote"]
    home = portal["home"]
    home.quotes = [("quote_snippet", quote)]
    home.save_revision().publish()
    warm(client, ["/de/", "/de/cluster/chemie-und-kunststoffe/"])
    warm(client, ["/de/cluster/optik-und-photonik/", "/de/cluster/", "/de/termine/"])
    quote.text = "Chemie und Kunststoffe haben hier Zukunft."
    quote.save_revision().publish()
    for url in ["/de/", "/de/cluster/chemie-und-kunststoffe/"]:
        assert "Kunststoffe haben hier Zukunft" in text(fresh(client, url)), url
    assert_still_cached(client, ["/de/cluster/optik-und-photonik/", "/de/cluster/", "/de/termine/"])


def test_quote_going_live_appears_where_it_was_chosen(
    client, portal, django_capture_on_commit_callbacks
):
    optik = portal["optik"]
    with django_capture_on_commit_callbacks(execute=True):
        draft = QuoteFactory(text="Licht ist unser Werkzeug.", live=False)
        ClusterPageQuote.objects.create(page=optik, quote=draft, sort_order=1)
        optik.save_revision().publish()
    response = cached(client, "/de/cluster/optik-und-photonik/")
    assert "Licht ist unser Werkzeug" not in text(response)
    warm(client, ["/de/cluster/chemie-und-kunststoffe/"])
    draft = Quote.objects.get(pk=draft.pk)
    draft.save_revision().publish()
    assert "Licht ist unser Werkzeug" in text(fresh(client, "/de/cluster/optik-und-photonik/"))
    assert_still_cached(client, ["/de/cluster/chemie-und-kunststoffe/"])


def test_quote_delete_refreshes_the_cluster_page(client, portal):
    warm(client, ["/de/cluster/chemie-und-kunststoffe/"])
    portal["quote"].delete()
    assert "Chemie hat hier Zukunft" not in text(
        fresh(client, "/de/cluster/chemie-und-kunststoffe/")
    )


def test_portal_settings_edit_refreshes_every_page(client, portal, en_home_page):
    urls = [
        "/de/",
        "/en/",
        "/de/cluster/",
        "/de/cluster/chemie-und-kunststoffe/",
        "/de/termine/",
        "/de/termine/archiv/",
        "/de/flaechen/karte/",
        "/de/ueber-uns/",
    ]
    warm(client, urls)
    PortalSettingsFactory(phone="+49 341 999 99-9")
    for url in urls:
        assert "+49 341 999 99-9" in text(fresh(client, url)), url


def test_settings_menu_entry_refreshes_every_page(client, portal):
    warm(client, ["/de/", "/de/termine/"])
    MainMenuItemFactory(settings=PortalSettings.objects.get(), page=portal["about"])
    for url in ["/de/", "/de/termine/"]:
        assert 'href="/de/ueber-uns/"' in text(fresh(client, url)), url


# Events and locations


def test_event_edit_refreshes_listings_home_and_feeds(client, portal):
    event = portal["event"]
    start = timezone.localtime(event.start)
    urls = [
        "/de/termine/",
        f"/de/termine/kalender/{start:%Y}/{start:%m}/",
        "/de/termine/ical/",
        "/de/termine/clusterkonferenz/",
        "/de/termine/clusterkonferenz/ical/",
        "/de/",
    ]
    warm(client, urls + UNRELATED_TO_EVENTS)
    event.title = "Clusterkonferenz Mitteldeutschland"
    event.save_revision().publish()
    for url in urls:
        assert "Clusterkonferenz Mitteldeutschland" in text(fresh(client, url)), url
    assert_still_cached(client, UNRELATED_TO_EVENTS)


def test_location_edit_refreshes_list_map_and_geojson(client, portal):
    location = portal["location"]
    urls = ["/de/flaechen/", "/de/flaechen/karte/", "/de/flaechen/nord/"]
    warm(client, urls + ["/de/api/locations.geojson"] + UNRELATED_TO_LOCATIONS)
    location.title = "Industriepark Nord"
    location.save_revision().publish()
    for url in urls:
        assert "Industriepark Nord" in text(fresh(client, url)), url
    feed = json.loads(fresh(client, "/de/api/locations.geojson").content)
    assert [f["properties"]["title"] for f in feed["features"]] == ["Industriepark Nord"]
    assert_still_cached(client, UNRELATED_TO_LOCATIONS)


@pytest.mark.parametrize("change", ["unpublish", "delete"])
def test_location_removal_empties_the_feed(client, portal, change):
    warm(client, ["/de/api/locations.geojson", "/de/flaechen/"])
    location = Page.objects.get(pk=portal["location"].pk)
    getattr(location, change)()
    feed = json.loads(fresh(client, "/de/api/locations.geojson").content)
    assert feed["features"] == []
    assert "Gewerbegebiet Nord" not in text(fresh(client, "/de/flaechen/"))


# Images


def test_image_edit_refreshes_pages_showing_it(client, portal):
    teaser = ProjectTeaserFactory(name="Logo-Projekt")
    warm(client, ["/de/", "/de/cluster/"])
    image = teaser.logo
    image.title = "Neues Logo"
    image.save()
    assert fetch(client, "/de/")[0] == "MISS"
    assert_still_cached(client, ["/de/cluster/"])


# Translations


def test_publishing_a_translation_refreshes_the_source_page(
    client, portal, en_home_page, translate
):
    cluster_index = portal["cluster_index"]
    warm(client, ["/de/cluster/", "/de/termine/"])
    assert 'href="http://testserver/en/clusters/"' not in text(fetch(client, "/de/cluster/")[1])
    translate(cluster_index, title="Clusters", slug="clusters")
    # The German page now names its English translation (hreflang and language switcher).
    assert 'href="http://testserver/en/clusters/"' in text(fresh(client, "/de/cluster/"))
    assert_still_cached(client, ["/de/termine/"])
