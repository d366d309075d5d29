"""Helpers for the deploy tests: fresh Python processes with a controlled environment.

Settings are read once per process, so settings that depend on the environment (media
storage, sessions, log format) are checked in a subprocess, as tests/test_settings.py does.
"""

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parent.parent.parent

# Variables the tests set themselves; a developer's shell or `.env` must not leak in. They
# are passed as empty strings rather than left out where the settings read them with
# defaults, so the checkout's `.env` (read with overwrite=False) cannot fill them in.
CONTROLLED = {
    "DJANGO_SETTINGS_MODULE": None,
    "DATABASE_URL": None,
    "CACHE_URL": None,
    "DEBUG": None,
    "SECRET_KEY": "",
    "ALLOWED_HOSTS": "",
    "MEDIA_ROOT": None,
    "MEDIA_STORAGE": "filesystem",
    "LOG_FORMAT": "plain",
    "AWS_STORAGE_BUCKET_NAME": "",
    "AWS_S3_ENDPOINT_URL": "",
    "AWS_S3_REGION_NAME": "",
    "AWS_S3_CUSTOM_DOMAIN": "",
    "AWS_ACCESS_KEY_ID": "",
    "AWS_SECRET_ACCESS_KEY": "",
    "AWS_LOCATION": "",
    "AWS_QUERYSTRING_AUTH": "",
    "AWS_DEFAULT_ACL": "",
}


def in_ci():
    return os.environ.get("CI", "").strip().lower() not in {"", "0", "false", "no", "off"}


def skip_unless_reachable(host, port, what):
    """Skip when nothing listens at host:port, except in CI, where the service must run."""
    try:
        socket.create_connection((host, port), timeout=0.5).close()
    except OSError:
        if in_ci():
            pytest.fail(f"{what} at {host}:{port} is not reachable; CI must start it.")
        pytest.skip(f"no {what} at {host}:{port}")


def clean_env(**overrides):
    """The current environment without the controlled variables, plus `overrides`."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in CONTROLLED and not key.startswith("PG")
    }
    env.update({key: value for key, value in CONTROLLED.items() if value is not None})
    env.update(overrides)
    return {key: value for key, value in env.items() if value is not None}


def production_env(**overrides):
    return clean_env(
        **{
            "DJANGO_SETTINGS_MODULE": "cms.settings.production",
            "SECRET_KEY": "deploy-test-" + "k" * 50,
            "ALLOWED_HOSTS": "example.org",
            "CACHE_URL": "locmemcache://deploy-test",
            **overrides,
        }
    )


def run(args, env, timeout=300, check=True):
    result = subprocess.run(
        args, cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=timeout
    )
    if check:
        assert result.returncode == 0, f"{args}\n{result.stdout}\n{result.stderr}"
    return result


def run_python(code, env, check=True):
    return run([sys.executable, "-c", code], env, check=check)


def load_json(code, env):
    return json.loads(run_python(code, env).stdout.strip().splitlines()[-1])
