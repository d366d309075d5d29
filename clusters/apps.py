from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ClustersConfig(AppConfig):
    """Industry clusters and quotes of business leaders (issue: clusters and quotes)."""

    name = "clusters"
    label = "clusters"
    verbose_name = _("Clusters")
