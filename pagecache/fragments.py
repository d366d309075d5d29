"""Cached parts of a page that every page shows: main menu, footer, brand (docs/caching.md).

A whole-page miss (after a publish, or a page variant seen for the first time) would still
build the layout that all pages share: the portal settings, the menu and footer pages in the
visitor's language, the logo's rendition, about a dozen queries on every page. A fragment
keeps that result under a key of its own, and stays fresh the same way page entries do:

- while ``compute()`` runs, the objects it loads are recorded as tags (``tags.Collector``),
  exactly as for a page;
- a hit is fresh only if none of those tags was purged after the fragment was computed
  (``store.is_fresh``), so an edit to a menu page, a footer link or the settings shows at
  once, with the same purges that the page cache already sends;
- the fragment's tags are added to the page being rendered, so a page entry stored with a
  fragment that came from the cache still depends on what the fragment shows.

Fragments live ``FRAGMENT_CACHE_SECONDS`` (default 600; 0 switches them off), independently
of ``PAGE_CACHE_SECONDS``. A cache outage computes every fragment as if there were none.

The fragments a request will certainly need (the Site and the layout, listed by
``PAGECACHE_LAYOUT_FRAGMENTS``) are looked up together in one cache call (``prefetched``):
each cache call is a round trip that, on a busy server, costs more than the lookup itself.
"""

import contextlib
import contextvars
import hashlib

from . import conf, params, store, tags

FRAGMENT_PREFIX = store.PREFIX + "f:"


def fragment_key(name, parts):
    raw = "|".join([name, *(str(part) for part in parts)])
    return FRAGMENT_PREFIX + hashlib.sha256(raw.encode()).hexdigest()


# ({key: entry or None}, seq) of the fragments looked up for the current request.
_prefetched = contextvars.ContextVar("pagecache_prefetched_fragments", default=None)


@contextlib.contextmanager
def prefetched(specs):
    """Looks up the fragments ``specs`` ((name, parts) pairs) in one cache call.

    Inside the block, ``cached()`` takes their entries (or their absence) from that answer
    instead of asking the cache again, and judges them by the purge sequence read with it.
    """
    if not specs or not conf.fragment_ttl():
        yield
        return
    keys = [fragment_key(name, parts) for name, parts in specs]
    entries, seq = store.lookup_many(keys)
    token = _prefetched.set(({key: entries.get(key) for key in keys}, seq))
    try:
        yield
    finally:
        _prefetched.reset(token)


def _lookup(key):
    found = _prefetched.get()
    if found is not None and key in found[0]:
        return found[0][key], found[1]
    return store.lookup(key)


def _remember(key, entry):
    found = _prefetched.get()
    if found is not None and key in found[0]:
        found[0][key] = entry


def cached(name, parts, compute):
    """``compute()``'s value under ``name`` and ``parts``, fresh by the page cache's purges.

    The value must be picklable (plain data or an HTML string); ``parts`` must name every
    input that changes it apart from the loaded objects (site, language, year, ...).
    """
    timeout = conf.fragment_ttl()
    if not timeout:
        return compute()
    key = fragment_key(name, parts)
    entry, seq = _lookup(key)
    outer = tags.current()
    if entry is not None and store.is_fresh(entry, seq):
        if outer is not None:
            outer.add(*entry["tags"])
        return entry["value"]

    collector, token = tags.activate()
    try:
        value = compute()
    finally:
        tags.deactivate(token)
    if outer is not None:
        outer.add(*collector.tags)
        if not collector.cacheable:
            outer.cacheable = False
    if seq is not None and collector.cacheable and len(collector.tags) <= conf.max_tags():
        entry = {"value": value, "seq": seq, "tags": sorted(collector.tags)}
        store.save(key, entry, timeout)
        _remember(key, entry)
    return value


class PortalHooks:
    """The page cache behind `portal.caching`, the hooks the code below this app calls."""

    def cached(self, name, parts, compute):
        return cached(name, parts, compute)

    def record_object(self, model, pk):
        tags.add_tags(tags.object_tag(model, pk))

    def record_list(self, label):
        tags.add_tags(tags.list_tag(label))

    def accept_query(self, request, names):
        params.accept(request, names)
