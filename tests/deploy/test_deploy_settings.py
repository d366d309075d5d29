"""Deployment settings chosen by the environment (cms/settings/deploy.py): media storage,
sessions, log format. Each case loads the production settings in a fresh process; nothing
connects to S3 or Redis.
"""

import json

import pytest

from .helpers import load_json, production_env, run_python

PRINT_SETTINGS = """
import json
from django.conf import settings
print(json.dumps({
    "STORAGE": settings.STORAGES["default"],
    "STATICFILES": settings.STORAGES["staticfiles"]["BACKEND"],
    "MEDIA_URL": settings.MEDIA_URL,
    "SESSION_ENGINE": settings.SESSION_ENGINE,
    "SECURE_REDIRECT_EXEMPT": settings.SECURE_REDIRECT_EXEMPT,
    "FORMATTERS": {
        name: settings.LOGGING["formatters"][handler["formatter"]]
        for name, handler in settings.LOGGING["handlers"].items()
    },
}, default=str))
"""

S3_ENV = {
    "MEDIA_STORAGE": "s3",
    "AWS_STORAGE_BUCKET_NAME": "portal-media",
    "AWS_S3_ENDPOINT_URL": "https://s3.example.net",
    "AWS_S3_REGION_NAME": "eu-central",
    "AWS_ACCESS_KEY_ID": "AKIDEXAMPLE",
    "AWS_SECRET_ACCESS_KEY": "geheim",
}


def test_media_on_disk_by_default(tmp_path):
    loaded = load_json(PRINT_SETTINGS, production_env(MEDIA_ROOT=str(tmp_path)))

    assert loaded["STORAGE"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert loaded["MEDIA_URL"] == "/media/"
    # The static files stay with whitenoise whatever the media storage.
    assert loaded["STATICFILES"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"


def test_media_in_an_s3_compatible_bucket():
    loaded = load_json(PRINT_SETTINGS, production_env(**S3_ENV))

    storage = loaded["STORAGE"]
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    options = storage["OPTIONS"]
    assert options["bucket_name"] == "portal-media"
    assert options["endpoint_url"] == "https://s3.example.net"
    assert options["region_name"] == "eu-central"
    assert (options["access_key"], options["secret_key"]) == ("AKIDEXAMPLE", "geheim")
    assert options["location"] == "media"
    assert options["file_overwrite"] is False
    assert options["querystring_auth"] is False
    # Without a custom domain, file URLs come from the storage; MEDIA_URL is unused.
    assert loaded["MEDIA_URL"] == "/media/"


def test_s3_custom_domain_becomes_media_url():
    loaded = load_json(
        PRINT_SETTINGS,
        production_env(**S3_ENV, AWS_S3_CUSTOM_DOMAIN="media.example.org", AWS_LOCATION="portal"),
    )

    assert loaded["STORAGE"]["OPTIONS"]["custom_domain"] == "media.example.org"
    # An absolute MEDIA_URL is what the Content-Security-Policy adds to img-src.
    assert loaded["MEDIA_URL"] == "https://media.example.org/portal/"


def test_s3_storage_builds_file_urls_offline():
    pytest.importorskip("storages.backends.s3", reason="the project's s3 extra is not installed")
    code = """
from django.core.files.storage import storages
storage = storages["default"]
print(type(storage).__name__, storage.url("original_images/logo.png"))
"""
    result = run_python(code, production_env(**S3_ENV))

    name, url = result.stdout.split()
    assert name == "S3Storage"
    assert url == "https://s3.example.net/portal-media/media/original_images/logo.png"


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"MEDIA_STORAGE": "s3"}, "MEDIA_STORAGE=s3 needs AWS_STORAGE_BUCKET_NAME"),
        ({"MEDIA_STORAGE": "ftp"}, "MEDIA_STORAGE must be 'filesystem' or 's3'"),
        ({"LOG_FORMAT": "xml"}, "LOG_FORMAT must be one of"),
    ],
    ids=["s3-without-bucket", "unknown-storage", "unknown-log-format"],
)
def test_wrong_configuration_stops_the_start(overrides, message):
    result = run_python("import django; django.setup()", production_env(**overrides), check=False)

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert message in result.stderr


def test_sessions_in_redis_and_database_when_the_cache_is_redis():
    loaded = load_json(PRINT_SETTINGS, production_env(CACHE_URL="redis://127.0.0.1:6379/1"))
    assert loaded["SESSION_ENGINE"] == "django.contrib.sessions.backends.cached_db"

    loaded = load_json(PRINT_SETTINGS, production_env())
    assert loaded["SESSION_ENGINE"] == "django.contrib.sessions.backends.db"


def test_health_answers_on_plain_http():
    loaded = load_json(PRINT_SETTINGS, production_env())

    assert loaded["SECURE_REDIRECT_EXEMPT"] == [r"^health/$"]


@pytest.mark.parametrize(
    ("log_format", "formatter"),
    [("json", "pythonjsonlogger.json.JsonFormatter"), ("plain", None)],
)
def test_log_format(log_format, formatter):
    loaded = load_json(PRINT_SETTINGS, production_env(LOG_FORMAT=log_format))

    for config in loaded["FORMATTERS"].values():
        assert config.get("()") == formatter


def test_json_logs_are_one_object_per_line():
    code = """
import logging
import django
django.setup()
logging.getLogger("portal.test").warning("Grüße %s", "aus Halle", extra={"path": "/de/"})
"""
    result = run_python(code, production_env(LOG_FORMAT="json"))

    lines = [line for line in result.stderr.splitlines() if line.strip()]
    entry = json.loads(lines[-1])
    assert entry["message"] == "Grüße aus Halle"
    assert (entry["level"], entry["logger"], entry["path"]) == ("WARNING", "portal.test", "/de/")
    assert "time" in entry
