"""iCal files: valid RFC 5545, stable UIDs, rules kept, local times across the DST switch."""

import datetime as dt
import zoneinfo

import pytest
from icalendar import Calendar

from events.factories import EventPageFactory, aware

pytestmark = pytest.mark.django_db
BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    for vevent in calendar.walk("VEVENT"):
        for required in ("UID", "DTSTAMP", "DTSTART", "SUMMARY"):
            assert required in vevent, required
    # Every TZID used is defined by a VTIMEZONE in the file.
    assert calendar.get_missing_tzids() == set()
    return calendar


def test_every_feed_parses(client, event, categories, index_page):
    EventPageFactory(
        parent=index_page,
        title="Sportfest",
        start=aware(2099, 5, 1),
        all_day=True,
        categories=[categories["sport"]],
    )
    paths = ["/de/termine/ical/", "/de/termine/wasserstoff-dialog/ical/"]
    paths += [f"/de/termine/ical/{slug}/" for slug in categories]
    for path in paths:
        calendar = parse(client.get(path))
        if path.endswith("/sport/"):
            assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == ["Sportfest"]
    download = client.get("/de/termine/wasserstoff-dialog/ical/")
    assert 'filename="wasserstoff-dialog.ics"' in download["Content-Disposition"]


def test_event_crossing_the_dst_switch_keeps_its_local_times(client, index_page):
    # Summer time starts on 28 March 2027 at 02:00: 18:00 CET to 04:00 CEST.
    EventPageFactory(
        parent=index_page,
        title="Lange Nacht",
        slug="lange-nacht",
        start=aware(2027, 3, 27, 18),
        end=aware(2027, 3, 28, 4),
    )
    response = client.get("/de/termine/lange-nacht/ical/")
    text = response.content.decode()
    assert "DTSTART;TZID=Europe/Berlin:20270327T180000" in text
    assert "DTEND;TZID=Europe/Berlin:20270328T040000" in text
    vevent = parse(response).walk("VEVENT")[0]
    start, end = vevent.decoded("DTSTART"), vevent.decoded("DTEND")
    assert (start.hour, end.hour) == (18, 4)
    # Nine real hours, not ten: the clock skipped one.
    assert end.astimezone(dt.UTC) - start.astimezone(dt.UTC) == dt.timedelta(hours=9)


def test_vtimezone_matches_german_daylight_saving_time(client, event):
    vtimezone = parse(client.get("/de/termine/ical/")).walk("VTIMEZONE")[0]
    assert vtimezone["TZID"] == "Europe/Berlin"
    tz = vtimezone.to_tz()
    for year in (2019, 2026, 2027, 2030):
        for month, day, hour in ((3, 20, 12), (4, 1, 12), (10, 20, 12), (11, 1, 12)):
            moment = dt.datetime(year, month, day, hour)
            expected = moment.replace(tzinfo=BERLIN).utcoffset()
            assert tz.utcoffset(moment) == expected, moment
    daylight = vtimezone.walk("DAYLIGHT")[0]
    # RFC 5545: onset in the local time before the switch (02:00 CET).
    assert daylight.decoded("DTSTART").hour == 2


def test_series_keep_their_rule_and_exception_dates(client, index_page):
    EventPageFactory(
        parent=index_page,
        title="Stammtisch",
        slug="stammtisch",
        start=aware(2027, 3, 3, 18),
        end=aware(2027, 3, 3, 20),
        recurrence="weekly",
        recurrence_until=dt.date(2027, 4, 28),
        exception_dates="2027-03-31",
    )
    vevent = parse(client.get("/de/termine/stammtisch/ical/")).walk("VEVENT")[0]
    rule = vevent["RRULE"]
    assert rule["FREQ"] == ["WEEKLY"]
    # UNTIL in UTC because DTSTART has a TZID (RFC 5545 3.3.10).
    assert rule["UNTIL"][0].utcoffset() == dt.timedelta(0)
    exdate = vevent["EXDATE"].dts[0].dt
    assert exdate == aware(2027, 3, 31, 18)
    assert (exdate.hour, exdate.utcoffset()) == (18, dt.timedelta(hours=2))


def test_uid_is_stable_across_edits_and_languages(
    client, event, en_home_page, translate, index_page
):
    def uid(path):
        return str(parse(client.get(path)).walk("VEVENT")[0]["UID"])

    before = uid("/de/termine/wasserstoff-dialog/ical/")
    event.title = "Wasserstoff-Dialog 2027"
    event.start = event.start + dt.timedelta(days=1)
    event.end = event.start + dt.timedelta(hours=2)
    event.save_revision().publish()
    assert uid("/de/termine/wasserstoff-dialog/ical/") == before
    translate(index_page, title="Events", slug="events")
    translate(event, title="Hydrogen dialogue", slug="hydrogen-dialogue")
    assert uid("/en/events/hydrogen-dialogue/ical/") == before


def test_all_day_events_use_dates_with_an_exclusive_end(client, index_page):
    EventPageFactory(
        parent=index_page,
        title="Messe",
        slug="messe",
        start=aware(2027, 10, 4),
        end=aware(2027, 10, 6),
        all_day=True,
    )
    vevent = parse(client.get("/de/termine/messe/ical/")).walk("VEVENT")[0]
    assert vevent.decoded("DTSTART") == dt.date(2027, 10, 4)
    assert vevent.decoded("DTEND") == dt.date(2027, 10, 7)


def test_feed_queries_do_not_grow_with_events(client, django_assert_max_num_queries, make_events):
    from django.core.cache import cache

    make_events(10)
    client.get("/de/termine/ical/")
    cache.clear()  # measure building the feed, not the cached answer
    with django_assert_max_num_queries(30) as small:
        client.get("/de/termine/ical/")
    make_events(190)
    cache.clear()
    with django_assert_max_num_queries(30) as large:
        response = client.get("/de/termine/ical/")
    assert len(parse(response).walk("VEVENT")) == 200
    assert len(large) == len(small)


def test_cached_feed_follows_publishing(client, event):
    assert "SUMMARY:Wasserstoff-Dialog\r\n" in client.get("/de/termine/ical/").content.decode()
    event.title = "Wasserstoff-Dialog 2027"
    event.save_revision().publish()
    assert "SUMMARY:Wasserstoff-Dialog 2027" in client.get("/de/termine/ical/").content.decode()
    event.unpublish()
    assert "BEGIN:VEVENT" not in client.get("/de/termine/ical/").content.decode()
