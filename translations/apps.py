from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    """Translators' tools: sync report, bulk sync, PO round trip and machine-translation drafts."""

    name = "translations"
    label = "translations"
    verbose_name = _("Translation tools")
