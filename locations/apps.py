from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from portal import caching, search_types


class LocationsConfig(AppConfig):
    """The pool of commercial sites and halls with list and map views (issue: location pool)."""

    name = "locations"
    label = "locations"
    verbose_name = _("Commercial sites and halls")

    def ready(self):
        from .models import Kind, LocationPage

        # One page type, two result types: the search tells halls from sites by their kind.
        search_types.register(
            LocationPage,
            "site",
            pgettext_lazy("search result type", "Commercial site"),
            order=20,
        )
        search_types.register(
            LocationPage,
            "hall",
            pgettext_lazy("search result type", "Hall property"),
            order=30,
            where={"kind": Kind.HALL},
        )
        # The feed reads plain values, never instances, and links through the pool pages.
        caching.declare_url_lists(
            "locations_geojson", ["locations.locationpage", "locations.locationindexpage"]
        )
