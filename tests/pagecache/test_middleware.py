"""Which requests and responses the page cache serves and stores, and what a hit costs."""

from django.contrib.sessions.backends.db import SessionStore
from django.core.cache import caches
from django.test import RequestFactory
from django.utils.translation import gettext

from wagtail.models import PageViewRestriction

import pytest

from pagecache import store
from pagecache.middleware import PageCacheMiddleware

from .conftest import cached, fetch, text


def test_anonymous_hit_runs_no_query(client, portal, django_assert_num_queries):
    state, first = fetch(client, "/de/")
    assert (first.status_code, state) == (200, "MISS")
    with django_assert_num_queries(0):
        state, second = fetch(client, "/de/")
    assert state == "HIT"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


@pytest.mark.parametrize(
    "url",
    [
        "/de/cluster/",
        "/de/cluster/chemie-und-kunststoffe/",
        "/de/termine/",
        "/de/termine/archiv/",
        "/de/termine/kalender/",
        "/de/termine/ical/",
        "/de/termine/clusterkonferenz/",
        "/de/flaechen/",
        "/de/flaechen/karte/",
        "/de/flaechen/nord/",
        "/de/api/locations.geojson",
        "/de/ueber-uns/",
    ],
)
def test_every_public_page_and_feed_is_served_from_the_cache(
    client, portal, url, django_assert_num_queries
):
    fetch(client, url)
    with django_assert_num_queries(0):
        cached(client, url)


def test_head_is_served_from_the_entry_of_get(client, portal):
    cached(client, "/de/cluster/")
    response = client.head("/de/cluster/")
    assert response["X-Cache"] == "HIT"


def test_languages_have_their_own_entries(client, portal, en_home_page):
    german = cached(client, "/de/")
    state, english = fetch(client, "/en/")
    assert state == "MISS"
    assert english.content != german.content
    assert '<html lang="en"' in text(english)


def test_key_holds_the_filters_sorted_and_ignores_tracking(client, portal):
    plain = cached(client, "/de/cluster/")
    state, filtered = fetch(client, "/de/cluster/?kind=micro&state=SN")
    assert state == "MISS"
    assert filtered.content != plain.content
    # The same filters in another order, and campaign parameters, share the entry.
    assert fetch(client, "/de/cluster/?state=SN&kind=micro")[0] == "HIT"
    assert fetch(client, "/de/cluster/?utm_source=news&fbclid=x&kind=micro&state=SN")[0] == "HIT"
    assert fetch(client, "/de/cluster/?utm_campaign=spring")[0] == "HIT"


def test_campaign_links_are_not_stored_with_their_parameters(client, portal):
    # The calendar repeats the query string in its month links.
    url = "/de/termine/kalender/?utm_source=newsletter"
    state, response = fetch(client, url)
    assert (response.status_code, state) == (200, "PASS")
    assert "utm_source" in text(response)
    assert fetch(client, "/de/termine/kalender/")[0] == "MISS"
    assert "utm_source" not in text(fetch(client, url)[1])


@pytest.mark.parametrize(
    "query",
    [
        "?unknown=1",  # no view reads it: each value would be a new entry (test_query.py)
        "?kind=micro&" + "&".join(f"state={n}" for n in range(12)),  # too many values
        "?q=" + "x" * 500,  # too long
    ],
)
def test_query_strings_that_would_flood_the_cache_bypass_it(client, portal, query):
    state, response = fetch(client, "/de/termine/" + query)
    assert response.status_code == 200
    assert state == "BYPASS"
    assert fetch(client, "/de/termine/" + query)[0] == "BYPASS"


@pytest.mark.parametrize(
    "url",
    ["/de/termine/?page=abc", "/de/flaechen/?zoning=XX", "/de/cluster/?sector=nonexistent"],
)
def test_pages_that_report_ignored_input_are_not_stored(client, portal, url):
    # The view did not accept the invalid value, so the query string is not cached.
    state, response = fetch(client, url)
    assert response.status_code == 200
    assert state == "BYPASS"
    assert fetch(client, url)[0] == "BYPASS"


def test_a_notice_prevents_storing_even_when_the_query_was_accepted():
    from django.template.response import SimpleTemplateResponse

    from pagecache.tags import Collector

    request = RequestFactory().get("/de/")
    response = SimpleTemplateResponse("base.html", {"notices": ["ignored"]})
    response.content = b"<p>ok</p>"
    middleware = PageCacheMiddleware(lambda request: None)
    assert not middleware.storable(request, response, Collector())


def test_rejected_feed_queries_and_missing_pages_are_not_stored(client, portal):
    state, response = fetch(client, "/de/api/locations.geojson?bbox=nonsense")
    assert (response.status_code, state) == (400, "BYPASS")
    state, response = fetch(client, "/de/gibt-es-nicht/")
    assert (response.status_code, state) == (404, "PASS")
    state, response = fetch(client, "/de/termine/kalender/2027/13/")
    assert (response.status_code, state) == (404, "PASS")


def test_logged_in_users_bypass_the_cache(client, portal, superuser):
    cached(client, "/de/cluster/")
    client.force_login(superuser)
    state, response = fetch(client, "/de/cluster/")
    assert (response.status_code, state) == (200, "BYPASS")
    client.logout()
    assert fetch(client, "/de/cluster/")[0] == "HIT"


def test_logged_in_render_is_never_stored_for_others(client, portal, superuser):
    client.force_login(superuser)
    assert fetch(client, "/de/cluster/")[0] == "BYPASS"
    client.logout()
    assert fetch(client, "/de/cluster/")[0] == "MISS"


def test_visitor_with_a_session_but_no_login_gets_cached_pages(client, portal):
    cached(client, "/de/cluster/")
    session = SessionStore()
    session["seen_banner"] = True
    session.save()
    client.cookies["sessionid"] = session.session_key
    assert fetch(client, "/de/cluster/")[0] == "HIT"


def test_admin_preview_documents_and_post_bypass(admin_logged_in_client, client, portal):
    assert client.get("/admin/login/")["X-Cache"] == "BYPASS"
    preview = admin_logged_in_client.get(f"/admin/pages/{portal['about'].pk}/view_draft/")
    assert preview.status_code == 200
    assert preview["X-Cache"] == "BYPASS"
    assert client.post("/de/cluster/")["X-Cache"] == "BYPASS"
    assert client.get("/documents/1/nothing.pdf")["X-Cache"] == "BYPASS"


def test_search_is_not_cached(client, portal):
    # Every query would be a new entry, and the search counts queries for its suggestions.
    path = "/de/" + gettext("search/")
    assert client.get(path + "?q=Chemie")["X-Cache"] == "BYPASS"


def test_password_protected_page_is_never_shared(client, portal):
    about = portal["about"]
    cached(client, "/de/ueber-uns/")
    PageViewRestriction.objects.create(
        page=about, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    state, form = fetch(client, "/de/ueber-uns/")
    # The password form carries a CSRF token: never stored, never served to others.
    assert state == "PASS"
    assert "csrfmiddlewaretoken" in text(form)
    assert fetch(client, "/de/ueber-uns/")[0] == "PASS"

    restriction = PageViewRestriction.objects.get(page=about)
    response = client.post(
        f"/de/_util/authenticate_with_password/{restriction.pk}/{about.pk}/",
        {"password": "geheim", "return_url": "/de/ueber-uns/"},
    )
    assert response.status_code == 302
    state, content = fetch(client, "/de/ueber-uns/")
    assert (content.status_code, state) == (200, "BYPASS")
    assert "csrfmiddlewaretoken" not in text(content)


def test_conditional_get_of_a_cached_feed(client, portal):
    response = cached(client, "/de/api/locations.geojson")
    not_modified = client.get("/de/api/locations.geojson", HTTP_IF_NONE_MATCH=response["ETag"])
    assert not_modified.status_code == 304
    assert not_modified["X-Cache"] == "HIT"


def test_zero_seconds_switches_the_cache_off(client, portal, settings):
    settings.PAGE_CACHE_SECONDS = 0
    response = client.get("/de/")
    assert response.status_code == 200
    assert "X-Cache" not in response


def _response(status=200, **headers):
    from django.http import HttpResponse

    response = HttpResponse("<p>ok</p>", status=status)
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    return response


@pytest.mark.parametrize(
    "headers, storable",
    [
        ({}, True),
        ({"Vary": "Accept-Language, Cookie"}, True),
        ({"Vary": "User-Agent"}, False),
        ({"Cache_Control": "private"}, False),
        ({"Cache_Control": "no-store"}, False),
        ({"Cache_Control": "public, max-age=60"}, True),
    ],
)
def test_response_headers_decide_whether_to_store(headers, storable):
    from pagecache.tags import Collector

    request = RequestFactory().get("/de/")
    middleware = PageCacheMiddleware(lambda request: None)
    assert middleware.storable(request, _response(**headers), Collector()) is storable


def test_csrf_token_or_cookie_prevents_storing():
    from pagecache.tags import Collector

    middleware = PageCacheMiddleware(lambda request: None)
    request = RequestFactory().get("/de/")
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True
    assert not middleware.storable(request, _response(), Collector())
    response = _response()
    response.set_cookie("tracking", "1")
    assert not middleware.storable(RequestFactory().get("/de/"), response, Collector())


def test_entry_rendered_before_a_purge_is_stale_when_stored_after(db):
    """The race: a miss reads the sequence, an editor publishes, the miss stores old HTML."""
    key = store.entry_key("race")
    _entry, seq = store.lookup(key)
    store.purge({"page:1"})
    store.save(key, {"seq": seq, "tags": ["all", "page:1"], "content": b""}, 60)
    entry, _seq = store.lookup(key)
    assert entry is not None
    assert not store.is_fresh(entry)
    # An entry that started after the purge is fresh.
    _entry, later = store.lookup(key)
    assert store.is_fresh({"seq": later, "tags": ["all", "page:1"]})


def test_lost_sequence_counter_never_makes_old_entries_fresh(db):
    _entry, seq = store.lookup(store.entry_key("lost"))
    store.purge({"page:2"})
    caches["default"].delete(store.SEQ_KEY)
    store.purge({"page:3"})
    assert not store.is_fresh({"seq": seq, "tags": ["page:2", "page:3"]})


class CountingCache:
    """Counts the round trips the page cache makes to its backend."""

    def __init__(self, backend):
        self.backend = backend
        self.calls = []

    def __getattr__(self, name):
        attribute = getattr(self.backend, name)
        if not callable(attribute):
            return attribute

        def counted(*args, **kwargs):
            self.calls.append(name)
            return attribute(*args, **kwargs)

        return counted


@pytest.fixture
def cache_calls(monkeypatch):
    counting = CountingCache(caches["default"])
    monkeypatch.setattr(store, "cache", lambda: counting)
    return counting.calls


def test_hit_without_any_purge_since_costs_one_cache_call(client, portal, cache_calls):
    cached(client, "/de/cluster/")
    cache_calls.clear()
    state, _response = fetch(client, "/de/cluster/")
    assert state == "HIT"
    assert cache_calls == ["get_many"]


def test_hit_after_an_unrelated_purge_checks_the_markers(client, portal, cache_calls):
    cached(client, "/de/cluster/")
    store.purge({"page:999999"})
    cache_calls.clear()
    state, _response = fetch(client, "/de/cluster/")
    assert state == "HIT"
    # The entry, then its markers: the sequence moved, so the markers decide.
    assert cache_calls == ["get_many", "get_many"]


def test_sequence_unchanged_means_fresh_without_reading_markers(db, cache_calls):
    key = store.entry_key("unchanged")
    _entry, seq = store.lookup(key)
    store.save(key, {"seq": seq, "tags": ["all", "page:1"]}, 60)
    entry, current = store.lookup(key)
    cache_calls.clear()
    assert store.is_fresh(entry, current)
    assert cache_calls == []
    store.purge({"page:1"})
    entry, current = store.lookup(key)
    assert not store.is_fresh(entry, current)


def test_url_names_are_resolved_once_per_path(client, portal):
    from pagecache.middleware import resolved_url_name

    resolved_url_name.cache_clear()
    cached(client, "/de/cluster/")
    fetch(client, "/de/cluster/")
    info = resolved_url_name.cache_info()
    assert info.misses == 1
    assert info.hits >= 1
    assert resolved_url_name("de", "cms.urls", "/de/cluster/") == "wagtail_serve"
    assert resolved_url_name("de", "cms.urls", "/keine/seite/") is None
    assert info.maxsize == 4096


def test_long_paths_are_resolved_without_being_remembered(client, portal):
    from pagecache.middleware import MAX_REMEMBERED_PATH, resolved_url_name, url_name

    resolved_url_name.cache_clear()
    long_path = "/de/" + "x" * MAX_REMEMBERED_PATH + "/"
    assert url_name("de", "cms.urls", long_path) == "wagtail_serve"
    assert resolved_url_name.cache_info().currsize == 0
    assert client.get(long_path).status_code == 404
