"""Test settings: fast hashing, isolated media, no network.

The database comes from DATABASE_URL as everywhere else, so the same suite runs on SQLite
(default) and PostgreSQL (CI sets DATABASE_URL).
"""

import tempfile

from .base import env
from .common import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = tempfile.mkdtemp(prefix="portal-test-media-")
# No separate "renditions" cache: Wagtail then uses the default one, so the tests see the
# rendition cache at work (it is emptied between tests).
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://portal-test")}
if CACHES["default"]["BACKEND"].endswith("LocMemCache"):
    CACHES["default"].setdefault("OPTIONS", {})["MAX_ENTRIES"] = 10_000
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"null": {"class": "logging.NullHandler"}},
    "root": {"handlers": ["null"]},
}
