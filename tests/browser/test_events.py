"""Browser journey through the events calendar: filter by category, open an event, get .ics."""

import datetime as dt
from pathlib import Path

from django.utils import timezone

import pytest
from playwright.sync_api import expect

from events.factories import EventCategoryFactory, EventIndexPageFactory, EventPageFactory, aware
from home.models import HomePage


@pytest.fixture
def calendar_data(live_server):
    home = HomePage.objects.get(locale__language_code="de")
    index = EventIndexPageFactory(parent=home, title="Termine", slug="termine")
    sport = EventCategoryFactory(name="Sport", slug="sport")
    kultur = EventCategoryFactory(name="Kultur", slug="kultur")
    day = timezone.localdate() + dt.timedelta(days=20)
    EventPageFactory(
        parent=index,
        title="Konzert Klang der Region",
        slug="konzert",
        start=aware(day.year, day.month, day.day, 19, 30),
        categories=[kultur],
    )
    EventPageFactory(
        parent=index,
        title="Firmenstaffel",
        slug="firmenstaffel",
        start=aware(day.year, day.month, day.day, 10),
        categories=[sport],
        location="SRID=4326;POINT(12.375 51.34)",
    )
    return index


def test_visitor_filters_by_category_opens_an_event_and_downloads_its_ics(
    page, live_server, calendar_data, third_party_requests, page_errors, save_screenshot
):
    page.goto(live_server.url + "/de/termine/")
    expect(page.locator("h1")).to_have_text("Termine")
    expect(page.locator(".event-item")).to_have_count(2)

    # The filter is a plain GET form; the choice ends up in the address.
    # Selectors by id and role, not by label text: the labels come from the catalogues.
    page.locator("#id_category").select_option("sport")
    page.locator(".events-filters button[type=submit]").click()
    page.wait_for_url("**/de/termine/?*category=sport*")
    expect(page.locator(".event-item")).to_have_count(1)
    save_screenshot(page, "events-filtered.png")

    page.get_by_role("link", name="Firmenstaffel").click()
    page.wait_for_url("**/de/termine/firmenstaffel/")
    expect(page.locator("h1")).to_have_text("Firmenstaffel")
    # No map or tiles before consent: only the address and a plain route link.
    expect(page.locator(".leaflet-container")).to_have_count(0)

    with page.expect_download() as download_info:
        page.locator(".event-page__actions a[download]").click()
    download = download_info.value
    assert download.suggested_filename == "firmenstaffel.ics"
    content = Path(download.path()).read_text(encoding="utf-8")
    assert content.startswith("BEGIN:VCALENDAR")
    assert "SUMMARY:Firmenstaffel" in content
    assert "BEGIN:VTIMEZONE" in content

    # The calendar month is reachable by keyboard from the view links.
    page.goto(live_server.url + "/de/termine/kalender/")
    expect(page.locator("table.events-calendar caption")).to_be_visible()
    assert third_party_requests == []
    assert page_errors == []
