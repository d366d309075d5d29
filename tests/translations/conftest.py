"""Fixtures of the translators' tools: a German section of 21 pages translated into English
with wagtail-localize, and helpers to translate its strings and change its source."""

from django.test import override_settings

from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator

import pytest

from home.factories import StandardPageFactory

MARKER_BACKEND = {"CLASS": "translations.machine.MarkerTranslator", "OPTIONS": {}}
SECTION_SIZE = 21  # the section page and 20 pages below it


def fresh(page):
    """The object as it is in the database (wagtail-localize extracts from the database)."""
    if isinstance(page, Page):
        return Page.objects.get(pk=page.pk).specific
    return type(page).objects.get(pk=page.pk)


def build_pages(parent, title, children):
    section = StandardPageFactory(
        parent=parent,
        title=title,
        intro=f"Einleitung {title}.",
        body__0__paragraph__value=f"<p>Absatz {title}.</p>",
    )
    pages = [section]
    for number in range(children):
        pages.append(
            StandardPageFactory(
                parent=section,
                title=f"{title} {number}",
                intro=f"Vorspann {title} {number}.",
                body__0__paragraph__value=f"<p>Erster Absatz {title} {number}.</p>",
            )
        )
    return pages


@pytest.fixture
def create_translations(en_locale, django_capture_on_commit_callbacks):
    """Translate pages (parents first) the way the "Translate" button does; live at once."""

    def _create(pages, locale=None):
        creator = TranslationCreator(user=None, target_locales=[locale or en_locale])
        for page in pages:
            # Publish each page before translating the next: a publish deferred to the end
            # would write the parent's stale child count from its revision.
            with django_capture_on_commit_callbacks(execute=True):
                creator.create_translations(fresh(page))

    return _create


@pytest.fixture
def section_pages(en_home_page, home_page, create_translations):
    """A German section of 21 live pages, all translated into English (strings untranslated)."""
    pages = build_pages(home_page, "Themen", SECTION_SIZE - 1)
    create_translations(pages)
    return pages


@pytest.fixture
def translation_of():
    def _translation_of(page, locale):
        source = TranslationSource.objects.get_for_instance(fresh(page))
        return Translation.objects.get(source=source, target_locale=locale)

    return _translation_of


@pytest.fixture
def translate_strings(translation_of):
    """Give every string of a page's translation a manual English text "EN: <German>"."""

    def _translate(page, locale, prefix="EN: "):
        translation = translation_of(page, locale)
        po = translation.export_po()
        for entry in po:
            entry.msgstr = prefix + entry.msgid
        assert translation.import_po(po) == []
        return translation

    return _translate


@pytest.fixture
def edit_source(django_capture_on_commit_callbacks):
    """Change a German page's first paragraph (or intro) and publish it."""

    def _edit(page, **fields):
        page = fresh(page)
        for name, value in fields.items():
            setattr(page, name, value)
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()
        return fresh(page)

    return _edit


@pytest.fixture
def marker_backend():
    with override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=MARKER_BACKEND):
        yield
