from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from portal import search_types


class ClustersConfig(AppConfig):
    """Industry clusters and quotes of business leaders (issue: clusters and quotes)."""

    name = "clusters"
    label = "clusters"
    verbose_name = _("Clusters")

    def ready(self):
        from .models import ClusterPage

        search_types.register(
            ClusterPage, "cluster", pgettext_lazy("search result type", "Cluster"), order=10
        )
