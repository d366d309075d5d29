"""The pool's demo steps: they replace the stand-in pages, translate, and are idempotent."""

import io
from decimal import Decimal

import pytest

from demo.engine import Demo
from demo.home import loader as home_demo
from demo.locations import loader as demo
from home.factories import StandardPageFactory
from home.models import HomePage, StandardPage
from locations.models import LocationIndexPage, LocationPage
from portal.models import MainMenuItem, PortalSettings

pytestmark = pytest.mark.django_db


@pytest.fixture
def command(de_locale, en_locale):
    command = Demo(io.StringIO())
    command.locales = {"de": de_locale, "en": en_locale}
    home_demo.HomeLoader(command, home_demo.data()).load_images()  # `translate` maps the chart
    return command


def run(command):
    return [(label, step()) for label, step in demo.steps(command)]


def test_demo_replaces_stand_ins_and_is_idempotent(
    command, site, home_page, en_home_page, translate
):
    settings = PortalSettings.for_site(site)
    stand_in = StandardPageFactory(parent=home_page, title="Gewerbeflächen", slug="gewerbeflaechen")
    translate(stand_in, title="Commercial sites", slug="commercial-sites")
    other = StandardPageFactory(parent=home_page, title="Über uns", slug="ueber-uns")
    MainMenuItem.objects.create(settings=settings, page=other, sort_order=0)
    MainMenuItem.objects.create(settings=settings, page=stand_in, sort_order=1)

    first = run(command)
    assert all(tally.changed for _label, tally in first)
    assert not StandardPage.objects.filter(slug__in=["gewerbeflaechen", "commercial-sites"])

    sites = LocationIndexPage.objects.get(locale=home_page.locale, slug="gewerbeflaechen")
    halls = LocationIndexPage.objects.get(locale=home_page.locale, slug="hallenobjekte")
    assert (sites.kind, halls.kind) == ("site", "hall")
    assert sites.url == "/de/gewerbeflaechen/"
    english_sites = sites.get_translation(en_home_page.locale)
    assert english_sites.url == "/en/commercial-sites/"

    german = LocationPage.objects.filter(locale=home_page.locale)
    english = LocationPage.objects.filter(locale=en_home_page.locale)
    assert german.count() == len(demo.data()["sites"]) + len(demo.data()["halls"]) >= 30
    assert english.count() == german.count()
    star_park = english.get(title="Star Park Halle (Saale)")
    assert star_park.url.startswith("/en/commercial-sites/")
    assert english.filter(title="Espenhain Industrial Park", kind="site").exists()
    assert all(page.live for page in english)
    # Facts follow the source.
    espenhain = german.get(slug="industriepark-espenhain")
    assert espenhain.available_area_ha == Decimal("14.3")
    assert espenhain.get_translation(en_home_page.locale).latitude == espenhain.latitude

    # The menu entry of the stand-in now points at the pool, at the same place.
    menu = list(
        settings.main_menu_items.order_by("sort_order").values_list("page_id", "sort_order")
    )
    assert menu[0] == (other.pk, 0)
    assert (sites.pk, 1) in menu
    assert any(page_id == halls.pk for page_id, _order in menu)

    german_home = HomePage.objects.get(pk=home_page.pk)
    assert (german_home.sites_page_id, german_home.halls_page_id) == (sites.pk, halls.pk)
    english_home = HomePage.objects.get(pk=en_home_page.pk)
    assert english_home.sites_page_id == english_sites.pk

    second = run(command)
    assert [(label, tally.changed) for label, tally in second] == [
        (label, 0) for label, _tally in second
    ]
