"""The choices of `EventPage` (`EventPage.Status`, `EventPage.Recurrence`).

A module of their own, so that the views and filters, which the page modules import, can
name them without importing a page module.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    SCHEDULED = "scheduled", _("Takes place as planned")
    CANCELLED = "cancelled", _("Cancelled")
    POSTPONED = "postponed", _("Postponed, new date to be announced")
    RESCHEDULED = "rescheduled", _("Moved to a new date")
    MOVED_ONLINE = "moved_online", _("Moved online")


class Recurrence(models.TextChoices):
    NONE = "", _("Does not repeat")
    WEEKLY = "weekly", _("Every week on the same weekday")
    MONTHLY = "monthly", _("Every month on the same day")
    RULE = "rule", _("By a rule (RFC 5545 RRULE)")
