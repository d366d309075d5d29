"""Occurrences of events: single dates, weekly or monthly series and RFC 5545 rules.

Series are expanded with dateutil on the local wall-clock time of Europe/Berlin and made
aware afterwards, so an event at 10:00 stays at 10:00 across the daylight-saving switch.
"""

import datetime as dt
import re

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dateutil import rrule

# A rule without an end would repeat for ever; listings and the calendar show occurrences up
# to this far after the first one (the .ics feeds keep the rule itself, without this limit).
HORIZON_DAYS = 3 * 366
MAX_OCCURRENCES = 520
# Frequencies finer than a day would create thousands of rows for a single page.
ALLOWED_FREQUENCIES = {"DAILY", "WEEKLY", "MONTHLY", "YEARLY"}
DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y")


class RecurrenceError(ValueError):
    """An editor's rule or exception date that cannot be used; the message is for the admin."""


def local_naive(value):
    """`value` (aware) as a naive datetime on the clock of the site's time zone."""
    return timezone.localtime(value).replace(tzinfo=None)


def make_aware(value):
    """A naive local wall-clock time as an aware datetime in the site's time zone.

    Times that do not exist (02:30 on the spring-forward night) move forward with zoneinfo's
    `fold=0` rule; that is what calendar apps do, too.
    """
    return timezone.make_aware(value, timezone.get_default_timezone())


def normalise_rule(text):
    """The editor's rule without an `RRULE:` prefix and surrounding blanks, upper case."""
    text = (text or "").strip()
    if text.upper().startswith("RRULE:"):
        text = text[len("RRULE:") :]
    return text.strip().upper()


def parse_rule(text, dtstart):
    """A dateutil rrule for `text` starting at `dtstart` (naive local time), or an error."""
    text = normalise_rule(text)
    if not text:
        raise RecurrenceError(_("Enter a rule such as FREQ=WEEKLY;BYDAY=TU;COUNT=10."))
    if "\n" in text or "DTSTART" in text or "RRULE" in text or "EXDATE" in text:
        raise RecurrenceError(_("Enter one rule only, without DTSTART or EXDATE."))
    parts = dict(part.split("=", 1) for part in text.split(";") if "=" in part)
    if parts.get("FREQ") not in ALLOWED_FREQUENCIES:
        raise RecurrenceError(_("Use FREQ=DAILY, WEEKLY, MONTHLY or YEARLY."))
    # Rules are expanded on naive local times; an UNTIL in UTC (…Z) is read as local time.
    text = re.sub(r"(UNTIL=\d{8}(T\d{6})?)Z", r"\1", text)
    try:
        return rrule.rrulestr(text, dtstart=dtstart, ignoretz=True)
    except (ValueError, TypeError, KeyError, IndexError, OverflowError) as error:
        raise RecurrenceError(
            _("This is not a valid recurrence rule (RFC 5545): %(error)s") % {"error": error}
        ) from error


def parse_exception_dates(text):
    """Dates from the editor's list (one per line or comma-separated; 2027-03-16 or 16.03.2027)."""
    dates = []
    for raw in re.split(r"[\s,;]+", text or ""):
        if not raw:
            continue
        for date_format in DATE_FORMATS:
            try:
                dates.append(dt.datetime.strptime(raw, date_format).date())
                break
            except ValueError:
                continue
        else:
            raise RecurrenceError(
                _("“%(value)s” is not a date; write dates as 2027-03-16 or 16.03.2027.")
                % {"value": raw}
            )
    return sorted(set(dates))


def expand(start, end, all_day, rule_text, exception_dates, *, horizon_days=HORIZON_DAYS):
    """Occurrences as (start, end) pairs of aware datetimes, in order.

    `start`/`end` are the first occurrence's aware times (`end` may be None). For all-day
    events the end of an occurrence is the midnight after its last day, so an event is over
    exactly when its last day is.
    """
    first = local_naive(start)
    last = local_naive(end) if end else first
    if all_day:
        first = dt.datetime.combine(first.date(), dt.time())
        last = dt.datetime.combine(last.date(), dt.time()) + dt.timedelta(days=1)
    # Wall-clock duration: a 10:00–12:00 event lasts 10:00–12:00 on every date of a series.
    duration = max(last - first, dt.timedelta())
    if not rule_text:
        starts = [first]
    else:
        rule = parse_rule(rule_text, first)
        limit = first + dt.timedelta(days=horizon_days)
        excluded = set(exception_dates or ())
        starts = []
        for occurrence in rule:
            if occurrence > limit or len(starts) >= MAX_OCCURRENCES:
                break
            if occurrence.date() not in excluded:
                starts.append(occurrence)
    return [(make_aware(value), make_aware(value + duration)) for value in starts]
