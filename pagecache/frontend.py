"""CDN purge through `wagtail.contrib.frontend_cache`, configured from the environment.

The page cache records, per tag, the absolute URLs it rendered while a frontend cache is
configured; a purge sends exactly those URLs (all languages, with their query strings) plus
the changed pages' own addresses to the CDN in one `PurgeBatch`.

`wagtail.contrib.frontend_cache` is deliberately not in INSTALLED_APPS: its app would add
its own publish handlers, which only purge the published page, not the pages showing it.
"""

import logging

from django.conf import settings

logger = logging.getLogger("pagecache")

BACKENDS = {
    "cloudflare": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
    "cloudfront": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
    "http": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
}


def frontend_cache_from_env(env):
    """`WAGTAILFRONTENDCACHE` from environment variables (no Django import: used by settings).

    ``FRONTEND_CACHE_BACKEND`` is empty (no CDN), ``cloudflare`` (``CLOUDFLARE_BEARER_TOKEN``
    or ``CLOUDFLARE_EMAIL`` + ``CLOUDFLARE_API_KEY``, and ``CLOUDFLARE_ZONE_ID``),
    ``cloudfront`` (``CLOUDFRONT_DISTRIBUTION_ID``; needs boto3 and AWS credentials from the
    usual AWS variables) or ``http`` (``FRONTEND_CACHE_LOCATION``, the address of a Varnish
    or nginx that accepts PURGE requests).
    """
    name = env("FRONTEND_CACHE_BACKEND", default="").strip().lower()
    if not name:
        return {}
    if name not in BACKENDS:
        raise ValueError(
            f"FRONTEND_CACHE_BACKEND={name!r}: use one of {', '.join(sorted(BACKENDS))}"
        )
    config = {"BACKEND": BACKENDS[name]}
    if name == "cloudflare":
        token = env("CLOUDFLARE_BEARER_TOKEN", default="")
        if token:
            config["BEARER_TOKEN"] = token
        else:
            config["EMAIL"] = env("CLOUDFLARE_EMAIL")
            config["API_KEY"] = env("CLOUDFLARE_API_KEY")
        config["ZONEID"] = env("CLOUDFLARE_ZONE_ID")
    elif name == "cloudfront":
        config["DISTRIBUTION_ID"] = env("CLOUDFRONT_DISTRIBUTION_ID")
    else:
        config["LOCATION"] = env("FRONTEND_CACHE_LOCATION")
    return {"default": config}


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
