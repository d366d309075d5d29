from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """The portal's site search."""

    name = "search"
    label = "portal_search"
    verbose_name = _("Search")

    def ready(self):
        from . import signals

        signals.connect()
