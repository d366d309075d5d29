"""Which query strings the page cache stores: only those the rendering view accepted in full.

A view names the parameters it read and found valid (`portal.caching.accept_query`; the list
machinery does so for filters and page numbers). Anything else in the address (a parameter
the view does not read, an invalid value, a value given twice where the view reads one, a page
that does not exist) is served, but never stored, so junk cannot fill the cache.
"""

import datetime as dt

from django.core.cache import caches
from django.utils import timezone
from django.utils.cache import cc_delim_re

import pytest

from events.factories import EventCategoryFactory, EventCategoryLinkFactory, EventPageFactory
from pagecache import conf, store

from .conftest import cached, fetch

ENTRY_PREFIX = store.PREFIX + "e:"


def stored_entries():
    """The number of page entries in the cache backend (not fragments, markers or seq)."""
    backend = caches[conf.alias()]
    if hasattr(backend, "_cache"):  # local memory
        return sum(1 for key in list(backend._cache) if ENTRY_PREFIX in key)
    if hasattr(backend, "keys"):  # django-redis
        return len(backend.keys(ENTRY_PREFIX + "*"))
    pytest.skip("cannot count the entries of this cache backend")


@pytest.fixture
def saved_entries(monkeypatch):
    """The keys of the page entries written, whatever the backend."""
    saved = []
    original = store.save

    def save(key, entry, timeout):
        if key.startswith(ENTRY_PREFIX):
            saved.append(key)
        return original(key, entry, timeout)

    monkeypatch.setattr(store, "save", save)
    return saved


@pytest.fixture
def category(portal):
    category = EventCategoryFactory(name="Wirtschaft", slug="wirtschaft")
    EventCategoryLinkFactory(page=portal["event"], category=category)
    return category


def vary(response):
    return {part.strip().lower() for part in cc_delim_re.split(response.get("Vary", "")) if part}


# Junk an attacker could put in the address of any page: none of it is read by any view, or
# it is read and found invalid, repeated or out of range.
COMMON_JUNK = [
    lambda i: f"junk{i}=1",
    lambda i: f"live=zzz{i}",  # a field of the quotes' admin filters
    lambda i: f"organisation=x{i}",  # likewise
    lambda i: f"cluster={i}",  # a field of the clusters' quote filters in the admin
    lambda i: f"page={1000 + i}",
    lambda i: f"page=x{i}",
    lambda i: f"page=1&page={i + 2}",
    lambda i: f"page=0{i + 1}",
    lambda i: f"utm_source=news{i}&from=en{i}",
]
PAGE_JUNK = [lambda i: f"q=abc{i}", lambda i: f"state=SN&x={i}"]
POOL_JUNK = [
    lambda i: f"state=X{i}",
    lambda i: f"zoning=Z{i}",
    lambda i: f"area_min=abc{i}",
    lambda i: f"sort=bad{i}",
    lambda i: f"available_now=maybe{i}",
    lambda i: f"q=a&q=b{i}",
    lambda i: f"sort=city&sort=area_asc&place=p{i}",
    lambda i: f"state=SN&state=SN&place=p{i}",
    lambda i: f"state=SN&page={i + 2}",
]
EVENTS_JUNK = [
    lambda i: f"category=nope{i}",
    lambda i: f"month=2027-{13 + i}",
    lambda i: f"from_date=x{i}",
    lambda i: f"state=Q{i}",
    lambda i: f"city=Nowhere{i}",
    lambda i: f"q=a&q=b{i}",
    lambda i: f"category=wirtschaft&category=wirtschaft&q=x{i}",
    lambda i: f"from_date=2027-03-10&to_date=2027-03-01&q=x{i}",
]
VARIANTS_PER_PAGE = 250


def junk(path, templates):
    return [f"{path}?{templates[i % len(templates)](i)}" for i in range(VARIANTS_PER_PAGE)]


def test_a_thousand_junk_addresses_store_nothing(client, portal, category, saved_entries):
    caches[conf.alias()].clear()
    pages = {
        "/de/": PAGE_JUNK,
        "/de/ueber-uns/": PAGE_JUNK,
        "/de/flaechen/": POOL_JUNK,
        "/de/termine/": EVENTS_JUNK,
    }
    for path in pages:
        cached(client, path)
    before = stored_entries()
    saved_entries.clear()
    urls = [url for path, templates in pages.items() for url in junk(path, COMMON_JUNK + templates)]
    assert len(set(urls)) == 1000
    states = {}
    for url in urls:
        state, response = fetch(client, url)
        assert response.status_code == 200, url
        assert state in ("BYPASS", "PASS"), (url, state)
        states[state] = states.get(state, 0) + 1
    after = stored_entries()
    print(f"junk fill: {len(urls)} addresses {states}, entries before {before}, after {after}")
    assert saved_entries == []
    assert (before, after) == (4, 4)
    # The plain addresses are still served from their entries.
    for path in pages:
        assert fetch(client, path)[0] == "HIT"


def test_a_parameter_the_page_does_not_read_is_never_cached(client, portal):
    for _ in range(2):
        state, response = fetch(client, "/de/?q=abc1")
        assert (response.status_code, state) == (200, "BYPASS")
    assert fetch(client, "/de/")[0] == "MISS"
    assert fetch(client, "/de/?q=abc1")[0] == "BYPASS"


@pytest.mark.parametrize(
    "url",
    [
        "/de/flaechen/?state=SN",
        "/de/flaechen/?state=ST&state=SN&sort=city",
        "/de/flaechen/?available_now=1&area_min=2",
        "/de/flaechen/karte/?state=SN",
        "/de/termine/?category=wirtschaft",
        "/de/termine/?q=Konferenz&state=SN",
        "/de/termine/archiv/?category=wirtschaft",
        "/de/termine/kalender/?category=wirtschaft",
        "/de/termine/kalender/2027/03/?category=wirtschaft",
        "/de/cluster/?kind=micro&state=SN",
        "/de/api/locations.geojson?state=SN&kind=site",
    ],
)
def test_valid_filters_are_cached(client, portal, category, url):
    cached(client, url)


def test_the_feed_of_a_pool_is_cached(client, portal):
    cached(client, f"/de/api/locations.geojson?pool={portal['pool'].pk}&state=SN")
    state, response = fetch(client, "/de/api/locations.geojson?pool=999999")
    assert (response.status_code, state) == (400, "BYPASS")


@pytest.mark.parametrize(
    "url",
    [
        # The calendar shows a month of its own: it does not read the list's date filters.
        "/de/termine/kalender/?month=2027-03",
        "/de/termine/kalender/?category=wirtschaft&page=2",
        "/de/termine/clusterkonferenz/?category=wirtschaft",
        "/de/termine/ical/?category=wirtschaft",
        "/de/flaechen/nord/?state=SN",
        "/de/api/locations.geojson?kind=site&kind=hall",
        "/de/api/locations.geojson?state=SN&page=2",
        "/de/cluster/?kind=micro&kind=macro",
        "/de/cluster/chemie-und-kunststoffe/?kind=micro",
        "/de/termine/?category=wirtschaft&sort=city",
        "/de/flaechen/?category=wirtschaft",
    ],
)
def test_parameters_another_view_reads_are_not_cached(client, portal, category, url):
    for _ in range(2):
        state, response = fetch(client, url)
        assert response.status_code == 200, url
        assert state == "BYPASS", (url, state)


def test_page_two_of_a_long_list_is_cached(client, portal):
    start = timezone.now() + dt.timedelta(days=20)
    for day in range(13):
        moment = start + dt.timedelta(days=day)
        EventPageFactory(parent=portal["events"], start=moment, end=moment + dt.timedelta(hours=1))
    second = cached(client, "/de/termine/?page=2")
    assert 'aria-current="page"' in second.content.decode()
    cached(client, "/de/termine/?page=1")
    for url in ("/de/termine/?page=3", "/de/termine/?page=02", "/de/termine/?page=2&page=2"):
        assert fetch(client, url)[0] == "BYPASS", url
        assert fetch(client, url)[0] == "BYPASS", url


@pytest.mark.parametrize(
    "url", ["/de/", "/de/termine/", "/de/flaechen/?state=SN", "/de/api/locations.geojson"]
)
def test_hits_vary_as_misses_do(client, portal, url):
    state, miss = fetch(client, url)
    assert state == "MISS"
    state, hit = fetch(client, url)
    assert state == "HIT"
    assert "cookie" in vary(miss)
    assert vary(hit) == vary(miss)


def test_conditional_hit_keeps_the_vary(client, portal):
    response = cached(client, "/de/api/locations.geojson")
    not_modified = client.get("/de/api/locations.geojson", HTTP_IF_NONE_MATCH=response["ETag"])
    assert (not_modified.status_code, not_modified["X-Cache"]) == (304, "HIT")
    assert "cookie" in vary(not_modified)


def test_a_fallback_link_is_cached_and_a_forged_one_is_not(client, portal):
    # The portal links a page without an English translation to its German source with
    # `?from=en`: a handful of values, so those pages are cached; anything else is not.
    cached(client, "/de/ueber-uns/?from=en")
    for junk in ("from=xx", "from=en&from=en", "from=de", "from=" + "e" * 50):
        for _ in range(2):
            assert fetch(client, f"/de/ueber-uns/?{junk}")[0] == "BYPASS", junk
