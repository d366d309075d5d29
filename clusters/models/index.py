"""The cluster overview page: the clusters as cards, filtered from the address."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from listings.filtering import accept_filters
from portal.blocks import BaseStreamBlock

# The filters import `sectors` and `cluster`, never this module, so this is no cycle.
from ..filters import ClusterFilter
from .cluster import ClusterPage
from .common import INTRO_FEATURES


class ClusterIndexPage(Page):
    """The overview "Cluster in Mitteldeutschland": intro, the micro/macro explanation and
    the clusters as cards that visitors filter by kind, federal state and sector.

    Editors order the clusters in the page tree; the filters are links anyone can share.
    """

    # What the cached page lists (portal/caching.py): the cards and the sector filter.
    cache_lists = ["clusters.clusterpage", "clusters.sector"]

    intro = RichTextField(
        _("intro"),
        features=INTRO_FEATURES,
        blank=True,
        help_text=_("One or two sentences above the list of clusters."),
    )
    body = StreamField(
        BaseStreamBlock(),
        verbose_name=_("explanation"),
        blank=True,
        help_text=_(
            "Background shown below the list, e.g. the difference between micro- and "
            "macro-clusters."
        ),
    )

    intro_panels = [FieldPanel("intro")]
    body_panels = [FieldPanel("body")]
    content_panels = Page.content_panels + intro_panels + body_panels

    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    # Fields of the read-only API at /api/v2/ (seo/api.py, docs/seo.md).
    api_fields = [
        "intro",
        "body",
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["clusters.ClusterPage"]

    class Meta:
        verbose_name = _("cluster overview")
        verbose_name_plural = _("cluster overviews")

    def clusters(self):
        """The live cluster pages below this page in editor order, with what the cards show.

        A fixed number of queries however many clusters there are: the pages (with sector
        and teaser image), their states and the images' renditions are each fetched once.
        """
        return (
            ClusterPage.objects.child_of(self)
            .live()
            .public()
            .select_related("sector", "teaser_image", "hero_image")
            .prefetch_related(
                "federal_states", "teaser_image__renditions", "hero_image__renditions"
            )
            .order_by("path")
        )

    def card_pages(self):
        """The home page's cluster teasers (`includes/page_card.html`), in editor order."""
        return self.clusters()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        cluster_filter = ClusterFilter(request.GET, queryset=self.clusters())
        # The page cache keeps the filtered page only for filters that applied in full.
        accept_filters(request, cluster_filter.form)
        context.update(
            {
                "cluster_filter": cluster_filter,
                "filter_form": cluster_filter.form,
                "clusters": cluster_filter.results(),
                "filter_notices": cluster_filter.notices,
                "filters_active": cluster_filter.is_active,
            }
        )
        return context
