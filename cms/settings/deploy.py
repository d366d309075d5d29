"""Settings of the deploy part (issue 8); composed with base.py in common.py.

Names already defined in base.py (INSTALLED_APPS, MIDDLEWARE, env, ...) are extended in place.
How they are used in production, step by step: docs/deployment.md; every variable with an
example: .env.example.

- Sessions: with Redis as the cache, sessions are read from Redis and written to the
  database as well (`cached_db`), so a Redis outage logs nobody out and never fails a request.
- Media: on disk under MEDIA_ROOT (default), or in an S3-compatible bucket with
  MEDIA_STORAGE=s3 (django-storages; install the project with its `s3` extra).
- Logs: LOG_FORMAT=json writes one JSON object per line to stderr (python-json-logger), for a
  log collector; production.py makes it the default there.
- Health: `/health/` (cms/health.py) may answer on plain HTTP, for load balancers and probes.
"""

import copy

from django.core.exceptions import ImproperlyConfigured

from .base import CACHES, STORAGES, env
from .base import LOGGING as _base_logging

# Sessions

if CACHES["default"]["BACKEND"].startswith("django_redis"):
    # Cache-only sessions would log every editor out when Redis restarts; cached_db reads
    # from Redis (no query for the page cache's session check) and falls back to the
    # database when Redis is down, as the cache ignores its errors (base.py).
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# Media storage

MEDIA_STORAGE = env("MEDIA_STORAGE", default="filesystem")
if MEDIA_STORAGE == "s3":
    AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME", default="")
    if not AWS_STORAGE_BUCKET_NAME:
        raise ImproperlyConfigured("MEDIA_STORAGE=s3 needs AWS_STORAGE_BUCKET_NAME.")
    # Empty means the default: a bucket shared with other data keeps the media apart.
    _s3_location = (env("AWS_LOCATION", default="") or "media").strip("/")
    _s3_custom_domain = env("AWS_S3_CUSTOM_DOMAIN", default="") or None
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            # Empty for AWS itself; the provider's address for S3-compatible storage
            # (MinIO, Ceph, Hetzner, IONOS, ...).
            "endpoint_url": env("AWS_S3_ENDPOINT_URL", default="") or None,
            "region_name": env("AWS_S3_REGION_NAME", default="") or None,
            # Empty: boto3 finds credentials itself (instance role, ~/.aws, its own env).
            "access_key": env("AWS_ACCESS_KEY_ID", default="") or None,
            "secret_key": env("AWS_SECRET_ACCESS_KEY", default="") or None,
            "location": _s3_location,
            "custom_domain": _s3_custom_domain,
            # Public images need stable addresses (cached pages keep them for
            # PAGE_CACHE_SECONDS); a private bucket needs signed ones: set it to true.
            "querystring_auth": env.bool("AWS_QUERYSTRING_AUTH", default=False),
            # Wagtail gives two uploads of the same name different files; never overwrite.
            "file_overwrite": False,
            "default_acl": env("AWS_DEFAULT_ACL", default="") or None,
        },
    }
    if _s3_custom_domain:
        # An absolute MEDIA_URL also tells the Content-Security-Policy where images come
        # from (cms/security.py).
        MEDIA_URL = (
            f"https://{_s3_custom_domain}/{_s3_location}/"
            if _s3_location
            else (f"https://{_s3_custom_domain}/")
        )
elif MEDIA_STORAGE != "filesystem":
    raise ImproperlyConfigured(
        f"MEDIA_STORAGE must be 'filesystem' or 's3', not {MEDIA_STORAGE!r}."
    )

# Health endpoint

# Load balancers and container probes ask over plain HTTP; everything else is redirected to
# HTTPS in production (SECURE_SSL_REDIRECT).
SECURE_REDIRECT_EXEMPT = [r"^health/$"]

# Logs

LOG_FORMATS = ("plain", "json")


def logging_config(log_format):
    """base.py's LOGGING, with every handler writing `log_format` ("plain" or "json").

    A function, so production.py can pick another default (json) with one line.
    """
    if log_format not in LOG_FORMATS:
        raise ImproperlyConfigured(f"LOG_FORMAT must be one of {LOG_FORMATS}, not {log_format!r}.")
    config = copy.deepcopy(_base_logging)
    if log_format == "json":
        config["formatters"]["json"] = {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(process)d %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
            # Fields passed with `extra=` (django.request adds status_code and request)
            # are kept; objects are written as their str().
        }
        for handler in config["handlers"].values():
            handler["formatter"] = "json"
    return config


LOGGING = logging_config(env("LOG_FORMAT", default="plain"))
