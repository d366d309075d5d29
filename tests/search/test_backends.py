"""One search backend per language: each indexes only its locale's pages, with its own
stemming on PostgreSQL, so German and English never overwrite each other's index rows.
"""

from django.db import connection

from wagtail.models import Page
from wagtail.search.backends import get_search_backend

import pytest
from modelsearch.backends.base import BaseIndex, BaseSearchBackend

from home.factories import StandardPageFactory
from search.backends import SearchBackend as wrapping_backend
from search.backends import backend_name_for_language, claimed_locales

from .conftest import on_postgres, result_titles, search_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def bilingual(en_home_page, home_page, translate):
    german = StandardPageFactory(
        parent=home_page,
        title="Cluster der Chemie",
        slug="chemie",
        intro="Die Unternehmen arbeiten in Clustern zusammen.",
    )
    english = translate(
        german,
        title="Chemistry clusters",
        slug="chemistry",
        intro="Companies are working together in networks.",
    )
    return german, english


def index_vectors(page):
    """The stored title and body vectors of ``page`` as text (PostgreSQL)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT title::text, body::text FROM wagtailsearch_indexentry WHERE object_id = %s "
            "AND content_type_id = %s",
            [str(page.pk), page.content_type_id],
        )
        return cursor.fetchall()


def test_backends_are_chosen_by_language(settings):
    assert backend_name_for_language("de") == "default"
    assert backend_name_for_language("en") == "en"
    assert backend_name_for_language("fr") == "default"  # unclaimed languages fall back
    assert claimed_locales() == {"de", "en"}
    assert settings.WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] == "german"
    assert settings.WAGTAILSEARCH_BACKENDS["en"]["SEARCH_CONFIG"] == "english"


def test_each_backend_indexes_only_its_own_locale(bilingual, superuser):
    german, english = bilingual
    german_backend, english_backend = get_search_backend("default"), get_search_backend("en")

    assert german_backend.objects_to_index([german, english]) == [german]
    assert english_backend.objects_to_index([german, english]) == [english]
    # Objects without a locale (users, images, documents) go to the default backend only.
    assert german_backend.objects_to_index([superuser]) == [superuser]
    assert english_backend.objects_to_index([superuser]) == []


def test_german_and_english_index_rows_do_not_overwrite_each_other(bilingual):
    german, english = bilingual
    # Saving again runs every backend's indexing once more: each row must stay its language's.
    german.save_revision().publish()
    english.save_revision().publish()

    de_results = Page.objects.filter(locale=german.locale).search("Clustern", backend="default")
    en_results = Page.objects.filter(locale=english.locale).search("networks", backend="en")
    assert [p.pk for p in de_results] == [german.pk]
    assert [p.pk for p in en_results] == [english.pk]


@on_postgres
def test_index_rows_use_the_language_of_their_page(bilingual):
    german, english = bilingual
    german.save_revision().publish()
    english.save_revision().publish()

    [(_title, german_body)] = index_vectors(german)
    [(english_title, _body)] = index_vectors(english)
    # German stemming: "Unternehmen" → 'unternehm', "Clustern" → 'clust';
    # English: "clusters" → 'cluster'.
    assert "'unternehm'" in german_body
    assert "'clust'" in german_body
    assert "'cluster'" in english_title
    assert "'chemistri'" in english_title


@on_postgres
@pytest.mark.parametrize("query", ["Clustern", "Clusters", "Cluster", "Unternehmens", "Chemie"])
def test_german_inflected_forms_find_the_german_page(client, bilingual, query):
    assert result_titles(client.get(search_url("de"), {"q": query})) == ["Cluster der Chemie"]


@on_postgres
@pytest.mark.parametrize("query", ["cluster", "networking", "company", "chemistry"])
def test_english_forms_find_the_english_page(client, bilingual, query):
    assert result_titles(client.get(search_url("en"), {"q": query})) == ["Chemistry clusters"]


@on_postgres
def test_a_page_never_shows_up_in_the_other_language(client, bilingual):
    assert result_titles(client.get(search_url("en"), {"q": "Unternehmen"})) == []
    assert result_titles(client.get(search_url("de"), {"q": "networks"})) == []


def test_sqlite_fallback_finds_exact_words(client, bilingual):
    # Every database finds the exact word; only PostgreSQL adds stemming on top.
    assert result_titles(client.get(search_url("de"), {"q": "Clustern"})) == ["Cluster der Chemie"]
    assert result_titles(client.get(search_url("en"), {"q": "networks"})) == ["Chemistry clusters"]


class RecordingIndex(BaseIndex):
    """Stands in for an Elasticsearch index: remembers what it was asked to add, one by one
    (as Elasticsearch's index does) or in bulk."""

    added = []

    def add_item(self, item):
        self.added.append(item.pk)

    def add_items(self, model, items):
        self.added.extend(item.pk for item in items)


class SearchBackend(BaseSearchBackend):  # found by WRAPS="tests.search.test_backends"
    index_class = RecordingIndex


def test_a_wrapped_backend_only_indexes_its_language(bilingual, home_page):
    """``WRAPS`` puts another backend (Elasticsearch, OpenSearch) behind the same language
    filter as the database backend, for single objects and for bulk indexing."""
    german, english = bilingual
    backend = wrapping_backend({"LOCALE": "en", "WRAPS": "tests.search.test_backends"})
    RecordingIndex.added = []

    backend.add(german)
    backend.add(english)
    backend.add_bulk(Page, [german, english])

    assert isinstance(backend, SearchBackend)
    assert RecordingIndex.added == [english.pk, english.pk]
