"""A Redis outage on the real Redis (127.0.0.1:6379, DB 8): pages keep answering, uncached,
editors stay logged in, the health check says "degraded", and when Redis returns pages come
from the cache again.

Redis "stops" by pointing CACHES at a port nothing listens on, as a network failure or a
stopped server looks to the portal; the real server is shared and is never stopped. Skipped
when no Redis runs locally, never in CI.
"""

from django.core.cache import caches
from django.test import Client

import pytest

from home.factories import StandardPageFactory

from .helpers import skip_unless_reachable

LIVE_REDIS = "redis://127.0.0.1:6379/8"
DEAD_REDIS = "redis://127.0.0.1:6399/8"


def redis_cache(location):
    return {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": location,
            # As cms/settings/base.py sets it for every django-redis cache.
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 1},
        }
    }


@pytest.fixture
def redis_settings(settings):
    skip_unless_reachable("127.0.0.1", 6379, "Redis")
    settings.CACHES = redis_cache(LIVE_REDIS)
    # As cms/settings/deploy.py chooses with Redis.
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    settings.PAGE_CACHE_SECONDS = 600
    settings.WAGTAILFRONTENDCACHE = {}
    caches["default"].clear()
    yield settings
    settings.CACHES = redis_cache(LIVE_REDIS)
    caches["default"].clear()


def fetch(client, url):
    response = client.get(url)
    return response.status_code, response.get("X-Cache")


@pytest.fixture
def pages(site, home_page):
    return [
        home_page,
        StandardPageFactory(parent=home_page, title="Über uns", slug="ueber-uns"),
    ]


def test_pages_survive_a_redis_outage_and_come_from_the_cache_again(
    client, redis_settings, pages, superuser, django_assert_num_queries
):
    urls = [page.url for page in pages]
    editor = Client()
    editor.force_login(superuser)

    # Redis up: rendered once, then served from the cache without a query.
    for url in urls:
        assert fetch(client, url) == (200, "MISS")
        with django_assert_num_queries(0):
            assert fetch(client, url) == (200, "HIT")
    assert editor.get("/admin/").status_code == 200

    # Redis down: every page still renders, uncached; nothing answers 500.
    redis_settings.CACHES = redis_cache(DEAD_REDIS)
    for url in urls:
        for _attempt in range(2):
            assert fetch(client, url) == (200, "PASS")
    assert client.get("/health/").json()["status"] == "degraded"
    # The editor's session is read from the database: still logged in, no 500.
    response = editor.get("/admin/")
    assert response.status_code == 200
    assert response.wsgi_request.user == superuser
    # Logging in writes a new session: to the database, the cache write is skipped.
    late = Client()
    response = late.post(
        "/admin/login/", {"username": superuser.username, "password": "geheim-123"}
    )
    assert response.status_code == 302
    assert late.get("/admin/").status_code == 200

    # Redis back: the entries stored before the outage are served again.
    redis_settings.CACHES = redis_cache(LIVE_REDIS)
    for url in urls:
        with django_assert_num_queries(0):
            assert fetch(client, url) == (200, "HIT")
    assert client.get("/health/").json()["status"] == "ok"


def test_an_edit_during_the_outage_is_not_hidden_when_redis_returns(client, redis_settings, pages):
    page = pages[1]
    assert fetch(client, page.url) == (200, "MISS")

    redis_settings.CACHES = redis_cache(DEAD_REDIS)
    page.title = "Wer wir sind"
    page.save_revision().publish()
    assert "Wer wir sind" in client.get(page.url).content.decode()

    redis_settings.CACHES = redis_cache(LIVE_REDIS)
    response = client.get(page.url)
    assert response.status_code == 200
    assert "Wer wir sind" in response.content.decode()
