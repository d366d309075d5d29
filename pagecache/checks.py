"""System checks of the page cache's place in the middleware stack."""

from django.conf import settings
from django.core.checks import Error, Tags, register

PAGE_CACHE = "pagecache.middleware.PageCacheMiddleware"
CACHED_SITE = "pagecache.middleware.CachedSiteMiddleware"


@register(Tags.caches)
def check_middleware_order(app_configs=None, **kwargs):
    """CachedSiteMiddleware must come after PageCacheMiddleware.

    The layout fragments are fetched with the purge sequence of that moment, and a fragment
    computed later in the request is stored with it. That is safe only while the page's own
    lookup read the sequence first: the other way round, an edit committed between the two
    reads could be hidden in a page entry stored with a stale fragment.
    """
    middleware = list(settings.MIDDLEWARE)
    if CACHED_SITE not in middleware or PAGE_CACHE not in middleware:
        return []
    if middleware.index(CACHED_SITE) > middleware.index(PAGE_CACHE):
        return []
    return [
        Error(
            f"{CACHED_SITE} must come after {PAGE_CACHE} in MIDDLEWARE.",
            hint="The page lookup must read the purge sequence before the layout fragments "
            "are fetched (docs/caching.md).",
            id="pagecache.E001",
        )
    ]
