"""The page cache on Redis (django-redis, as in production) and during a Redis outage."""

import socket

from django.core.cache import caches

import pytest

from home.factories import ProjectTeaserFactory

from .conftest import cached, fetch, text


def redis_cache(location):
    return {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": location,
            # As cms/settings/base.py sets it for every django-redis cache.
            "OPTIONS": {"IGNORE_EXCEPTIONS": True},
        }
    }


def redis_running():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
    except OSError:
        return False
    return True


def test_pages_render_while_redis_is_down(client, portal, settings):
    # Nothing listens on port 6399.
    settings.CACHES = redis_cache("redis://127.0.0.1:6399/0")
    for _attempt in range(2):
        state, response = fetch(client, "/de/")
        assert response.status_code == 200
        assert state == "PASS"  # rendered, not stored: the purge sequence is unknown
    # Purges fail quietly too.
    ProjectTeaserFactory(name="Ausfallsicher")
    assert "Ausfallsicher" in text(client.get("/de/"))


def test_pagecache_errors_never_break_a_page(client, portal, settings):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {"BACKEND": "tests.pagecache.broken_cache.BrokenCache"},
    }
    settings.PAGE_CACHE_ALIAS = "pages"
    state, response = fetch(client, "/de/cluster/")
    assert (response.status_code, state) == (200, "PASS")
    ProjectTeaserFactory(name="Trotzdem")
    assert "Trotzdem" in text(client.get("/de/"))


@pytest.mark.skipif(not redis_running(), reason="no Redis at 127.0.0.1:6379")
def test_hit_and_purge_on_real_redis(client, portal, settings, django_assert_num_queries):
    settings.CACHES = redis_cache("redis://127.0.0.1:6379/9")
    caches["default"].clear()
    try:
        fetch(client, "/de/")
        with django_assert_num_queries(0):
            cached(client, "/de/")
        cached(client, "/de/cluster/")
        ProjectTeaserFactory(name="Auf Redis")
        state, response = fetch(client, "/de/")
        assert state == "MISS"
        assert "Auf Redis" in text(response)
        assert fetch(client, "/de/cluster/")[0] == "HIT"
    finally:
        caches["default"].clear()


@pytest.mark.skipif(not redis_running(), reason="no Redis at 127.0.0.1:6379")
def test_url_index_uses_redis_sets(client, portal, settings):
    from pagecache import store

    settings.CACHES = redis_cache("redis://127.0.0.1:6379/9")
    settings.WAGTAILFRONTENDCACHE = {
        "default": {"BACKEND": "tests.pagecache.fake_frontend.RecordingBackend"}
    }
    caches["default"].clear()
    try:
        cached(client, "/de/cluster/")
        cached(client, "/de/cluster/?kind=macro")
        urls = store.urls_for({"list:clusters.clusterpage"})
        assert urls == {
            "http://testserver/de/cluster/",
            "http://testserver/de/cluster/?kind=macro",
        }
    finally:
        caches["default"].clear()
