"""The German and English UI catalogues are complete and compiled.

CI also runs makemessages and fails when a template or Python string is missing from the
catalogues; this test checks what is in them: every entry translated, nothing fuzzy, and
the committed .mo files matching the .po files.
"""

import subprocess
from pathlib import Path

import polib
import pytest

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
LANGUAGES = ["de", "en"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_entry_is_translated(language):
    catalogue = polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert len(catalogue) > 100
    assert untranslated == []
    assert fuzzy == []


# Proper names that are the same in both languages.
SAME_IN_BOTH = {"FORUM Mitteldeutschland", "%(start)s – %(end)s"}


def test_german_catalogue_is_really_german():
    catalogue = polib.pofile(str(LOCALE_DIR / "de" / "LC_MESSAGES" / "django.po"))
    same = [
        entry.msgid
        for entry in catalogue
        if entry.msgstr == entry.msgid
        and len(entry.msgid) > 12
        and " " in entry.msgid
        and entry.msgid not in SAME_IN_BOTH
    ]
    # Long sentences that read the same in English and German are a sign of a copied msgid.
    assert same == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogue_is_up_to_date(language, tmp_path):
    messages = LOCALE_DIR / language / "LC_MESSAGES"
    compiled = tmp_path / "django.mo"
    subprocess.run(
        ["msgfmt", "--check-format", "-o", str(compiled), str(messages / "django.po")],
        check=True,
    )
    committed = polib.mofile(str(messages / "django.mo"))
    fresh = polib.mofile(str(compiled))
    assert {(e.msgid, e.msgstr) for e in committed} == {(e.msgid, e.msgstr) for e in fresh}
