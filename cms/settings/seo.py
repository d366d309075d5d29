"""Settings of the seo part (issue 8); composed with base.py in common.py.

Names already defined in base.py (INSTALLED_APPS, MIDDLEWARE, env, ...) are extended in place.
What the sitemaps, robots.txt, social tags and the read-only API do: docs/seo.md.
"""

from .base import INSTALLED_APPS, MIDDLEWARE, env

INSTALLED_APPS += [
    # The read-only content API at /api/v2/ (seo/api.py).
    "wagtail.api.v2",
    "rest_framework",
]

# Read-only API

# Outside LocaleMiddleware, so an API 404 stays a JSON 404 (seo/middleware.py).
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.locale.LocaleMiddleware"),
    "seo.middleware.KeepAPINotFoundMiddleware",
)

# A client pages through large listings instead of asking for everything at once.
WAGTAILAPI_LIMIT_MAX = env.int("API_LIMIT_MAX", default=50)
# Rich text as display HTML: internal links resolved to public addresses, not Wagtail's
# database markup (<a linktype="page" id="…">).
WAGTAILAPI_RICH_TEXT_FORMAT = "html"
# The scheme and host of absolute addresses in API answers (html_url, download_url); unset,
# the Wagtail Site's root URL is used.
WAGTAILAPI_BASE_URL = env("API_BASE_URL", default=None)

REST_FRAMEWORK = {
    # The API serves what every anonymous visitor sees: no login, no session, no CSRF, and
    # a logged-in editor gets the same answer as anyone (never drafts or private pages).
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    # JSON only: the browsable renderer needs inline scripts, which the site's CSP refuses.
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    # Per client address, counted in the default cache (Redis in production).
    "DEFAULT_THROTTLE_CLASSES": ["rest_framework.throttling.AnonRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"anon": env("API_THROTTLE_RATE", default="120/minute")},
    # How many proxies in front of the site append to X-Forwarded-For (1 behind nginx); with
    # 0 the client is REMOTE_ADDR, so a forged header cannot dodge the limit.
    "NUM_PROXIES": env.int("API_NUM_PROXIES", default=0),
}

# Sitemaps

# URLs per sitemap file; Django's (and the protocol's) maximum is 50,000.
SEO_SITEMAP_LIMIT = env.int("SEO_SITEMAP_LIMIT", default=50_000)

# The page cache (pagecache/, docs/caching.md) may keep the sitemaps and robots.txt: a
# sitemap carries the list tag of every page type, so any publish, unpublish, move or
# restriction change purges it.
PAGE_CACHE_URL_NAMES = (
    "wagtail_serve",
    "locations_geojson",
    "seo_sitemap_index",
    "seo_sitemap",
    "seo_robots",
)
