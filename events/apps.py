from django.apps import AppConfig
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from portal import search_types


def not_ended(now):
    """Events that have not ended yet at `now` (one without an end: not started yet)."""
    return Q(end__gte=now) | Q(end__isnull=True, start__gte=now)


def has_not_ended(event, now):
    """The same as `not_ended` for a loaded event page."""
    end = event.end or event.start
    return end is not None and end >= now


class EventsConfig(AppConfig):
    """The events calendar (Termine) and event documentation (issue: events)."""

    name = "events"
    label = "events"
    verbose_name = _("Events")

    def ready(self):
        # Upcoming events come first among equally relevant hits.
        search_types.register(
            self.get_model("EventPage"),
            "event",
            pgettext_lazy("search result type", "Event"),
            order=40,
            upcoming=search_types.Upcoming(condition=not_ended, test=has_not_ended),
        )
