"""Machine translation into drafts with the local marker backend (no network)."""

from django.urls import reverse

from wagtail.models import Locale
from wagtail_localize.models import StringTranslation

import pytest

from translations.machine import MarkerTranslator

from .conftest import fresh

pytestmark = pytest.mark.django_db


def english(page, locale):
    return fresh(page).get_translation(locale).specific


def test_the_marker_backend_marks_text_and_keeps_markup(en_locale):
    from wagtail_localize.strings import StringValue

    german = StringValue('Mehr unter <a id="a1">Kontakt</a>.')
    result = MarkerTranslator({}).translate(Locale.get_default(), en_locale, [german])

    assert result[german].data == '[EN] Mehr unter <a id="a1">Kontakt</a>.'
    assert not MarkerTranslator({}).can_translate(en_locale, en_locale)


def test_machine_translating_a_section_fills_drafts(
    admin_logged_in_client,
    section_pages,
    en_locale,
    translate_strings,
    translation_of,
    marker_backend,
):
    translate_strings(section_pages[1], en_locale, prefix="Von Hand: ")
    live_before = {page.pk: english(page, en_locale).title for page in section_pages}

    response = admin_logged_in_client.post(
        reverse("translations:machine", args=[section_pages[0].pk, "en"]), {"scope": "section"}
    )

    assert response.status_code == 302
    for page in section_pages:
        total, translated = translation_of(page, en_locale).get_progress()
        assert total == translated
        target = english(page, en_locale)
        assert target.title == live_before[page.pk]  # nothing published
        draft = target.get_latest_revision_as_object()
        expected = "Von Hand: " if page == section_pages[1] else "[EN] "
        assert draft.title == expected + fresh(page).title
    machine = StringTranslation.objects.filter(locale=en_locale, translation_type="machine")
    assert machine.count() > 0
    assert not machine.filter(data__startswith="Von Hand").exists()
    assert StringTranslation.objects.filter(
        data__startswith="Von Hand", translation_type="manual"
    ).exists()


def test_machine_translating_from_the_report_creates_missing_translations(
    admin_logged_in_client, section_pages, en_locale, marker_backend
):
    from home.factories import StandardPageFactory

    new = StandardPageFactory(parent=section_pages[0], title="Neu")
    key = f"{new.content_type_id}:{new.pk}:{en_locale.pk}"

    admin_logged_in_client.post(
        reverse("translations:report"), {"rows": [key], "action": "machine"}
    )

    target = english(new, en_locale)
    assert not target.live
    assert target.get_latest_revision_as_object().title == "[EN] Neu"


def test_wagtail_localize_editor_button_uses_the_backend(
    admin_logged_in_client, section_pages, en_locale, translation_of, marker_backend
):
    translation = translation_of(section_pages[2], en_locale)

    response = admin_logged_in_client.post(
        reverse("wagtail_localize:machine_translate", args=[translation.pk])
    )

    assert response.status_code == 302
    total, translated = translation.get_progress()
    assert total == translated
    assert (
        StringTranslation.objects.get(
            locale=en_locale, context__path="title", context__object_id=translation.source.object_id
        ).data
        == f"[EN] {fresh(section_pages[2]).title}"
    )


def test_without_backend_nothing_is_translated(
    admin_logged_in_client, section_pages, en_locale, settings
):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None

    admin_logged_in_client.post(reverse("translations:machine", args=[section_pages[0].pk, "en"]))

    assert not StringTranslation.objects.exists()
