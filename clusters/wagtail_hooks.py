"""Admin registration of the clusters app's snippets: quotes (with a cluster filter) and sectors."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from portal.viewsets import TranslatableSnippetViewSet
from quotes.views import QuoteViewSet

from .filters import ClusterQuoteFilterSet
from .models import Sector


class ClusterQuoteViewSet(QuoteViewSet):
    """The quotes, filterable by the cluster pages that show them."""

    filterset_class = ClusterQuoteFilterSet


class SectorViewSet(TranslatableSnippetViewSet):
    """The sectors visitors filter the clusters by."""

    model = Sector
    icon = "tag"
    menu_label = _("Sectors")
    list_display = ["name", "slug", "locale"]
    search_fields = ["name", "slug"]
    ordering = ["name"]


class ClustersViewSetGroup(SnippetViewSetGroup):
    items = (ClusterQuoteViewSet, SectorViewSet)
    menu_icon = "openquote"
    menu_label = _("Clusters and quotes")
    menu_name = "clusters"
    menu_order = 290


register_snippet(ClustersViewSetGroup)
