"""Template helpers of the events calendar: localised date labels and filter links."""

import datetime as dt

from django import template
from django.utils import formats, timezone
from django.utils.translation import gettext

register = template.Library()


def _date(value):
    return formats.date_format(value, "DATE_FORMAT")


def _time(value):
    return formats.time_format(value, "TIME_FORMAT")


@register.simple_tag
def occurrence_label(start, end=None, all_day=False):
    """The date (and time) of an occurrence in the active language's formats.

    "12. März 2027, 10:00–16:00 Uhr"-style labels come from the locale's DATE_FORMAT and
    TIME_FORMAT; all-day ends are exclusive (midnight after the last day).
    """
    if start is None:
        return ""
    start = timezone.localtime(start)
    end = timezone.localtime(end) if end else None
    if all_day:
        last = end
        if last is not None and last > start and last.time() == dt.time():
            last = last - dt.timedelta(days=1)
        if last is None or last.date() == start.date():
            return _date(start)
        return gettext("%(start)s – %(end)s") % {"start": _date(start), "end": _date(last)}
    if end is None or end == start:
        return gettext("%(date)s, %(time)s") % {"date": _date(start), "time": _time(start)}
    if end.date() == start.date():
        return gettext("%(date)s, %(start)s–%(end)s") % {
            "date": _date(start),
            "start": _time(start),
            "end": _time(end),
        }
    return gettext("%(start)s – %(end)s") % {
        "start": gettext("%(date)s, %(time)s") % {"date": _date(start), "time": _time(start)},
        "end": gettext("%(date)s, %(time)s") % {"date": _date(end), "time": _time(end)},
    }
