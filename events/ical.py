"""iCalendar (RFC 5545) files of events: one event's download and the subscribable feeds.

Made with the `icalendar` library. Each event is one VEVENT whose UID is derived from the
page's translation key, so it stays the same across edits and languages; a series keeps its
rule (RRULE with EXDATE) instead of being expanded. Times carry TZID=Europe/Berlin and the
file holds a VTIMEZONE with the rules of German daylight-saving time.
"""

import datetime as dt
import zoneinfo

from django.conf import settings
from django.utils import timezone

from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard, vRecur

from . import recurrence

TZID = "Europe/Berlin"
PRODID = "-//Europaeische Metropolregion Mitteldeutschland e.V.//Termine//DE"
UID_DOMAIN = getattr(settings, "EVENTS_ICAL_UID_DOMAIN", "mitteldeutschland.com")
STATUS = {
    "scheduled": "CONFIRMED",
    "rescheduled": "CONFIRMED",
    "moved_online": "CONFIRMED",
    "postponed": "TENTATIVE",
    "cancelled": "CANCELLED",
}


def event_uid(event):
    """Stable across edits, moves and translations: the page's translation key."""
    return f"{event.translation_key}@{UID_DOMAIN}"


def berlin_vtimezone():
    """VTIMEZONE for Europe/Berlin with the EU rule (last Sunday of March / October).

    The EU rule has applied since 1996; it is written as yearly rules, the form calendar apps
    themselves publish, so the file is valid for every year the events cover.
    """
    tz = Timezone()
    tz.add("tzid", TZID)
    tz.add("x-lic-location", TZID)
    daylight = TimezoneDaylight()
    daylight.add("tzname", "CEST")
    daylight.add("tzoffsetfrom", dt.timedelta(hours=1))
    daylight.add("tzoffsetto", dt.timedelta(hours=2))
    # Onset in the local time before the switch (RFC 5545 3.6.5): 02:00 CET.
    daylight.add("dtstart", dt.datetime(1996, 3, 31, 2, 0))
    daylight.add("rrule", vRecur(freq="YEARLY", bymonth=3, byday="-1SU"))
    standard = TimezoneStandard()
    standard.add("tzname", "CET")
    standard.add("tzoffsetfrom", dt.timedelta(hours=2))
    standard.add("tzoffsetto", dt.timedelta(hours=1))
    standard.add("dtstart", dt.datetime(1996, 10, 27, 3, 0))
    standard.add("rrule", vRecur(freq="YEARLY", bymonth=10, byday="-1SU"))
    tz.add_component(daylight)
    tz.add_component(standard)
    return tz


def _local(value):
    """An aware datetime on Berlin's clock, as icalendar writes with TZID=Europe/Berlin."""
    return timezone.localtime(value, zoneinfo.ZoneInfo(TZID))


def _rule(event, first_local):
    """The event's RRULE as a vRecur; UNTIL in UTC (timed) or as a date (all-day)."""
    text = event.rule_text
    if not text:
        return None
    recur = vRecur.from_ical(text)
    if "UNTIL" in recur:
        until = recur["UNTIL"][0]
        if isinstance(until, dt.datetime):
            until = until.replace(tzinfo=None)
        else:
            until = dt.datetime.combine(until, dt.time(23, 59, 59))
        if event.all_day:
            recur["UNTIL"] = [until.date()]
        else:
            recur["UNTIL"] = [recurrence.make_aware(until).astimezone(dt.UTC)]
    return recur


def build_event(event, request=None):
    vevent = Event()
    vevent.add("uid", event_uid(event))
    vevent.add("dtstamp", timezone.now().astimezone(dt.UTC))
    modified = event.last_published_at or event.latest_revision_created_at
    if modified:
        vevent.add("last-modified", modified.astimezone(dt.UTC))
    vevent.add("summary", event.title)
    url = event.get_full_url(request)
    description = event.summary or ""
    organisers = [organiser.name for organiser in event.organisers.all()]
    if organisers:
        description += "\n\n" + ", ".join(organisers)
    if url:
        description += "\n\n" + url
        vevent.add("url", url)
    vevent.add("description", description.strip())
    location = ", ".join(part for part in (event.venue_name, event.address_line) if part)
    if not location and event.online_url:
        location = event.online_url
    if location:
        vevent.add("location", location)
    if event.point:
        vevent.add("geo", event.point)
    vevent.add("status", STATUS.get(event.status, "CONFIRMED"))
    names = [link.category.name for link in event.category_links.all()]
    if names:
        vevent.add("categories", names)

    start = _local(event.start)
    if event.all_day:
        last = _local(event.end).date() if event.end else start.date()
        vevent.add("dtstart", start.date())
        # DTEND of an all-day event is exclusive: the day after the last day.
        vevent.add("dtend", last + dt.timedelta(days=1))
    else:
        vevent.add("dtstart", start)
        if event.end and event.end > event.start:
            vevent.add("dtend", _local(event.end))
    rule = _rule(event, start)
    if rule is not None:
        vevent.add("rrule", rule)
        exdates = event.excluded_dates
        if exdates:
            if event.all_day:
                vevent.add("exdate", exdates)
            else:
                vevent.add(
                    "exdate",
                    [
                        recurrence.make_aware(dt.datetime.combine(day, start.time()))
                        for day in exdates
                    ],
                )
    return vevent


def build_calendar(events, name, request=None):
    """The bytes of an .ics file with one VEVENT per event."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", TZID)
    calendar.add_component(berlin_vtimezone())
    for event in events:
        calendar.add_component(build_event(event, request))
    return calendar.to_ical()
