"""The local machine-translation backend for development and tests.

wagtail-localize's own `DummyTranslator` reverses the words of each string, which looks like a
bug to anyone reviewing a page. This backend instead prefixes every string with the target
language in brackets ("[EN] Willkommen"), so a machine draft is recognisable at a glance on the
page and in the translation editor. It is deterministic and never leaves the machine; DeepL is
used instead when `DEEPL_API_KEY` is set (see `cms/settings/base.py` and docs/translations.md).
"""

from django.utils.translation import gettext_lazy as _

from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.strings import StringValue


def language_code(code):
    return code.split("-")[0].lower()


class MarkerTranslator(BaseMachineTranslator):
    """Marks each string as "[XX] …" for the target language XX instead of translating it."""

    display_name = _("Local draft marker (no real translation)")

    def translate(self, source_locale, target_locale, strings):
        marker = f"[{language_code(target_locale.language_code).upper()}] "
        # The string data is HTML with inline tags; the marker is plain text in front of it, so
        # links and formatting stay exactly as in the source.
        return {string: StringValue(marker + string.data) for string in strings}

    def can_translate(self, source_locale, target_locale):
        return language_code(source_locale.language_code) != language_code(
            target_locale.language_code
        )
