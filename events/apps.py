from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """The events calendar (Termine) and event documentation (issue: events)."""

    name = "events"
    label = "events"
    verbose_name = _("Events")
