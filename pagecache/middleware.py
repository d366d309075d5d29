"""Whole-page cache for anonymous visitors (issue 8).

Sits after MessageMiddleware, so the language is active (LocaleMiddleware) and CSRF and
session middleware run *outside* it: a response that used a CSRF token or changed the session
is seen here before those middlewares add their cookies, and is not stored.

Served from the cache: GET and HEAD of Wagtail pages (with their routable sub-pages and iCal
feeds) and the GeoJSON feed, for visitors who are not logged in. An address with a query string
is stored only when the view that rendered it accepted every parameter in it (params.py,
`portal.caching.accept_query`). The response carries ``X-Cache``:

- ``HIT``: served from the cache, without a database query;
- ``MISS``: rendered and stored;
- ``PASS``: rendered, but the response may not be cached (status, cookies, notices, ...);
- ``BYPASS``: the request is not eligible (method, path, user, preview, a query string that
  is too long or has a parameter the view did not accept).

Every answer to an eligible request carries ``Vary: Cookie``, hits as well as misses: which
answer a visitor gets depends on the session cookie (logged-in users bypass the cache).
"""

import functools
import logging
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.cache import (
    cc_delim_re,
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
)
from django.utils.http import parse_http_date_safe
from django.utils.module_loading import import_string

from wagtail.models import PageViewRestriction, Site

from portal.caching import host_parts, url_lists

from . import conf, fragments, params, store, tags
from .frontend import frontend_cache_enabled

logger = logging.getLogger("pagecache")

HEADER = "X-Cache"
# Headers of the stored response that must not be replayed.
DROPPED_HEADERS = {"set-cookie", "content-length", HEADER.lower()}
# Vary values the key already covers: the language is part of the key, anonymous visitors
# share one version whatever cookies they send, and nothing in the stack compresses.
HANDLED_VARY = {"accept-language", "cookie", "accept-encoding"}
# What every answer to an eligible request varies on, hit or miss.
VARY = ("Cookie",)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        timeout = conf.ttl()
        if not timeout:
            return self.get_response(request)
        variant = self.variant(request)
        if variant is None:
            response = self.get_response(request)
            response[HEADER] = "BYPASS"
            return response

        key = store.entry_key(variant)
        entry, seq = store.lookup(key)
        if entry is not None and store.is_fresh(entry, seq):
            return self.replay(request, entry)

        collector, token = tags.activate()
        collector.add_lists(url_lists(request.pagecache_url_name))
        try:
            response = self.get_response(request)
        finally:
            tags.deactivate(token)

        # Hits replay it from the entry; SessionMiddleware adds it only when the page read
        # the session.
        patch_vary_headers(response, VARY)
        if params.unaccepted(request):
            # A parameter the view did not read, or did not find valid: one entry per value
            # would let anyone fill the cache.
            response[HEADER] = "BYPASS"
        elif seq is not None and self.storable(request, response, collector):
            self.store(request, response, key, seq, collector.tags, timeout)
            response[HEADER] = "MISS"
        else:
            response[HEADER] = "PASS"
        return response

    # Which requests

    def variant(self, request):
        """The cache variant of an eligible request, or None to bypass the cache."""
        if request.method not in ("GET", "HEAD"):
            return None
        path = request.path
        if path.startswith(conf.excluded_prefixes()):
            return None
        if getattr(request, "is_preview", False) or "HTTP_AUTHORIZATION" in request.META:
            return None
        name = url_name(
            translation.get_language(),
            getattr(request, "urlconf", None) or settings.ROOT_URLCONF,
            request.path_info,
        )
        if name not in conf.url_names():
            return None
        request.pagecache_url_name = name
        query = self.normalised_query(request)
        if query is None:
            return None
        if not self.is_anonymous(request):
            return None
        return "|".join(
            (
                request.scheme,
                request.get_host(),
                translation.get_language() or "",
                path,
                query,
            )
        )

    def normalised_query(self, request):
        """The query string that matters, sorted; None when it should not be cached.

        Tracking parameters are left out of the key. Too many parameters or a very long query
        bypass the cache without a look-up. Whether the rest may be stored is decided after
        rendering, by what the view accepted (params.py).
        """
        raw = request.META.get("QUERY_STRING", "")
        request.pagecache_tracked = False
        if not raw:
            return ""
        if len(raw) > conf.max_query_length():
            return None
        pairs = []
        for name, values in request.GET.lists():
            if params.is_tracking(name):
                # Served from the plain address's entry, but never stored: a page may
                # repeat its query string in links (the calendar's months do).
                request.pagecache_tracked = True
                continue
            pairs.extend((name, value) for value in values)
        if len(pairs) > conf.max_query_params():
            return None
        return urlencode(sorted(pairs))

    def is_anonymous(self, request):
        """Without a session cookie the visitor is anonymous and the session is not touched.

        With one (a visitor who was logged in once, or got a session otherwise) the session
        must be read to know; logged-out visitors then still get cached pages, at the cost
        of the session lookup (one query with database sessions, none with cached_db).
        """
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return True
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return False
        # A visitor who entered a page's password sees what others do not.
        session = getattr(request, "session", None)
        return not (
            session and session.get(PageViewRestriction.passed_view_restrictions_session_key)
        )

    # Which responses

    def storable(self, request, response, collector):
        if request.method != "GET" or response.status_code != 200:
            return False
        if getattr(request, "pagecache_tracked", False):
            return False
        if response.streaming or not collector.cacheable:
            return False
        if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            # A CSRF token in the page (a POST form) or any other cookie is per visitor.
            return False
        session = getattr(request, "session", None)
        if session is not None and session.modified:
            return False
        cache_control = {
            part.split("=", 1)[0].strip().lower()
            for part in cc_delim_re.split(response.get("Cache-Control", ""))
            if part
        }
        if cache_control & {"private", "no-store", "no-cache"}:
            return False
        vary = {
            part.strip().lower() for part in cc_delim_re.split(response.get("Vary", "")) if part
        }
        if vary - HANDLED_VARY:
            return False
        context = getattr(response, "context_data", None) or {}
        if any(context.get(name) for name in conf.notice_context_keys()):
            # The view ignored some input and says so: an unbounded family of pages.
            return False
        if len(response.content) > conf.max_body_bytes():
            return False
        if len(collector.tags) > conf.max_tags():
            logger.info("Not caching %s: %d tags", request.path, len(collector.tags))
            return False
        return True

    def store(self, request, response, key, seq, entry_tags, timeout):
        url = request.build_absolute_uri()
        if frontend_cache_enabled():
            # Let the CDN keep the page as long as this cache does; purges reach both.
            patch_cache_control(response, s_maxage=timeout)
            store.remember_urls(entry_tags, url, timeout * 2)
        headers = [
            (name, value) for name, value in response.items() if name.lower() not in DROPPED_HEADERS
        ]
        entry = {
            "status": response.status_code,
            "headers": headers,
            "content": response.content,
            "seq": seq,
            "tags": sorted(entry_tags),
        }
        store.save(key, entry, timeout)

    def replay(self, request, entry):
        response = HttpResponse(entry["content"], status=entry["status"])
        for name, value in entry["headers"]:
            response[name] = value
        # Entries stored before misses carried it get it too.
        patch_vary_headers(response, VARY)
        response[HEADER] = "HIT"
        last_modified = response.get("Last-Modified")
        conditional = get_conditional_response(
            request,
            etag=response.get("ETag"),
            last_modified=parse_http_date_safe(last_modified) if last_modified else None,
            response=response,
        )
        if conditional is not response:
            conditional[HEADER] = "HIT"
        return conditional


# Longer paths are resolved each time: they are rare, and 4,096 of them could take megabytes.
MAX_REMEMBERED_PATH = 256


def url_name(language, urlconf, path_info):
    if len(path_info) > MAX_REMEMBERED_PATH:
        return resolved_url_name.__wrapped__(language, urlconf, path_info)
    return resolved_url_name(language, urlconf, path_info)


@functools.lru_cache(maxsize=4096)
def resolved_url_name(language, urlconf, path_info):
    """The URL name ``path_info`` resolves to, or None; remembered per process.

    Resolving walks the URL patterns, a tenth of a millisecond that a cache hit would
    otherwise spend on every request. The answer depends only on the path, the URLconf and,
    through the language prefix patterns, the active language: Wagtail's pages all resolve to
    one URL name whatever the database holds. The bound keeps random paths from growing it.
    """
    try:
        return resolve(path_info, urlconf).url_name
    except Resolver404:
        return None


class CachedSiteMiddleware:
    """Finds the request's Wagtail Site in the layout cache instead of the database.

    Wagtail looks the Site up with one query on every request that needs it
    (``Site.find_for_request``) and keeps it on the request as ``_wagtail_site``. For the
    addresses below a language prefix (pages, search, feeds) that attribute is set here from
    a fragment (fragments.py) for the host and port; other requests (admin, health check,
    documents) keep Wagtail's own lookup and pay nothing. The fragments of the shared layout
    (``PAGECACHE_LAYOUT_FRAGMENTS``, a function of the request that names them) are looked up
    in the same cache call, so this middleware must come after PageCacheMiddleware
    (system check ``pagecache.E001``, pagecache/checks.py). A change of any Site bumps the
    ``all`` tag and an edit of the root page its own tag, so the cached answer is never older
    than the sites table.

    The cached Site's root page is its specific class with only the common page fields
    (``specific_deferred``): Wagtail routes every request through
    ``site.root_page.localized.specific``, which then costs no query for the specific page
    (home/routing.py loads the full page when the root page itself is requested).
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefixes = tuple(f"/{code}/" for code, _name in settings.LANGUAGES)
        layout = getattr(settings, "PAGECACHE_LAYOUT_FRAGMENTS", None)
        self.layout_fragments = import_string(layout) if layout else None

    def __call__(self, request):
        if not request.path.startswith(self.prefixes) or hasattr(request, "_wagtail_site"):
            return self.get_response(request)
        host = host_parts(request)
        specs = [("site", host)]
        if self.layout_fragments is not None:
            specs.extend(self.layout_fragments(request))
        # The Site and the layout fragments every page shows, in one cache call.
        with fragments.prefetched(specs):
            request._wagtail_site = fragments.cached("site", host, lambda: find_site(request))
            return self.get_response(request)


def find_site(request):
    site = Site._find_for_request(request)
    if site is not None:
        site.root_page = site.root_page.specific_deferred
        site.root_page.locale  # noqa: B018 - loaded now, so it is cached with the site
    return site
