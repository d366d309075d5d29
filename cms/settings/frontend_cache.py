"""`WAGTAILFRONTENDCACHE` from environment variables, for the page cache's CDN purge.

Settings code, not app code: the settings import no app (the page cache reads the result
through `django.conf.settings`, pagecache/frontend.py).
"""

BACKENDS = {
    "cloudflare": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
    "cloudfront": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
    "http": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
}


def frontend_cache_from_env(env):
    """`WAGTAILFRONTENDCACHE` from environment variables.

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
