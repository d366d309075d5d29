"""The dates of events: one `EventOccurrence` per date, written whenever an event is saved."""

import copy
import datetime as dt

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# The fields of `EventPage` its occurrences are computed from (`EventPage.save`).
OCCURRENCE_FIELDS = {"start", "end", "all_day", "recurrence", "recurrence_until"} | {
    "recurrence_rule",
    "exception_dates",
}


class EventOccurrence(models.Model):
    """One date of an event (a single event has one, a series one per repetition).

    Written automatically when an event is saved; editors never edit occurrences.
    """

    event = models.ForeignKey(
        "events.EventPage",
        on_delete=models.CASCADE,
        related_name="occurrences",
        verbose_name=_("event"),
    )
    start = models.DateTimeField(_("start"), db_index=True)
    end = models.DateTimeField(_("end"), db_index=True)

    class Meta:
        verbose_name = _("occurrence")
        verbose_name_plural = _("occurrences")
        ordering = ["start", "pk"]
        indexes = [
            models.Index(fields=["event", "start"], name="events_occ_event_start"),
            # Lists and the home page's teaser read occurrences by start and skip those that
            # are over (`end`) within the index, without visiting the table.
            models.Index(fields=["start", "end"], name="events_occ_start_end"),
        ]

    def __str__(self):
        return f"{self.event.title} ({timezone.localtime(self.start):%Y-%m-%d %H:%M})"

    @property
    def local_start(self):
        return timezone.localtime(self.start)

    @property
    def last_day(self):
        """The last calendar day the occurrence covers (all-day ends are exclusive)."""
        end = timezone.localtime(self.end)
        if end > self.local_start and end.time() == dt.time():
            return (end - dt.timedelta(days=1)).date()
        return end.date()

    def as_event(self):
        """The event page for this occurrence (a copy, so a series can appear twice)."""
        event = copy.copy(self.event)
        event.occurrence_start = self.start
        event.occurrence_end = self.end
        return event
