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
        # Not a cycle: Django imports this module before any models exist, so the models
        # can only be imported once the app registry is ready, here.
        from .models import ClusterPage

        search_types.register(
            ClusterPage, "cluster", pgettext_lazy("search result type", "Cluster"), order=10
        )
