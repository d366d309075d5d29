"""The security headers and cookies under production settings, in a fresh process.

`tests/test_settings.py` runs `check --deploy`; this checks what a visitor's browser gets.
"""

import json
import tempfile

from tests.test_settings import SECRET, production_env, run_python

REQUEST_HEADERS = """
import json
import django
django.setup()
from django.test import Client
from django.test.utils import setup_test_environment
from django.conf import settings
from django.test import override_settings
setup_test_environment()
client = Client(HTTP_X_FORWARDED_PROTO="https", HTTP_HOST="example.org")
# Hashed static files need collectstatic; the headers do not depend on them.
storages = {**settings.STORAGES, "staticfiles": {
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
with override_settings(STORAGES=storages):
    response = client.get("/admin/login/")
print(json.dumps({
    "status": response.status_code,
    "headers": dict(response.headers),
    "cookies": {
        name: {"secure": bool(m["secure"]), "httponly": bool(m["httponly"])}
        for name, m in response.cookies.items()
    },
    "axes": settings.AXES_ENABLED,
    "svg": "svg" in settings.WAGTAILIMAGES_EXTENSIONS,
}))
"""


def test_production_headers_and_cookies():
    with tempfile.NamedTemporaryFile(suffix=".sqlite3") as database:
        env = production_env(
            SECRET_KEY=SECRET,
            ALLOWED_HOSTS="example.org",
            DATABASE_URL=f"sqlite:///{database.name}",
        )
        migrate = run_python(
            "import django; django.setup(); from django.core.management import call_command;"
            "call_command('migrate', verbosity=0)",
            env,
        )
        assert migrate.returncode == 0, migrate.stderr
        result = run_python(REQUEST_HEADERS, env)
    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout.strip().splitlines()[-1])

    headers = {name.lower(): value for name, value in loaded["headers"].items()}
    assert loaded["status"] == 200
    assert headers["strict-transport-security"].startswith("max-age=31536000")
    assert "frame-ancestors 'self'" in headers["content-security-policy"]
    assert headers["x-frame-options"] == "DENY"
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "strict-origin-when-cross-origin"
    assert "geolocation=()" in headers["permissions-policy"]
    # The login form sets the CSRF cookie: secure, and the session cookie would be too.
    assert loaded["cookies"]["csrftoken"]["secure"] is True
    assert loaded["axes"] is True
    assert loaded["svg"] is False
