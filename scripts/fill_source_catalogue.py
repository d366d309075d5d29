"""Fill the English catalogue: the source strings are English, so msgstr = msgid.

`make messages` runs this after makemessages, so the English catalogue stays complete and
translators only work on German (and later locales). Strings whose English wording should
differ from the source (none yet) can be edited in the .po file; they are kept.
"""

import sys
from pathlib import Path

import polib

BASE_DIR = Path(__file__).resolve().parent.parent


def fill(path):
    catalogue = polib.pofile(str(path))
    filled = 0
    for entry in catalogue:
        if entry.obsolete:
            continue
        if "fuzzy" in entry.flags or entry.previous_msgid:
            # msgmerge's guess from a similar string is never right for the source language.
            entry.msgstr = ""
            entry.msgstr_plural = dict.fromkeys(entry.msgstr_plural, "")
            entry.previous_msgid = entry.previous_msgid_plural = entry.previous_msgctxt = None
        if entry.msgid_plural:
            if not all(entry.msgstr_plural.values()):
                entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
                filled += 1
        elif not entry.msgstr:
            entry.msgstr = entry.msgid
            filled += 1
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
    catalogue.save()
    return filled


if __name__ == "__main__":
    for language in sys.argv[1:] or ["en"]:
        po = BASE_DIR / "locale" / language / "LC_MESSAGES" / "django.po"
        print(f"{po.relative_to(BASE_DIR)}: {fill(po)} entries filled from the source")
