"""Fixtures for the clusters app: an overview page under the German home page, sectors and
a helper that translates pages and snippets into English with wagtail-localize, as the
translator's "Translate" action does.
"""

from django.test.utils import override_settings

from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator

import pytest

from clusters.factories import ClusterIndexPageFactory, SectorFactory


@pytest.fixture
def cluster_index(site, home_page):
    return ClusterIndexPageFactory(
        parent=home_page, title="Cluster in Mitteldeutschland", slug="cluster"
    )


@pytest.fixture
def sectors(db):
    return {
        "chemie": SectorFactory(slug="chemie", name="Chemie"),
        "optik": SectorFactory(slug="optik", name="Optik"),
        "it": SectorFactory(slug="it", name="Informationstechnologie"),
    }


@pytest.fixture
def localize(en_locale):
    """`localize(instance, {german: english})`: the English version through wagtail-localize.

    Strings without an entry in the mapping stay German (wagtail-localize then shows the
    source text). The translation is published and returned.
    """

    def _localize(instance, strings=None):
        strings = strings or {}
        if isinstance(instance, Page):
            instance = instance.specific
        with override_settings(WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE=False):
            creator = TranslationCreator(user=None, target_locales=[en_locale])
            source, _created = TranslationSource.get_or_create_from_instance(instance)
            translation, _created = Translation.objects.get_or_create(
                source=source, target_locale=en_locale
            )
            po = translation.export_po()
            for entry in po:
                if entry.msgid in strings:
                    entry.msgstr = strings[entry.msgid]
            translation.import_po(po, tool_name="test")
            creator.create_translations(instance)
        translated = instance.get_translation(en_locale)
        revision = translated.get_latest_revision() if hasattr(translated, "revisions") else None
        if revision is not None:
            revision.publish()
        if isinstance(translated, Page):
            return translated.specific_class.objects.get(pk=translated.pk)
        return type(translated).objects.get(pk=translated.pk)

    return _localize
