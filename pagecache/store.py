"""Cache entries, purge markers and the purge sequence.

Freshness uses a purge *sequence* rather than deleting entries:

- ``seq`` is a counter in the cache. A purge increments it and writes the new value as the
  marker of every purged tag (two cache calls however many tags).
- A miss reads ``seq`` *before* the view runs and stores it with the entry.
- A hit reads the entry together with the current ``seq`` (one cache call, no database
  query). If ``seq`` has not moved since the entry started rendering, nothing at all was
  purged since, and the entry is fresh. Otherwise the markers of its tags are read (a second
  cache call) and the entry is fresh only if none is newer than the entry's ``seq``.

Race behaviour: a request that started rendering before a purge read the old ``seq``; when it
stores its (possibly old) page afterwards, the marker is already newer, so the entry is never
served. Purges run when the signal fires and again after the transaction commits, so a render
that read uncommitted-old data between the two is caught too. Clocks matter only when the
counter is lost (evicted, or Redis emptied): it restarts from the current time in
milliseconds, which must be above every value it had, so the servers' clocks must not lag
far behind each other. The counter has no expiry; with Redis' ``volatile-*`` eviction
policies it is never evicted.

Markers live ``marker_ttl() + MARKER_MARGIN`` seconds, longer than any page or layout fragment
(fragments.py) they could invalidate. If the cache evicts a marker under memory pressure
before the entry, that entry may be served stale until its TTL; size the cache (or Redis
`maxmemory`) so that it does not evict hot keys.
"""

import hashlib
import logging
import time

from django.core.cache import caches

from . import conf

logger = logging.getLogger("pagecache")

PREFIX = "pagecache:1:"
SEQ_KEY = PREFIX + "seq"
MARKER_MARGIN = 60


def cache():
    return caches[conf.alias()]


def entry_key(variant):
    return PREFIX + "e:" + hashlib.sha256(variant.encode()).hexdigest()


def marker_key(tag):
    return PREFIX + "t:" + tag


def urls_key(tag):
    return PREFIX + "u:" + tag


# Tags whose purge could not be written (the cache was down). They are written on this
# process's next successful cache call, before any entry is judged fresh, so an edit made
# during an outage is not hidden by a page cached before it once the cache is back. Other
# processes catch up as soon as this one handles its next request; a restart before that
# loses the list, which leaves entries to expire with PAGE_CACHE_SECONDS (docs/caching.md).
_pending_tags = set()


def lookup(key):
    """(entry or None, current seq or None) in one cache call."""
    entries, seq = lookup_many([key])
    return entries.get(key), seq


def lookup_many(keys):
    """({key: entry} for the keys found, current seq or None) in one cache call."""
    try:
        found = cache().get_many([*keys, SEQ_KEY])
    except Exception:
        logger.warning("Page cache unavailable for lookup", exc_info=True)
        return {}, None
    seq = found.pop(SEQ_KEY, None)
    if _pending_tags and seq is not None:
        seq = purge(()) or seq
    if seq is None:
        seq = _init_seq()
    return found, seq


def _init_seq():
    # Start from the clock in milliseconds so a counter lost with the cache starts above
    # every marker written before (a lower one would make fresh entries look stale).
    try:
        backend = cache()
        backend.add(SEQ_KEY, int(time.time() * 1000), timeout=None)
        return backend.get(SEQ_KEY)
    except Exception:
        logger.warning("Page cache unavailable for the purge sequence", exc_info=True)
        return None


def is_fresh(entry, current_seq=None):
    """True when no tag of ``entry`` was purged after it started rendering.

    ``current_seq`` is the sequence that ``lookup`` read with the entry. When it equals the
    entry's own, no purge has been counted since the entry's render began, so its markers
    cannot be newer and are not read: a cache hit then costs one round trip instead of two.
    A purge in flight at that moment is caught as before, by the purge repeated after the
    transaction commits (it counts a new sequence).
    """
    if current_seq is not None and entry["seq"] == current_seq:
        return True
    try:
        markers = cache().get_many([marker_key(tag) for tag in entry["tags"]])
    except Exception:
        logger.warning("Page cache unavailable for freshness check", exc_info=True)
        return False
    seq = entry["seq"]
    return all(value <= seq for value in markers.values())


def save(key, entry, timeout):
    try:
        cache().set(key, entry, timeout)
    except Exception:
        logger.warning("Page cache unavailable for storing", exc_info=True)


def purge(tags):
    """Mark ``tags`` as changed now; every entry carrying one of them turns stale.

    Returns the purge's sequence number, or None when nothing was written (no tags, or the
    cache is down: then the tags wait in ``_pending_tags``).
    """
    tags = set(tags) | _pending_tags
    if not tags:
        return None
    try:
        backend = cache()
        try:
            seq = backend.incr(SEQ_KEY)
        except ValueError:
            # No counter yet (or it was evicted): start one, then count.
            backend.add(SEQ_KEY, int(time.time() * 1000), timeout=None)
            seq = backend.incr(SEQ_KEY)
        if seq is None:
            # django-redis with IGNORE_EXCEPTIONS answers None while Redis is down.
            raise ConnectionError("no purge sequence from the cache")
        timeout = conf.marker_ttl() + MARKER_MARGIN
        backend.set_many({marker_key(tag): seq for tag in tags}, timeout)
    except Exception:
        _pending_tags.update(tags)
        logger.warning(
            "Page cache unavailable; purge of %d tags kept for a retry", len(tags), exc_info=True
        )
        return None
    _pending_tags.difference_update(tags)
    return seq


# Tag → URL index, kept only when a frontend cache (CDN) is configured: the CDN needs the
# addresses to purge, the page cache itself does not.


def _redis_client(backend):
    client = getattr(backend, "client", None)
    get_client = getattr(client, "get_client", None)
    if get_client is None or not type(backend).__module__.startswith("django_redis"):
        return None
    return get_client(write=True)


def remember_urls(tags, url, timeout):
    backend = cache()
    try:
        redis = _redis_client(backend)
        if redis is not None:
            # Redis sets: SADD is atomic, so concurrent misses never drop each other's URL.
            pipe = redis.pipeline()
            for tag in tags:
                name = backend.make_key(urls_key(tag))
                pipe.sadd(name, url)
                pipe.expire(name, timeout)
            pipe.execute()
            return
        # Other backends: read-modify-write. Two concurrent misses may lose one URL from a
        # tag's set; that URL then waits for the CDN's own expiry (s-maxage = the TTL).
        keys = [urls_key(tag) for tag in tags]
        current = backend.get_many(keys)
        backend.set_many({key: current.get(key, frozenset()) | {url} for key in keys}, timeout)
    except Exception:
        logger.warning("Page cache unavailable for the URL index", exc_info=True)


def urls_for(tags):
    backend = cache()
    urls = set()
    try:
        redis = _redis_client(backend)
        if redis is not None:
            names = [backend.make_key(urls_key(tag)) for tag in tags]
            if names:
                urls.update(value.decode() for value in redis.sunion(names))
            return urls
        for value in backend.get_many([urls_key(tag) for tag in tags]).values():
            urls.update(value)
    except Exception:
        logger.warning("Page cache unavailable for the URL index", exc_info=True)
    return urls
