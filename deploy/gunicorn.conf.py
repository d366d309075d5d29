"""gunicorn configuration for the portal (docs/deployment.md).

Start, from the checkout, behind a TLS-terminating proxy:

    DJANGO_SETTINGS_MODULE=cms.settings.production \\
        .venv/bin/gunicorn -c deploy/gunicorn.conf.py cms.wsgi:application

Every value can be changed through the environment (or the checkout's `.env`, read the same
way as the Django settings read it; real environment variables win):

| variable | default | meaning |
| --- | --- | --- |
| `GUNICORN_BIND` | `127.0.0.1:8000` | where the proxy connects (`0.0.0.0:8000` in a container) |
| `WEB_CONCURRENCY` | 2 × cores + 1, at most `GUNICORN_MAX_WORKERS` (8) | worker processes |
| `GUNICORN_TIMEOUT` | `30` | seconds before a stuck worker is killed and replaced |
| `GUNICORN_MAX_REQUESTS` | `2000` | requests after which a worker is recycled (0: never) |
| `FORWARDED_ALLOW_IPS` | `127.0.0.1,::1` | proxies whose X-Forwarded-* headers are trusted |
| `LOG_FORMAT` | `json` | `json`: one JSON object per access-log line; `plain`: Apache style |
| `LOG_LEVEL` | `INFO` | level of gunicorn's own log |
"""

import datetime as dt
import json
import logging
import multiprocessing
import os
from pathlib import Path

import environ
from gunicorn.glogging import Logger

BASE_DIR = Path(__file__).resolve().parent.parent
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)
# wsgi.py falls back to the development settings; a production server must never do that.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")


def setting(name, default, cast=str):
    """An environment variable; unset or empty (`WEB_CONCURRENCY=` in .env) means `default`."""
    value = os.environ.get(name, "").strip()
    return cast(value) if value else default


def default_workers(cores=None, cap=None):
    """2 × cores + 1, gunicorn's rule of thumb for sync workers, capped: each worker holds a
    database connection and about 100 MB, so a large machine should not start 65 of them."""
    cores = cores or multiprocessing.cpu_count()
    cap = cap or setting("GUNICORN_MAX_WORKERS", 8, int)
    return max(1, min(2 * cores + 1, cap))


# Where and how many

chdir = str(BASE_DIR)
wsgi_app = "cms.wsgi:application"
bind = setting("GUNICORN_BIND", "127.0.0.1:8000").split(",")
workers = setting("WEB_CONCURRENCY", 0, int) or default_workers()
# Sync workers: the pages are rendered by the CPU and served from the cache; the proxy
# buffers slow clients, so no worker waits on a visitor's connection.
worker_class = "sync"
# Load Django once in the master and fork: workers start in milliseconds and share memory.
# Nothing opens a database or Redis connection at import time, so none is shared by forks.
preload_app = True

# Timeouts and recycling

timeout = setting("GUNICORN_TIMEOUT", 30, int)
graceful_timeout = setting("GUNICORN_GRACEFUL_TIMEOUT", 30, int)
# Behind a proxy that reuses its upstream connections.
keepalive = setting("GUNICORN_KEEPALIVE", 5, int)
# Recycle workers now and then so slow memory growth cannot accumulate; the jitter keeps
# them from all restarting at the same moment.
max_requests = setting("GUNICORN_MAX_REQUESTS", 2000, int)
max_requests_jitter = max_requests // 10

# The proxy

# Only these addresses may tell gunicorn that the request came over HTTPS; Django's
# SECURE_PROXY_SSL_HEADER then trusts X-Forwarded-Proto (production.py).
forwarded_allow_ips = setting("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# Large uploads go through the proxy's limits first; these only guard the header parser.
limit_request_line = 8190
limit_request_fields = 100

# Logs (stdout and stderr, for the service manager or the container runtime)

LOG_FORMAT = setting("LOG_FORMAT", "json")
accesslog = "-"
errorlog = "-"
loglevel = setting("LOG_LEVEL", "INFO").lower()
# Without the proxy's real client address in `h` the access log would show 127.0.0.1 only.
access_log_format = (
    '%({x-forwarded-for}i)s %(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" %(M)sms'
)


class JsonLogger(Logger):
    """gunicorn's logger, writing JSON lines: access log entries and its own messages.

    Each access entry carries the request id the proxy sets (`X-Request-ID`, e.g. nginx's
    `$request_id`), so the proxy's log and the portal's can be joined, and the page cache's
    verdict (`X-Cache`), so hit rates can be read from the log.
    """

    def setup(self, cfg):
        super().setup(cfg)
        formatter = JsonLineFormatter()
        for handler in self.error_log.handlers:
            handler.setFormatter(formatter)

    def access(self, resp, req, environ, request_time):
        if not self.access_log_enabled:
            return
        headers = {name.lower(): value for name, value in req.headers}
        response_headers = {name.lower(): value for name, value in (resp.headers or ())}
        entry = {
            "time": dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds"),
            "level": "INFO",
            "logger": "gunicorn.access",
            "remote_addr": environ.get("REMOTE_ADDR"),
            "forwarded_for": headers.get("x-forwarded-for"),
            "request_id": headers.get("x-request-id"),
            "method": req.method,
            "path": req.path,
            "query": req.query or None,
            "protocol": environ.get("SERVER_PROTOCOL"),
            "status": int(str(resp.status).split(None, 1)[0]),
            "bytes": getattr(resp, "sent", None),
            "duration_ms": round(request_time.total_seconds() * 1000, 2),
            "referer": headers.get("referer"),
            "user_agent": headers.get("user-agent"),
            "cache": response_headers.get("x-cache"),
            "pid": os.getpid(),
        }
        try:
            self.access_log.info(json.dumps(entry, ensure_ascii=False))
        except Exception:
            self.exception("Could not write the access log entry")


class JsonLineFormatter(logging.Formatter):
    """gunicorn's own messages (start, worker exits, timeouts) as JSON lines."""

    def format(self, record):
        entry = {
            "time": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "pid": record.process,
        }
        if record.exc_info:
            entry["exc_info"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


if LOG_FORMAT == "json":
    logger_class = JsonLogger
