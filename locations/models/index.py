"""The pool page: one per pool, with the filterable list and the map (`karte/`)."""

from django.db import models
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

# The views import `choices`, `geo` and `location`, never this module, so this is no cycle.
from .. import views
from .choices import Kind


class LocationIndexPage(RoutablePageMixin, Page):
    """One pool of the investor search: "Gewerbeflächen" (sites) or "Hallenobjekte" (halls).

    Editors create one per pool below the home page and add the properties below it. The page
    shows the filterable list at its own address and the location map at `karte/`; the home
    page's pool box links to both.
    """

    # What the cached page lists (portal/caching.py): list and map (`karte/`) of the pool.
    cache_lists = ["locations.locationpage"]

    kind = models.CharField(
        _("kind of property"),
        max_length=4,
        choices=Kind.choices,
        default=Kind.SITE,
        help_text=_("Sites are measured in hectares, halls in square metres."),
    )
    intro = models.TextField(
        _("intro"),
        blank=True,
        max_length=600,
        help_text=_("A short paragraph above the list and the map."),
    )

    intro_panels = [FieldPanel("kind"), FieldPanel("intro")]
    content_panels = Page.content_panels + intro_panels

    search_fields = Page.search_fields + [index.SearchField("intro")]

    # Fields of the read-only API at /api/v2/ (seo/api.py, docs/seo.md).
    api_fields = [
        "kind",
        "intro",
    ]

    override_translatable_fields = [SynchronizedField("kind")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["locations.LocationPage"]

    class Meta:
        verbose_name = _("location pool")
        verbose_name_plural = _("location pools")

    # The map's sub-URL is German in every language ("karte/"), so links stay short and one
    # route serves all locales; the English label is on the link, not in the path.
    MAP_ROUTE = "karte/"

    @path("")
    def list_view(self, request):
        return views.location_list(request, self)

    @path(MAP_ROUTE, name="map")
    def map_view(self, request):
        return views.location_map(request, self)

    @path("map/", name="map_alias")
    def map_alias(self, request):
        # English visitors may guess `map/`; send them to the one canonical address.
        return redirect(self.get_map_url(request), permanent=True)

    def get_map_url(self, request=None):
        """The map view's address (used by the home page's pool box)."""
        url = self.get_url(request)
        if url is None:
            return None
        return url + self.reverse_subpage("map")

    @property
    def area_unit(self):
        return "ha" if self.kind == Kind.SITE else "m²"
