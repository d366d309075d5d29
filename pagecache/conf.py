"""The page cache's settings, read on every use so `override_settings` works in tests.

Only `PAGE_CACHE_SECONDS` is meant to be set per environment; the others have defaults that
fit the portal and are settings so that a new view or app can opt in without code changes.
"""

from django.conf import settings

# Parameters that only tell analytics where a visitor came from: they are dropped from the
# cache key, so a campaign link is served from the same entry as the plain address.
TRACKING_PARAMS = frozenset(
    {"fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "mc_cid", "mc_eid", "_ga", "_gl"}
)
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_")


def ttl():
    """Seconds a page stays cached; 0 switches the cache off."""
    return max(int(getattr(settings, "PAGE_CACHE_SECONDS", 600)), 0)


def fragment_ttl():
    """Seconds a shared layout fragment (menu, footer, brand) stays cached; 0 switches them off.

    Independent of the page cache: with ``PAGE_CACHE_SECONDS=0`` every page is rendered, but
    the layout it shares with all other pages still comes from the cache (pagecache/fragments.py).
    """
    return max(int(getattr(settings, "FRAGMENT_CACHE_SECONDS", 600)), 0)


def marker_ttl():
    """Seconds a purge marker must outlive: the longest-lived entry it could invalidate."""
    return max(ttl(), fragment_ttl())


def alias():
    return getattr(settings, "PAGE_CACHE_ALIAS", "default")


def excluded_prefixes():
    """Paths never cached, whatever view answers them (admin, documents, media)."""
    return tuple(
        getattr(
            settings,
            "PAGE_CACHE_EXCLUDED_PATHS",
            ("/admin/", "/documents/", "/django-admin/", "/static/", "/media/"),
        )
    )


def url_names():
    """URL names of the views whose answers may be cached: Wagtail's pages (with their
    routable sub-pages and iCal feeds) and the GeoJSON feed. Search and autocomplete are left
    out on purpose: every query is a new key and the search counts its queries for the
    "popular searches" help, which a cached answer would skip.
    """
    return frozenset(
        getattr(settings, "PAGE_CACHE_URL_NAMES", ("wagtail_serve", "locations_geojson"))
    )


def max_query_length():
    return int(getattr(settings, "PAGE_CACHE_MAX_QUERY_LENGTH", 400))


def max_query_params():
    return int(getattr(settings, "PAGE_CACHE_MAX_QUERY_PARAMS", 10))


def max_body_bytes():
    return int(getattr(settings, "PAGE_CACHE_MAX_BODY_BYTES", 2 * 1024 * 1024))


def max_tags():
    """A page that shows more objects than this is not cached (each hit reads its tags)."""
    return int(getattr(settings, "PAGE_CACHE_MAX_TAGS", 500))


def notice_context_keys():
    """Template context entries in which the portal's views report ignored input."""
    return tuple(
        getattr(
            settings, "PAGE_CACHE_NOTICE_CONTEXT_KEYS", ("notices", "ignored", "filter_notices")
        )
    )
