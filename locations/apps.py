from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LocationsConfig(AppConfig):
    """The pool of commercial sites and halls with list and map views (issue: location pool)."""

    name = "locations"
    label = "locations"
    verbose_name = _("Commercial sites and halls")
