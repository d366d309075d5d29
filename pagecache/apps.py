from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from portal import caching


class PageCacheConfig(AppConfig):
    """Whole-page cache for anonymous visitors, purged on publish and snippet or setting edits."""

    name = "pagecache"
    label = "pagecache"
    verbose_name = _("Page cache")

    def ready(self):
        from . import checks  # noqa: F401 - registers the system checks
        from .fragments import PortalHooks
        from .purge import connect

        connect()
        caching.install(PortalHooks())
