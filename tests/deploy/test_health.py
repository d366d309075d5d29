"""The health endpoint /health/ (cms/health.py): what it reports when the database or the
cache fails, that it stays cheap and is never cached, and that probes reach it over plain
HTTP in production.
"""

from django.conf import settings as django_settings

import pytest

from .helpers import load_json, production_env

HEALTH = "/health/"

# Nothing listens on these ports.
DEAD_REDIS = "redis://127.0.0.1:6399/0"
DEAD_POSTGRES = "postgres://postgres@127.0.0.1:6398/portal_down"

GET_HEALTH = """
import json
import django
django.setup()
from django.test import Client
response = Client().get("/health/", HTTP_HOST="example.org")
print(json.dumps({
    "status_code": response.status_code,
    "body": response.json() if response.status_code in (200, 503) else None,
    "location": response.get("Location"),
}))
"""


def redis_cache(location):
    return {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": location,
            # As cms/settings/base.py sets it for every django-redis cache.
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 1},
        }
    }


@pytest.mark.django_db
def test_ok_with_one_query_and_never_cached(client, django_assert_max_num_queries, settings):
    settings.PAGE_CACHE_SECONDS = 600
    with django_assert_max_num_queries(1):
        response = client.get(HEALTH)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-store" in response["Cache-Control"]
    # The page cache never serves it: each answer is a fresh check.
    assert response.get("X-Cache") in (None, "BYPASS")
    assert client.get(HEALTH).get("X-Cache") in (None, "BYPASS")


@pytest.mark.django_db
def test_no_session_and_no_cookie(client):
    response = client.get(HEALTH)

    assert not response.cookies


@pytest.mark.django_db
def test_post_is_refused(client):
    assert client.post(HEALTH).status_code == 405


@pytest.mark.django_db
def test_cache_down_is_degraded_but_serving(client, settings):
    settings.CACHES = redis_cache(DEAD_REDIS)

    response = client.get(HEALTH)

    # The site still renders every page without the cache, so the instance stays in the
    # load balancer; monitoring alerts on "degraded".
    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "database": "ok", "cache": "error"}


@pytest.mark.django_db
def test_cache_that_raises_is_degraded(client, settings):
    settings.CACHES = {"default": {"BACKEND": "tests.pagecache.broken_cache.BrokenCache"}}

    response = client.get(HEALTH)

    assert response.status_code == 200
    assert response.json()["cache"] == "error"


def test_database_down_is_503():
    # A fresh process whose database is a PostgreSQL server that does not exist: no
    # middleware may touch the database before the check, and the answer is a clean 503.
    loaded = load_json(
        GET_HEALTH,
        production_env(
            DJANGO_SETTINGS_MODULE=django_settings.SETTINGS_MODULE, DATABASE_URL=DEAD_POSTGRES
        ),
    )

    assert loaded["status_code"] == 503
    assert loaded["body"] == {"status": "error", "database": "error", "cache": "ok"}


def test_production_answers_probes_on_plain_http(tmp_path):
    # Every other address redirects to HTTPS in production; a probe speaks plain HTTP.
    env = production_env(DATABASE_URL=f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    loaded = load_json(GET_HEALTH, env)

    assert loaded["status_code"] == 200, loaded
    assert loaded["body"] == {"status": "ok", "database": "ok", "cache": "ok"}

    other = load_json(GET_HEALTH.replace('"/health/"', '"/de/"'), env)
    assert other["status_code"] == 301
    assert other["location"].startswith("https://")
