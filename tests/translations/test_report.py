"""The translation report: states, filters, progress and a query count independent of rows."""

from django.urls import reverse

from wagtail_localize.models import Translation, TranslationSource

import pytest

from clusters.factories import SectorFactory
from home.factories import StandardPageFactory
from quotes.factories import QuoteFactory
from translations import state

from .conftest import SECTION_SIZE, build_pages, fresh

pytestmark = pytest.mark.django_db

REPORT = reverse("translations:report")


def rows_for(instance, locale):
    return [
        row
        for row in state.StateIndex().rows()
        if row.translation_key == instance.translation_key and row.locale == locale
    ]


def state_of(instance, locale):
    (row,) = rows_for(instance, locale)
    return row.state


def test_a_page_without_translation_is_never_translated(home_page, en_locale):
    page = StandardPageFactory(parent=home_page)

    assert state_of(page, en_locale) == state.MISSING


def test_a_fresh_translation_is_up_to_date(section_pages, en_locale):
    assert {state_of(page, en_locale) for page in section_pages} == {state.CURRENT}


def test_publishing_the_source_marks_it_changed(section_pages, en_locale, edit_source):
    edit_source(section_pages[3], intro="Neuer Vorspann.")

    assert state_of(section_pages[3], en_locale) == state.CHANGED
    assert state_of(section_pages[4], en_locale) == state.CURRENT


def test_a_saved_draft_of_a_live_source_is_not_a_change(section_pages, en_locale):
    page = fresh(section_pages[3])
    page.intro = "Nur ein Entwurf."
    page.save_revision()

    # A sync extracts the live content, which has not changed.
    assert state_of(page, en_locale) == state.CURRENT


def test_a_copied_translation_is_translated_without_sync(en_home_page, home_page, en_locale):
    assert state_of(home_page, en_locale) == state.UNMANAGED


def test_a_stopped_translation_is_translated_without_sync(section_pages, en_locale):
    source = TranslationSource.objects.get_for_instance(fresh(section_pages[0]))
    Translation.objects.filter(source=source).update(enabled=False)

    assert state_of(section_pages[0], en_locale) == state.UNMANAGED


def test_snippet_states(en_locale, create_translations, django_capture_on_commit_callbacks):
    quote = QuoteFactory()
    untranslated = QuoteFactory()
    sector = SectorFactory(name="Chemie")
    create_translations([quote, sector])

    assert state_of(untranslated, en_locale) == state.MISSING
    assert state_of(quote, en_locale) == state.CURRENT
    assert state_of(sector, en_locale) == state.CURRENT

    quote.text = "Ein neuer Satz."
    with django_capture_on_commit_callbacks(execute=True):
        quote.save_revision().publish()
    sector.name = "Chemie und Kunststoffe"
    sector.save()

    assert state_of(quote, en_locale) == state.CHANGED
    assert state_of(sector, en_locale) == state.CHANGED


def test_every_target_language_has_its_own_row(section_pages, en_locale, settings):
    settings.LANGUAGES = [*settings.LANGUAGES, ("pl", "Polski")]
    settings.WAGTAIL_CONTENT_LANGUAGES = settings.LANGUAGES
    from wagtail.models import Locale

    polish = Locale.objects.create(language_code="pl")

    assert state_of(section_pages[1], en_locale) == state.CURRENT
    assert state_of(section_pages[1], polish) == state.MISSING


def test_progress_counts_translated_strings(section_pages, en_locale, translate_strings):
    translate_strings(section_pages[2], en_locale)
    rows = state.add_progress(
        rows_for(section_pages[2], en_locale) + rows_for(section_pages[5], en_locale)
    )

    translated, total = rows[0].progress
    assert total >= 3 and translated == total
    assert rows[1].progress == (0, total)


def test_report_lists_rows_with_state(admin_logged_in_client, section_pages, en_locale):
    response = admin_logged_in_client.get(REPORT)

    assert response.status_code == 200
    keys = {row.key for row in response.context["rows"]}
    assert all(f"{page.pk}:{en_locale.pk}" in " ".join(keys) for page in section_pages[:10])
    assert b'data-state="current"' in response.content


def test_filters_combine(admin_logged_in_client, section_pages, en_locale, edit_source):
    other = build_pages(section_pages[0].get_parent(), "Anderes", 2)
    edit_source(section_pages[4], intro="Geändert.")
    section = section_pages[0]

    response = admin_logged_in_client.get(REPORT, {"locale": "en", "section": section.pk})
    rows = response.context["row_count"]
    assert rows == SECTION_SIZE
    assert not {page.pk for page in other} & {row.source_pk for row in response.context["rows"]}

    response = admin_logged_in_client.get(
        REPORT, {"locale": "en", "section": section.pk, "state": state.CHANGED}
    )
    assert [row.source_pk for row in response.context["rows"]] == [section_pages[4].pk]

    response = admin_logged_in_client.get(REPORT, {"state": state.MISSING})
    assert {row.source_pk for row in response.context["rows"]} >= {page.pk for page in other}

    quote = QuoteFactory()
    quote_type = state.ContentType.objects.get_for_model(quote)
    response = admin_logged_in_client.get(REPORT, {"type": quote_type.pk})
    assert [row.source_pk for row in response.context["rows"]] == [quote.pk]


def test_an_unknown_filter_value_is_ignored(admin_logged_in_client, section_pages):
    response = admin_logged_in_client.get(REPORT, {"state": "kaputt", "section": "x"})

    assert response.status_code == 200
    assert response.context["row_count"] >= SECTION_SIZE


def test_query_count_does_not_grow_with_rows(
    admin_logged_in_client,
    home_page,
    en_home_page,
    create_translations,
    django_assert_max_num_queries,
    translate_strings,
    en_locale,
):
    small = build_pages(home_page, "Klein", 2)
    create_translations(small)
    translate_strings(small[1], en_locale)
    admin_logged_in_client.get(REPORT)  # warm the content type cache
    with django_assert_max_num_queries(40) as small_queries:
        admin_logged_in_client.get(REPORT)

    large = build_pages(home_page, "Gross", 60)
    create_translations(large)
    for page in large[:10]:
        translate_strings(page, en_locale)
    QuoteFactory.create_batch(10)
    with django_assert_max_num_queries(len(small_queries.captured_queries)):
        response = admin_logged_in_client.get(REPORT)
    assert len(response.context["rows"]) == 50  # a full page of the report
