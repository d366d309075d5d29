from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ListingsConfig(AppConfig):
    """Filter input, pagination, rows, notices and form caching shared by the public lists.
    It has no models."""

    name = "listings"
    label = "listings"
    verbose_name = _("Listings")
