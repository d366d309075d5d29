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
"""

import hashlib

from . import conf, store, tags

FRAGMENT_PREFIX = store.PREFIX + "f:"


def fragment_key(name, parts):
    raw = "|".join([name, *(str(part) for part in parts)])
    return FRAGMENT_PREFIX + hashlib.sha256(raw.encode()).hexdigest()


def cached(name, parts, compute):
    """``compute()``'s value under ``name`` and ``parts``, fresh by the page cache's purges.

    The value must be picklable (plain data or an HTML string); ``parts`` must name every
    input that changes it apart from the loaded objects (site, language, year, ...).
    """
    timeout = conf.fragment_ttl()
    if not timeout:
        return compute()
    key = fragment_key(name, parts)
    entry, seq = store.lookup(key)
    outer = tags.current()
    if entry is not None and store.is_fresh(entry):
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
        store.save(key, {"value": value, "seq": seq, "tags": sorted(collector.tags)}, timeout)
    return value
