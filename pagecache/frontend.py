"""CDN purge through `wagtail.contrib.frontend_cache`, configured from the environment.

The page cache records, per tag, the absolute URLs it rendered while a frontend cache is
configured; a purge sends exactly those URLs (all languages, with their query strings) plus
the changed pages' own addresses to the CDN in one `PurgeBatch`.

The settings build `WAGTAILFRONTENDCACHE` from the environment (`cms.settings.frontend_cache`).
`wagtail.contrib.frontend_cache` is deliberately not in INSTALLED_APPS: its app would add its
own publish handlers, which only purge the published page, not the pages showing it.
"""

import logging

from django.conf import settings

logger = logging.getLogger("pagecache")


def frontend_cache_enabled():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def purge_urls(urls):
    """Send ``urls`` to every configured CDN backend; a CDN error never breaks publishing."""
    if not urls or not frontend_cache_enabled():
        return
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    try:
        PurgeBatch(sorted(urls)).purge()
    except Exception:
        logger.exception("Frontend cache purge of %d URLs failed", len(urls))
