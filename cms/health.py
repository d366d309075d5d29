"""The health endpoint `/health/` for load balancers, container probes and monitoring.

It answers JSON, e.g. ``{"status": "ok", "database": "ok", "cache": "ok"}``:

- ``200 ok``: the database answers and the cache stores and returns a value;
- ``200 degraded``: the cache (Redis) is down. The portal still serves every page, uncached
  (the page cache and sessions ignore cache errors), so the instance must stay in the load
  balancer: every instance shares the same Redis, and taking them all out would turn a slow
  site into no site. Monitoring should alert on "degraded";
- ``503 error``: the database does not answer; no page can be rendered.

It is cheap enough to be asked every few seconds: one query (``SELECT 1``) and two cache
calls, no session, no template. It is never cached (its URL name is not one the page cache
serves, and it sends ``Cache-Control: no-store``) and answers on plain HTTP in production
(SECURE_REDIRECT_EXEMPT in cms/settings/deploy.py). Error details go to the log, not to the
visitor.
"""

import logging
import os
import secrets
import socket

from django.core.cache import caches
from django.db import connections
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger("cms.health")

# One key per process: workers (and hosts) sharing a Redis never read each other's token.
CACHE_KEY = f"health:{socket.gethostname()}:{os.getpid()}"


def database_ok():
    try:
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        logger.exception("Health check: the database does not answer")
        return False


def cache_ok():
    """A round trip through the default cache.

    django-redis is configured to ignore errors (base.py), so a failure shows as a value that
    does not come back rather than as an exception.
    """
    token = secrets.token_hex(8)
    try:
        cache = caches["default"]
        cache.set(CACHE_KEY, token, timeout=30)
        if cache.get(CACHE_KEY) == token:
            return True
    except Exception:
        logger.exception("Health check: the cache does not answer")
        return False
    logger.warning("Health check: the cache does not store values")
    return False


@never_cache
@require_safe
def health(request):
    database = database_ok()
    cache = cache_ok()
    if not database:
        status, http_status = "error", 503
    elif not cache:
        status, http_status = "degraded", 200
    else:
        status, http_status = "ok", 200
    return JsonResponse(
        {
            "status": status,
            "database": "ok" if database else "error",
            "cache": "ok" if cache else "error",
        },
        status=http_status,
    )
