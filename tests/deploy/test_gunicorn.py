"""deploy/gunicorn.conf.py: worker count, and a real gunicorn with the production settings
answering /health/ on loopback with JSON access-log lines.
"""

import json
import runpy
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from .helpers import BASE_DIR, production_env

CONFIG = BASE_DIR / "deploy" / "gunicorn.conf.py"
GUNICORN = Path(sys.executable).with_name("gunicorn")


@pytest.fixture
def config(monkeypatch):
    for name in ("WEB_CONCURRENCY", "GUNICORN_MAX_WORKERS", "LOG_FORMAT", "GUNICORN_BIND"):
        monkeypatch.setenv(name, "")
    monkeypatch.setenv("DJANGO_SETTINGS_MODULE", "cms.settings.test")
    return runpy.run_path(str(CONFIG))


@pytest.mark.parametrize(("cores", "workers"), [(1, 3), (2, 5), (3, 7), (16, 8)])
def test_default_workers_two_per_core_plus_one_capped(config, cores, workers):
    assert config["default_workers"](cores=cores) == workers


def test_settings(config):
    assert config["preload_app"] is True
    assert config["worker_class"] == "sync"
    assert config["timeout"] == 30
    assert config["bind"] == ["127.0.0.1:8000"]
    assert config["workers"] >= 1
    assert config["forwarded_allow_ips"] == "127.0.0.1,::1"
    assert config["logger_class"] is config["JsonLogger"]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url, deadline):
    """GET with the production host name, retrying until the server listens or `deadline`."""
    request = urllib.request.Request(
        url, headers={"Host": "example.org", "X-Request-ID": "req-42", "User-Agent": 'a "b" \\c'}
    )
    while True:
        try:
            with urllib.request.urlopen(request, timeout=5) as response:
                return response.status, json.loads(response.read())
        except urllib.error.URLError as error:
            if isinstance(error, urllib.error.HTTPError) or time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def test_gunicorn_serves_health_with_json_access_log(tmp_path):
    if not GUNICORN.exists():
        pytest.fail("gunicorn is not installed in the virtualenv (pyproject dependency)")
    port = free_port()
    env = production_env(
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        GUNICORN_BIND=f"127.0.0.1:{port}",
        WEB_CONCURRENCY="1",
        LOG_FORMAT="json",
    )
    stdout, stderr = tmp_path / "stdout", tmp_path / "stderr"
    with stdout.open("w") as out, stderr.open("w") as err:
        server = subprocess.Popen(
            [str(GUNICORN), "-c", str(CONFIG)], cwd=BASE_DIR, env=env, stdout=out, stderr=err
        )
        try:
            status, body = get(f"http://127.0.0.1:{port}/health/", time.monotonic() + 60)
        finally:
            server.terminate()
            server.wait(timeout=30)

    assert status == 200
    assert body == {"status": "ok", "database": "ok", "cache": "ok"}
    access = [json.loads(line) for line in stdout.read_text().splitlines() if line.strip()]
    entry = next(line for line in access if line["path"] == "/health/")
    assert entry["logger"] == "gunicorn.access"
    assert (entry["status"], entry["method"], entry["cache"]) == (200, "GET", "BYPASS")
    assert entry["request_id"] == "req-42"
    assert entry["user_agent"] == 'a "b" \\c'
    # gunicorn's own messages and the portal's logs are JSON lines too.
    for line in stderr.read_text().splitlines():
        if line.startswith("{"):
            json.loads(line)
    messages = [
        json.loads(line)["message"] for line in stderr.read_text().splitlines() if line[:1] == "{"
    ]
    assert any("Listening at" in message for message in messages)
