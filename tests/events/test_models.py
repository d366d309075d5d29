"""Events: validation, occurrences of series, the home page's upcoming-events hook."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils import timezone, translation

import pytest

from events.factories import EventPageFactory, aware
from events.models import EventOccurrence, EventPage

pytestmark = pytest.mark.django_db


def errors_of(page):
    with pytest.raises(ValidationError) as caught:
        page.full_clean()
    return caught.value.message_dict


def test_end_before_start_is_rejected_on_the_end_field(event):
    event.end = event.start - dt.timedelta(minutes=1)
    assert "end" in errors_of(event)


def test_deadline_after_start_is_rejected_on_the_deadline_field(event):
    event.registration_deadline = event.start + dt.timedelta(days=1)
    assert "registration_deadline" in errors_of(event)


def test_valid_event_passes(event):
    event.registration_deadline = event.start - dt.timedelta(days=1)
    event.full_clean()


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"recurrence": "weekly"}, "recurrence_until"),
        ({"recurrence": "rule", "recurrence_rule": "FREQ=SOMETIMES"}, "recurrence_rule"),
        ({"recurrence": "rule", "recurrence_rule": "FREQ=MINUTELY;COUNT=3"}, "recurrence_rule"),
        ({"recurrence": "rule", "recurrence_rule": "FREQ=WEEKLY;BYDAY=XX"}, "recurrence_rule"),
        ({"recurrence": "rule", "recurrence_rule": ""}, "recurrence_rule"),
        ({"exception_dates": "2027-02-30"}, "exception_dates"),
        ({"is_free": True, "price": 10}, "price"),
        ({"slug": "kalender"}, "slug"),
        ({"status": "moved_online", "online_url": ""}, "online_url"),
        ({"location": "somewhere"}, "location"),
    ],
)
def test_invalid_series_prices_and_places_are_rejected_on_their_field(event, fields, field):
    for name, value in fields.items():
        setattr(event, name, value)
    assert field in errors_of(event)


def test_weekly_series_lists_every_week_but_the_exception_dates(index_page):
    page = EventPageFactory(
        parent=index_page,
        start=aware(2027, 3, 3, 18),
        end=aware(2027, 3, 3, 20),
        recurrence="weekly",
        recurrence_until=dt.date(2027, 4, 28),
        exception_dates="2027-03-17, 07.04.2027",
    )
    starts = [timezone.localtime(o.start) for o in page.occurrences.all()]
    assert [s.date() for s in starts] == [
        dt.date(2027, 3, 3),
        dt.date(2027, 3, 10),
        dt.date(2027, 3, 24),
        dt.date(2027, 3, 31),
        dt.date(2027, 4, 14),
        dt.date(2027, 4, 21),
        dt.date(2027, 4, 28),
    ]
    # 18:00 local time before and after the switch to summer time on 28 March 2027.
    assert {(s.hour, s.minute) for s in starts} == {(18, 0)}
    assert {s.utcoffset() for s in starts} == {dt.timedelta(hours=1), dt.timedelta(hours=2)}


def test_rule_series_is_expanded_and_capped(index_page):
    page = EventPageFactory(
        parent=index_page,
        start=aware(2027, 1, 6, 18),
        recurrence="rule",
        recurrence_rule="RRULE:FREQ=MONTHLY;BYDAY=1WE;COUNT=5",
    )
    days = [timezone.localtime(o.start).date() for o in page.occurrences.all()]
    assert days == [
        dt.date(2027, 1, 6),
        dt.date(2027, 2, 3),
        dt.date(2027, 3, 3),
        dt.date(2027, 4, 7),
        dt.date(2027, 5, 5),
    ]
    endless = EventPageFactory(
        parent=index_page,
        start=aware(2027, 1, 1, 8),
        recurrence="rule",
        recurrence_rule="FREQ=DAILY",
    )
    assert 0 < endless.occurrences.count() <= 520


def test_all_day_events_end_after_their_last_day(index_page):
    page = EventPageFactory(
        parent=index_page, start=aware(2027, 10, 4, 15), end=aware(2027, 10, 6, 9), all_day=True
    )
    page.refresh_from_db()
    assert timezone.localtime(page.start) == aware(2027, 10, 4)
    occurrence = page.occurrences.get()
    assert timezone.localtime(occurrence.end) == aware(2027, 10, 7)
    assert occurrence.last_day == dt.date(2027, 10, 6)


def test_occurrences_follow_edits_and_deletion(event):
    event.start = event.start + dt.timedelta(days=2)
    event.end = event.start + dt.timedelta(hours=1)
    event.save_revision().publish()
    assert EventOccurrence.objects.get(event=event).start == event.start
    event.delete()
    assert not EventOccurrence.objects.exists()


def test_upcoming_events_are_never_past_and_one_per_series(index_page, future):
    now = timezone.localtime()
    EventPageFactory(
        parent=index_page,
        title="Vorbei",
        start=now - dt.timedelta(days=3),
        end=now - dt.timedelta(days=3, hours=-1),
    )
    series = EventPageFactory(
        parent=index_page,
        title="Stammtisch",
        start=future,
        recurrence="weekly",
        recurrence_until=(future + dt.timedelta(days=60)).date(),
    )
    later = EventPageFactory(parent=index_page, title="Später", start=future + dt.timedelta(days=1))
    EventPageFactory(parent=index_page, title="Noch später", start=future + dt.timedelta(days=9))
    upcoming = index_page.upcoming_events(limit=3)
    assert [e.title for e in upcoming] == ["Stammtisch", "Später", "Noch später"]
    assert all(e.occurrence_end > timezone.now() for e in upcoming)
    assert upcoming[0].pk == series.pk and upcoming[1].pk == later.pk
    assert "Leipzig" in upcoming[0].card_text
    assert index_page.upcoming_events(limit=0) == []


def test_upcoming_events_in_the_active_language(index_page, en_home_page, translate, event):
    english_index = translate(index_page, title="Events", slug="events")
    translate(event, title="Hydrogen dialogue", slug="hydrogen-dialogue")
    with translation.override("en"):
        titles = [e.title for e in index_page.upcoming_events(limit=3)]
    assert titles == ["Hydrogen dialogue"]
    assert [e.title for e in english_index.upcoming_events(3)] == ["Wasserstoff-Dialog"]


def test_an_ongoing_event_is_upcoming_until_it_ends(index_page):
    now = timezone.now()
    EventPageFactory(
        parent=index_page,
        title="Läuft",
        start=now - dt.timedelta(hours=1),
        end=now + dt.timedelta(hours=1),
    )
    assert [e.title for e in index_page.upcoming_events(3)] == ["Läuft"]


def test_json_ld_describes_the_event(client, event):
    from events.jsonld import event_data

    event.online_url = "https://example.org/stream"
    event.save()
    data = event_data(EventPage.objects.get(pk=event.pk))
    assert data["@type"] == "Event"
    assert data["eventAttendanceMode"].endswith("MixedEventAttendanceMode")
    assert data["eventStatus"].endswith("EventScheduled")
    assert data["location"][0]["geo"]["latitude"] == pytest.approx(51.317)
    assert data["startDate"].endswith(("+01:00", "+02:00"))
