"""Edits of what a page shows from other records reach its search index entry: quotes
(published, unpublished, deleted, translated) and a cluster's key figures."""

import uuid

import pytest

from clusters.factories import (
    ClusterFigureFactory,
    ClusterIndexPageFactory,
    ClusterPageFactory,
    ClusterPageQuoteFactory,
)
from clusters.models import ClusterFigure
from home.factories import StandardPageFactory
from quotes.factories import QuoteFactory
from search.signals import pages_showing_quote

from .conftest import result_titles, search_url

pytestmark = pytest.mark.django_db


def titles_for(client, query, language="de"):
    return result_titles(client.get(search_url(language), {"q": query}))


def quote_block(quote):
    return [{"type": "quote_snippet", "value": quote.pk, "id": str(uuid.uuid4())}]


@pytest.fixture
def quote():
    return QuoteFactory(text="Pipelinebau verbindet Standorte", name="Greta Pipeline")


@pytest.fixture
def showing_pages(site, home_page, quote):
    """A cluster page (related quote), a standard page (quote block in the body) and the
    home page (quotes section), all showing ``quote``, published."""
    cluster_index = ClusterIndexPageFactory(parent=home_page, slug="cluster")
    cluster = ClusterPageFactory(parent=cluster_index, title="Energie und Klimaschutz")
    ClusterPageQuoteFactory(page=cluster, quote=quote)
    standard = StandardPageFactory(
        parent=home_page, title="Arbeiten in der Region", body=quote_block(quote)
    )
    home_page.quotes = quote_block(quote)
    pages = {"cluster": cluster, "standard": standard, "home": home_page}
    for page in pages.values():
        page.save_revision().publish()
    StandardPageFactory(parent=home_page, title="Impressum")
    return pages


def titles_of(pages):
    return sorted(page.title for page in pages.values())


def test_the_reference_index_names_every_page_showing_the_quote(showing_pages, quote):
    assert sorted(page.pk for page in pages_showing_quote(quote)) == sorted(
        page.pk for page in showing_pages.values()
    )


def test_publishing_an_edited_quote_reindexes_the_pages_showing_it(client, showing_pages, quote):
    assert sorted(titles_for(client, "Pipelinebau")) == titles_of(showing_pages)

    quote.text = "Brennstoffzellen überzeugen Investoren"
    quote.save_revision().publish()

    assert sorted(titles_for(client, "Brennstoffzellen")) == titles_of(showing_pages)
    assert titles_for(client, "Pipelinebau") == []
    # The name did not change and is still found.
    assert sorted(titles_for(client, "Pipeline")) == titles_of(showing_pages)


def test_a_saved_draft_of_a_quote_changes_nothing(client, showing_pages, quote):
    quote.text = "Entwurfsgedanke"
    quote.save_revision()

    assert titles_for(client, "Entwurfsgedanke") == []
    assert sorted(titles_for(client, "Pipelinebau")) == titles_of(showing_pages)


def test_unpublishing_a_quote_removes_its_text_from_the_pages(client, showing_pages, quote):
    quote.unpublish()

    assert titles_for(client, "Pipelinebau") == []
    assert titles_for(client, "Energie") == ["Energie und Klimaschutz"]


def test_deleting_a_quote_removes_its_text_from_the_pages(client, showing_pages, quote):
    quote.delete()

    assert titles_for(client, "Pipelinebau") == []
    assert titles_for(client, "Arbeiten") == ["Arbeiten in der Region"]


def test_a_published_quote_translation_is_indexed_with_the_translated_page(
    client, showing_pages, quote, en_home_page, translate, en_locale
):
    """The English pages choose the German quote (links are copied on translation); they
    show the English translation once that is live, and are found by its words."""
    translate(showing_pages["cluster"].get_parent(), slug="clusters")
    english = translate(showing_pages["cluster"], title="Energy and climate", slug="energy")
    assert titles_for(client, "Interconnectors", "en") == []

    translated = quote.copy_for_translation(en_locale)
    translated.text = "Interconnectors join our sites"
    translated.live = False  # saved as a draft first, as the translation editor does
    translated.save()
    assert titles_for(client, "Interconnectors", "en") == []
    translated.save_revision().publish()

    # The English home page was translated from the German one with its quotes section.
    assert sorted(titles_for(client, "Interconnectors", "en")) == sorted(
        [english.title, en_home_page.title]
    )
    # The German pages keep the German text.
    assert titles_for(client, "Interconnectors", "de") == []
    assert sorted(titles_for(client, "Pipelinebau")) == titles_of(showing_pages)


def test_an_edited_key_figure_is_found_after_publishing(client, site, home_page):
    """Key figures are child rows written after the page row; the page is indexed again
    once they are saved."""
    cluster_index = ClusterIndexPageFactory(parent=home_page, slug="cluster")
    cluster = ClusterPageFactory(parent=cluster_index, title="Chemie und Kunststoffe")
    ClusterFigureFactory(page=cluster, kind="other", label="Partnerunternehmen")
    cluster.save_revision().publish()
    assert titles_for(client, "Partnerunternehmen") == ["Chemie und Kunststoffe"]

    cluster.refresh_from_db()
    cluster.figures = [
        ClusterFigure(kind="other", label="Forschungsinstitute", value=12, source="Atlas")
    ]
    cluster.save_revision().publish()

    assert titles_for(client, "Forschungsinstitute") == ["Chemie und Kunststoffe"]
    assert titles_for(client, "Partnerunternehmen") == []
