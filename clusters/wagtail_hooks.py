"""Admin registration of the clusters app's snippets: quotes and sectors."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from editorial.viewsets import LocaleScopedSnippetViewSetMixin

from .filters import QuoteFilterSet
from .models import Quote, Sector


class QuoteViewSet(LocaleScopedSnippetViewSetMixin, SnippetViewSet):
    """Quotes of business leaders: drafts, revisions, preview and locking before they go live."""

    model = Quote
    icon = "openquote"
    menu_label = _("Quotes")
    list_display = ["__str__", "organisation", "locale", "live"]
    search_fields = ["text", "name", "organisation", "role"]
    filterset_class = QuoteFilterSet
    ordering = ["name", "pk"]


class SectorViewSet(LocaleScopedSnippetViewSetMixin, SnippetViewSet):
    """The sectors visitors filter the clusters by."""

    model = Sector
    icon = "tag"
    menu_label = _("Sectors")
    list_display = ["name", "slug", "locale"]
    search_fields = ["name", "slug"]
    ordering = ["name"]


class ClustersViewSetGroup(SnippetViewSetGroup):
    items = (QuoteViewSet, SectorViewSet)
    menu_icon = "openquote"
    menu_label = _("Clusters and quotes")
    menu_name = "clusters"
    menu_order = 290


register_snippet(ClustersViewSetGroup)
