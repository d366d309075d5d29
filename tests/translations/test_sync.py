"""Bulk sync from the report and "Publish and sync": drafts by default, translators' text kept."""

from django.urls import reverse

from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail_localize.models import StringTranslation

import pytest

from translations import state

from .conftest import SECTION_SIZE, fresh

pytestmark = pytest.mark.django_db

REPORT = reverse("translations:report")


def keys(pages, locale):
    return [f"{fresh(page).content_type_id}:{page.pk}:{locale.pk}" for page in pages]


def english(page, locale):
    return fresh(page).get_translation(locale).specific


def test_bulk_sync_of_a_section_saves_drafts(
    admin_logged_in_client, section_pages, en_locale, edit_source
):
    for number, page in enumerate(section_pages):
        edit_source(page, intro=f"Neuer Vorspann {number}.")
    live_before = {page.pk: english(page, en_locale).intro for page in section_pages}

    response = admin_logged_in_client.post(
        REPORT, {"rows": keys(section_pages, en_locale), "action": "sync"}
    )

    assert response.status_code == 302
    rows = [row for row in state.StateIndex().rows() if row.source_pk in live_before]
    assert len(rows) == SECTION_SIZE
    assert {row.state for row in rows} == {state.CURRENT}
    for number, page in enumerate(section_pages):
        target = english(page, en_locale)
        # The public page is unchanged; the draft carries the new (still German) intro.
        assert target.intro == live_before[page.pk]
        assert target.has_unpublished_changes
        assert target.get_latest_revision_as_object().intro == f"Neuer Vorspann {number}."


def test_bulk_sync_publishes_when_asked(
    admin_logged_in_client,
    section_pages,
    en_locale,
    edit_source,
    django_capture_on_commit_callbacks,
):
    page = edit_source(section_pages[1], intro="Neu und öffentlich.")

    with django_capture_on_commit_callbacks(execute=True):
        admin_logged_in_client.post(
            REPORT, {"rows": keys([page], en_locale), "action": "sync", "publish": "on"}
        )

    assert english(page, en_locale).intro == "Neu und öffentlich."


def test_bulk_sync_creates_a_missing_translation_as_draft(
    admin_logged_in_client, section_pages, en_locale, home_page
):
    from home.factories import StandardPageFactory

    new = StandardPageFactory(parent=section_pages[0], title="Ganz neu")

    admin_logged_in_client.post(REPORT, {"rows": keys([new], en_locale), "action": "sync"})

    target = english(new, en_locale)
    assert not target.live
    assert target.get_parent().pk == english(section_pages[0], en_locale).pk


def test_a_translators_text_survives_a_sync(
    admin_logged_in_client,
    section_pages,
    en_locale,
    translate_strings,
    edit_source,
    translation_of,
    django_capture_on_commit_callbacks,
):
    page = section_pages[2]
    translation = translate_strings(page, en_locale)
    total = translation.get_progress()[0]
    old_intro = fresh(page).intro
    edit_source(page, intro="Ein ganz anderer Vorspann.")

    with django_capture_on_commit_callbacks(execute=True):
        admin_logged_in_client.post(
            REPORT, {"rows": keys([page], en_locale), "action": "sync", "publish": "on"}
        )

    total_after, translated_after = translation_of(page, en_locale).get_progress()
    assert (total_after, translated_after) == (total, total - 1)
    target = english(page, en_locale)
    # Unchanged strings keep the translator's text; the changed one falls back to German.
    assert target.title == f"EN: {fresh(page).title}"
    assert target.intro == "Ein ganz anderer Vorspann."
    # The translation of the old wording is kept, offered as an obsolete PO entry.
    assert StringTranslation.objects.filter(
        locale=en_locale, translation_of__data=old_intro, data=f"EN: {old_intro}"
    ).exists()
    obsolete = [entry for entry in translation_of(page, en_locale).export_po() if entry.obsolete]
    assert [entry.msgstr for entry in obsolete] == [f"EN: {old_intro}"]


def test_a_translation_made_without_sync_is_refused(
    admin_logged_in_client, en_home_page, home_page, en_locale
):
    response = admin_logged_in_client.post(
        REPORT, {"rows": keys([home_page], en_locale), "action": "sync"}
    )

    assert response.status_code == 403
    assert fresh(en_home_page).title == "Metropolitan Region Central Germany"


def test_a_malformed_selection_is_rejected(admin_logged_in_client, section_pages):
    response = admin_logged_in_client.post(REPORT, {"rows": ["1:2"], "action": "sync"})

    assert response.status_code == 302
    assert fresh(section_pages[0]).get_translations().count() == 1


def edit_form(page, **changes):
    data = {
        "title": page.title,
        "slug": page.slug,
        "intro": page.intro,
        "body": streamfield([("paragraph", rich_text("<p>Neuer Absatz.</p>"))]),
        "comments": inline_formset([]),
        "action-publish": "publish-and-sync",
    }
    data.update(changes)
    return nested_form_data(data)


def test_publish_and_sync_publishes_the_source_and_syncs_its_translations(
    admin_logged_in_client, section_pages, en_locale, django_capture_on_commit_callbacks
):
    page = fresh(section_pages[3])
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert b'value="publish-and-sync"' in admin_logged_in_client.get(edit_url).content

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_logged_in_client.post(
            edit_url, edit_form(page, intro="Veröffentlicht und synchronisiert.")
        )

    assert response.status_code == 302
    assert fresh(page).intro == "Veröffentlicht und synchronisiert."
    target = english(page, en_locale)
    assert target.get_latest_revision_as_object().intro == "Veröffentlicht und synchronisiert."
    assert state.StateIndex().state  # rows are current again:
    assert {row.state for row in state.StateIndex().rows() if row.source_pk == page.pk} == {
        state.CURRENT
    }


def test_publish_and_sync_is_not_offered_without_translations(admin_logged_in_client, home_page):
    from home.factories import StandardPageFactory

    page = StandardPageFactory(parent=home_page)
    response = admin_logged_in_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))

    assert b"publish-and-sync" not in response.content
    assert Page.objects.filter(translation_key=page.translation_key).count() == 1
