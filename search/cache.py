"""A short-lived cache of ranked search hits.

A search for a frequent word ranks thousands of index rows; the same search is often
repeated within a minute (the next results page, a type filter and back, several visitors
after a newsletter). The ranked window and the counts per type of one (language, query, type
filter, offset) are kept for ``RESULTS_CACHE_SECONDS``.

Every change that can alter a result bumps one version number in the cache
(search/signals.py: a page saved or deleted, a view restriction changed, pages re-indexed for
a quote), and the version is part of every key, so older entries are never read again and
expire on their own. Nothing is deleted key by key. With the local-memory cache each process
has its own version, so another process may answer from its cache for up to
``RESULTS_CACHE_SECONDS`` after a change; with Redis (production) all processes share it.
"""

import hashlib
import time

from django.core.cache import cache

RESULTS_CACHE_SECONDS = 60
VERSION_KEY = "portal-search:version"
# The version outlives the entries by far, so a lost version key is rare; when it is lost,
# the new one starts from the clock so it never repeats a version still in use.
VERSION_SECONDS = 24 * 60 * 60


def _new_version():
    version = time.time_ns()
    cache.set(VERSION_KEY, version, VERSION_SECONDS)
    return version


def current_version():
    version = cache.get(VERSION_KEY)
    return version if version is not None else _new_version()


def bump_version():
    """Make every cached result stale (called on any change that can alter a result)."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # no version yet (or evicted)
        _new_version()


def results_key(*parts):
    # Queries are free text: hashed, so the key is short and safe for every cache backend.
    digest = hashlib.sha256("\x1f".join(str(part) for part in parts).encode()).hexdigest()
    return f"portal-search:results:{current_version()}:{digest}"


def get_or_compute(parts, compute):
    """The cached value for ``parts``, else ``compute()``, stored for the next minute."""
    key = results_key(*parts)
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, RESULTS_CACHE_SECONDS)
    return value
