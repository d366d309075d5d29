""".env.example names every variable the settings and the gunicorn configuration read."""

import re

from .helpers import BASE_DIR

READERS = [
    *sorted((BASE_DIR / "cms" / "settings").glob("*.py")),
    BASE_DIR / "deploy" / "gunicorn.conf.py",
]
# env("NAME", …), env.int("NAME", …), setting("NAME", …) in the gunicorn configuration.
READ = re.compile(r"""\b(?:env(?:\.\w+)?|setting)\(\s*["']([A-Z][A-Z0-9_]+)["']""")


def test_every_variable_is_documented():
    example = (BASE_DIR / ".env.example").read_text()
    documented = set(re.findall(r"^#?\s*([A-Z][A-Z0-9_]+)=", example, flags=re.MULTILINE))
    read = {name for path in READERS for name in READ.findall(path.read_text())}

    assert len(read) > 40
    assert read - documented == set()
