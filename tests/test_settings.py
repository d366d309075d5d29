"""Production settings, checked in fresh Python processes with a controlled environment:
they refuse to start without a secret key or host names, pass `check --deploy`, and pick
PostgreSQL and Redis from DATABASE_URL and CACHE_URL.
"""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parent.parent

PRINT_SETTINGS = """
import json
from django.conf import settings
print(json.dumps({
    "DEBUG": settings.DEBUG,
    "DATABASE": settings.DATABASES["default"],
    "CACHE": settings.CACHES["default"],
    "RENDITION_CACHE": settings.CACHES["renditions"],
    "CSRF_TRUSTED_ORIGINS": settings.CSRF_TRUSTED_ORIGINS,
    "SECURE_SSL_REDIRECT": settings.SECURE_SSL_REDIRECT,
    "SESSION_COOKIE_SECURE": settings.SESSION_COOKIE_SECURE,
    "WAGTAILADMIN_BASE_URL": settings.WAGTAILADMIN_BASE_URL,
}, default=str))
"""


def production_env(**overrides):
    """The current environment without any setting the test controls, plus `overrides`.

    SECRET_KEY and ALLOWED_HOSTS are passed as empty strings rather than left out, so a
    developer's `.env` file (read with overwrite=False) cannot fill them in.
    """
    env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "DJANGO_SETTINGS_MODULE",
            "DATABASE_URL",
            "CACHE_URL",
            "RENDITION_CACHE_URL",
            "DEBUG",
        }
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "cms.settings.production",
            "SECRET_KEY": "",
            "ALLOWED_HOSTS": "",
        }
    )
    env.update(overrides)
    return {key: value for key, value in env.items() if value is not None}


def run_python(code, env):
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def load_settings(**overrides):
    result = run_python(PRINT_SETTINGS, production_env(**overrides))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


SECRET = secrets.token_urlsafe(64)


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"ALLOWED_HOSTS": "example.org"}, "Set SECRET_KEY"),
        ({"SECRET_KEY": SECRET}, "Set ALLOWED_HOSTS"),
        ({}, "Set SECRET_KEY"),
    ],
    ids=["no-secret-key", "no-allowed-hosts", "neither"],
)
def test_production_refuses_to_start_without(overrides, message):
    result = run_python("import django; django.setup()", production_env(**overrides))

    assert result.returncode != 0
    assert "django.core.exceptions.ImproperlyConfigured" in result.stderr
    assert message in result.stderr


def test_check_deploy_reports_no_issues():
    env = production_env(SECRET_KEY=SECRET, ALLOWED_HOSTS="example.org")
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNINGS" not in result.stdout + result.stderr


def test_database_url_and_cache_url_select_postgresql_and_redis():
    loaded = load_settings(
        SECRET_KEY=SECRET,
        ALLOWED_HOSTS="example.org,www.example.org",
        DATABASE_URL="postgres://portal:geheim@db.internal:5432/portal",
        CACHE_URL="redis://127.0.0.1:6379/1",
        DEBUG="true",
    )

    database = loaded["DATABASE"]
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["HOST"], database["PORT"], database["NAME"]) == ("db.internal", 5432, "portal")
    assert database["USER"] == "portal"
    assert database["CONN_MAX_AGE"] == 60
    assert database["CONN_HEALTH_CHECKS"] is True
    cache = loaded["CACHE"]
    assert cache["BACKEND"] == "django_redis.cache.RedisCache"
    assert cache["LOCATION"] == "redis://127.0.0.1:6379/1"
    assert cache["OPTIONS"]["IGNORE_EXCEPTIONS"] is True
    # DEBUG cannot be switched on in production.
    assert loaded["DEBUG"] is False
    assert loaded["CSRF_TRUSTED_ORIGINS"] == ["https://example.org", "https://www.example.org"]
    assert loaded["SECURE_SSL_REDIRECT"] is True
    assert loaded["SESSION_COOKIE_SECURE"] is True
    assert loaded["WAGTAILADMIN_BASE_URL"] == "https://example.org"


def test_without_urls_sqlite_and_local_memory_cache():
    loaded = load_settings(SECRET_KEY=SECRET, ALLOWED_HOSTS="example.org")

    assert loaded["DATABASE"]["ENGINE"] == "django.db.backends.sqlite3"
    assert loaded["CACHE"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"
    # Wagtail's renditions: no cache (no write to Redis per image and render).
    assert loaded["RENDITION_CACHE"]["BACKEND"] == "django.core.cache.backends.dummy.DummyCache"


def test_a_redis_renditions_cache_ignores_outages_too():
    loaded = load_settings(
        SECRET_KEY=SECRET,
        ALLOWED_HOSTS="example.org",
        RENDITION_CACHE_URL="redis://127.0.0.1:6379/2",
    )

    renditions = loaded["RENDITION_CACHE"]
    assert renditions["BACKEND"] == "django_redis.cache.RedisCache"
    assert renditions["OPTIONS"]["IGNORE_EXCEPTIONS"] is True
