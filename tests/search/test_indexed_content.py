"""What a page shows from other records is found through the page: a cluster's key figures,
the quotes chosen for a cluster, the home page or a body, and German compounds."""

import datetime as dt
import uuid

from django.core.management import call_command
from django.utils import timezone

import pytest

from clusters.factories import (
    ClusterFigureFactory,
    ClusterIndexPageFactory,
    ClusterPageFactory,
    ClusterPageQuoteFactory,
)
from events.factories import EventIndexPageFactory, EventPageFactory
from home.factories import StandardPageFactory
from quotes.factories import QuoteFactory

from .conftest import on_postgres, result_titles, search_url

pytestmark = pytest.mark.django_db


def titles_for(client, query, language="de"):
    return result_titles(client.get(search_url(language), {"q": query}))


@pytest.fixture
def cluster_index(site, home_page):
    return ClusterIndexPageFactory(parent=home_page, slug="cluster")


def test_a_cluster_is_found_by_a_key_figure(client, cluster_index):
    cluster = ClusterPageFactory(parent=cluster_index, title="Chemie und Kunststoffe")
    ClusterFigureFactory(
        page=cluster, kind="other", label="Partnerunternehmen", unit="Betriebe", source="Atlas"
    )
    ClusterPageFactory(parent=cluster_index, title="Automotive")
    cluster.save_revision().publish()

    assert titles_for(client, "Partnerunternehmen") == ["Chemie und Kunststoffe"]
    assert titles_for(client, "Betriebe") == ["Chemie und Kunststoffe"]


def test_a_cluster_is_found_by_its_related_quote(client, cluster_index):
    cluster = ClusterPageFactory(parent=cluster_index, title="Optik")
    quote = QuoteFactory(text="Lichtgestützte Fertigung wächst", name="Paula Lichtenberg")
    ClusterPageQuoteFactory(page=cluster, quote=quote)
    ClusterPageFactory(parent=cluster_index, title="Automotive")
    cluster.save_revision().publish()

    assert titles_for(client, "Fertigung") == ["Optik"]
    assert titles_for(client, "Lichtenberg") == ["Optik"]


def test_a_draft_quote_is_not_indexed(client, cluster_index):
    cluster = ClusterPageFactory(parent=cluster_index, title="Optik")
    ClusterPageQuoteFactory(page=cluster, quote=QuoteFactory(text="Geheimentwurf", live=False))
    cluster.save_revision().publish()

    assert titles_for(client, "Geheimentwurf") == []


def test_a_standard_page_is_found_by_a_quote_chosen_in_its_body(client, home_page):
    quote = QuoteFactory(text="Fachkräfte finden hier Perspektiven")
    body = [{"type": "quote_snippet", "value": quote.pk, "id": str(uuid.uuid4())}]
    page = StandardPageFactory(parent=home_page, title="Arbeiten in der Region", body=body)
    StandardPageFactory(parent=home_page, title="Impressum")
    page.save_revision().publish()

    assert titles_for(client, "Perspektiven") == ["Arbeiten in der Region"]


def test_the_home_page_is_found_by_its_quotes(client, home_page):
    chosen = QuoteFactory(text="Ein Standort mit Zukunftsenergie")
    home_page.quotes = [
        {"type": "quote_snippet", "value": chosen.pk, "id": str(uuid.uuid4())},
        {
            "type": "quote",
            "value": {"text": "Netzwerke tragen Mittelstand", "name": "Max Muster", "role": ""},
            "id": str(uuid.uuid4()),
        },
    ]
    home_page.save_revision().publish()

    assert titles_for(client, "Zukunftsenergie") == [home_page.title]
    assert titles_for(client, "Mittelstand") == [home_page.title]


def test_equally_relevant_upcoming_events_come_first_across_result_pages(client, site, home_page):
    """Two upcoming events are published before twelve past ones with the same text (so a
    tie broken by age alone would put them last); they still lead page 1."""
    index_page = EventIndexPageFactory(parent=home_page, slug="termine")
    now = timezone.now()

    def event(slug, days):
        return EventPageFactory(
            parent=index_page,
            title="Stammtisch",
            slug=slug,
            summary="Monatlicher Stammtisch.",
            start=now + dt.timedelta(days=days),
            end=now + dt.timedelta(days=days, hours=2),
        )

    upcoming_ids = {event(f"neu-{i}", 30 * (i + 1)).pk for i in range(2)}
    for i in range(12):
        event(f"alt-{i}", -30 * (i + 1))
    # A rebuild gives every index row the same title weighting, as in production after
    # `update_index`; otherwise rows indexed earlier weigh their titles slightly differently.
    call_command("update_index", verbosity=0)

    first = client.get(search_url(), {"q": "Stammtisch"}).context["search_results"]
    second = client.get(search_url(), {"q": "Stammtisch", "page": "2"}).context["search_results"]

    assert len(first) == 10 and len(second) == 4
    assert {page.pk for page in first[:2]} == upcoming_ids
    assert not upcoming_ids & {page.pk for page in second}
    assert [page.search_upcoming for page in first][:3] == [True, True, False]


@on_postgres
def test_a_german_word_finds_its_compounds(client, home_page):
    StandardPageFactory(parent=home_page, title="Netze", intro="Das Wasserstoffnetzwerk wächst.")
    StandardPageFactory(parent=home_page, title="Über Wasserstoff", intro="Wasserstoff erklärt.")
    StandardPageFactory(parent=home_page, title="Wasserwirtschaft", intro="Trinkwasser.")

    # The page with the word itself comes first; the compound is found below it.
    assert titles_for(client, "Wasserstoff") == ["Über Wasserstoff", "Netze"]


@on_postgres
def test_short_words_do_not_match_as_a_word_start(client, home_page):
    StandardPageFactory(parent=home_page, title="Gerade Wege", intro="Gerade Strecken.")
    StandardPageFactory(parent=home_page, title="Gera", intro="Die Stadt Gera.")

    assert titles_for(client, "Gera") == ["Gera"]


@on_postgres
def test_word_starts_never_reach_into_the_other_language(
    client, home_page, en_home_page, translate
):
    page = StandardPageFactory(parent=home_page, title="Chemie", intro="Chemiepark Leuna.")
    translate(page, title="Chemicals", slug="chemicals", intro="Chemical park Leuna.")

    assert titles_for(client, "Chemicals", "en") == ["Chemicals"]
    assert "Chemie" not in titles_for(client, "Chemie", "en")
    assert titles_for(client, "Chemiepark", "de") == ["Chemie"]
