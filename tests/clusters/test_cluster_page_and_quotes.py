"""Cluster pages and quotes on the public site: facts, structured data and Open Graph; drafts
never shown, publishing shows them; the English version a translator makes under /en/; the
home page's chosen quotes; a fixed number of queries however many quotes and figures."""

import json

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
from bs4 import BeautifulSoup

from clusters.factories import (
    ClusterFigureFactory,
    ClusterLocationFactory,
    ClusterNetworkFactory,
    ClusterPageFactory,
    ClusterPageQuoteFactory,
)
from clusters.models import ClusterPage
from portal.factories import ImageFactory
from portal.models import ContactPerson, FederalState
from quotes.factories import QuoteFactory
from quotes.models import Quote

pytestmark = pytest.mark.django_db


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def json_ld(soup, selector="main"):
    return [
        json.loads(s.string) for s in soup.select(f"{selector} script[type='application/ld+json']")
    ]


@pytest.fixture
def cluster(cluster_index, sectors):
    page = ClusterPageFactory(
        parent=cluster_index,
        title="Chemie/Kunststoffe",
        slug="chemie-kunststoffe",
        sector=sectors["chemie"],
        federal_states=["ST", "SN"],
        summary="Chemieparks mit Tradition.",
        hero_image=ImageFactory(),
        hero_alt_text="Chemiepark Leuna",
    )
    ClusterLocationFactory(
        page=page, name="Leuna", federal_state=FederalState.objects.get(code="ST")
    )
    ClusterFigureFactory(page=page, kind="employees", value=71000, is_approximate=True, year=2007)
    ClusterNetworkFactory(
        page=page, name="CeChemNet", role="Netzwerk", website="https://example.org/"
    )
    return page


def test_cluster_page_shows_facts_structured_data_and_open_graph(client, cluster):
    contact = ContactPerson.objects.create(name="Jana Beispiel", role="Clustermanagerin", live=True)
    cluster.contact_person = contact
    cluster.save()

    soup = soup_of(client.get("/de/cluster/chemie-kunststoffe/"))

    assert soup.h1.get_text(strip=True) == "Chemie/Kunststoffe"
    facts = soup.select_one(".cluster-facts").get_text(" ", strip=True)
    assert "Leuna" in facts and "Chemie" in facts
    assert soup.select_one(".cluster-figures__value").get_text(" ", strip=True).endswith("71.000")
    assert (
        soup.select_one(".cluster-contact")
        .get_text(" ", strip=True)
        .startswith(
            soup.select_one("#cluster-contact-heading").get_text(strip=True) + " Jana Beispiel"
        )
    )
    (organisations,) = json_ld(soup, ".cluster-section")
    assert organisations == [
        {
            "@context": "https://schema.org",
            "@type": "Organization",
            "name": "CeChemNet",
            "description": "Netzwerk",
            "url": "https://example.org/",
        }
    ]
    og = {m["property"]: m["content"] for m in soup.select("meta[property^='og:']")}
    assert og["og:title"] == "Chemie/Kunststoffe"
    assert og["og:description"] == "Chemieparks mit Tradition."
    assert og["og:url"] == "http://testserver/de/cluster/chemie-kunststoffe/"
    assert og["og:image"].startswith("http://testserver/media/")
    assert "fill-1200x630" in og["og:image"]
    assert og["og:image:alt"] == "Chemiepark Leuna"
    assert og["og:locale"] == "de_DE"
    # The state and sector link to the overview, filtered.
    assert soup.select_one(".cluster-facts a[href='/de/cluster/?state=ST']") is not None
    assert soup.select_one(".cluster-facts a[href='/de/cluster/?sector=chemie']") is not None


def test_draft_contact_person_is_not_shown(client, cluster):
    cluster.contact_person = ContactPerson.objects.create(name="Geheim", live=False)
    cluster.save()
    soup = soup_of(client.get(cluster.url))
    assert soup.select_one(".cluster-contact") is None


def test_draft_quote_is_never_public_and_publishing_shows_it(client, site, home_page, cluster):
    quote = QuoteFactory(text="Noch nicht freigegeben.", name="Erika Musterfrau", live=False)
    quote.save_revision()
    ClusterPageQuoteFactory(page=cluster, quote=quote)
    home_page.quotes = [("quote_snippet", quote)]
    home_page.save()
    cluster.body = [("quote_snippet", quote)]
    cluster.save()

    for url in ("/de/", cluster.url):
        html = client.get(url).content.decode()
        assert "Noch nicht freigegeben." not in html
        assert "Erika Musterfrau" not in html
    assert soup_of(client.get("/de/")).select_one("section.home-quotes") is None

    quote.get_latest_revision().publish()

    home = soup_of(client.get("/de/"))
    assert home.select_one("section.home-quotes blockquote").get_text(strip=True) == (
        "Noch nicht freigegeben."
    )
    (data,) = json_ld(home, "section.home-quotes")
    assert data["@type"] == "Quotation" and data["creator"]["name"] == "Dr. Erika Musterfrau"
    page = soup_of(client.get(cluster.url))
    assert len(page.select("figure.quote")) == 2  # in the body and under "Quotes"
    assert page.select_one(".cluster-quotes .quote__name").get_text(strip=True) == (
        "Dr. Erika Musterfrau"
    )


def test_a_new_draft_of_a_live_quote_keeps_the_published_text(client, site, home_page):
    quote = QuoteFactory(text="Veröffentlichte Fassung.")
    home_page.quotes = [("quote_snippet", quote)]
    home_page.save()
    quote.text = "Entwurf einer neuen Fassung."
    quote.save_revision()

    html = client.get("/de/").content.decode()
    assert "Veröffentlichte Fassung." in html
    assert "Entwurf einer neuen Fassung." not in html


def test_home_page_quotes_mix_snippets_and_written_quotes_in_editor_order(client, site, home_page):
    first, second = QuoteFactory(name="A Erste"), QuoteFactory(name="C Dritte")
    home_page.quotes = [
        ("quote_snippet", first),
        ("quote", {"text": "Geschrieben.", "name": "B Zweiter", "role": ""}),
        ("quote_snippet", second),
    ]
    home_page.save()

    soup = soup_of(client.get("/de/"))

    section = soup.select_one("section.home-quotes")
    names = [n.get_text(strip=True) for n in section.select("ul.quote-list .quote__name")]
    assert names == ["Dr. A Erste", "B Zweiter", "Dr. C Dritte"]
    slider = section.select_one("[data-quote-slider]")
    assert slider["data-pause"] and slider["data-previous"] and slider["data-next"]
    assert section.select_one("script[src$='quotes/quote-slider.js']") is not None


def test_english_home_page_shows_translated_quotes_else_the_german_source(
    client, site, home_page, en_home_page, localize
):
    translated = QuoteFactory(text="Ein starker Standort.", name="A Erste")
    untranslated = QuoteFactory(text="Nur auf Deutsch.", name="B Zweite")
    localize(translated, {"Ein starker Standort.": "A strong location."})
    en_home_page.quotes = [("quote_snippet", translated), ("quote_snippet", untranslated)]
    en_home_page.save_revision().publish()

    soup = soup_of(client.get("/en/"))

    quotes = soup.select("section.home-quotes figure.quote")
    assert [q.blockquote.get_text(strip=True) for q in quotes] == [
        "A strong location.",
        "Nur auf Deutsch.",
    ]
    # The German fallback is marked as German for screen readers.
    assert [q["lang"] for q in quotes] == ["en", "de"]


def test_translator_english_version_shows_under_en(
    client, site, en_home_page, cluster_index, cluster, localize
):
    quote = QuoteFactory(text="Die Chemie stimmt.", role="Vorstand (fiktiv)")
    ClusterPageQuoteFactory(page=cluster, quote=quote)
    localize(
        quote,
        {
            "Die Chemie stimmt.": "The chemistry is right.",
            "Vorstand (fiktiv)": "Board member (fictional)",
        },
    )
    localize(cluster.sector, {"Chemie": "Chemicals"})
    localize(
        cluster_index,
        {"Cluster in Mitteldeutschland": "Clusters in Central Germany", "cluster": "clusters"},
    )
    english = localize(
        ClusterPage.objects.get(pk=cluster.pk),
        {
            "Chemie/Kunststoffe": "Chemicals/plastics",
            "chemie-kunststoffe": "chemicals-plastics",
            "Chemieparks mit Tradition.": "Chemical parks with tradition.",
            "Chemiepark Leuna": "Leuna chemical park",
            "Netzwerk": "Network",
            "Clusteratlas": "Cluster atlas",
        },
    )

    assert english.url == "/en/clusters/chemicals-plastics/"
    soup = soup_of(client.get("/en/clusters/chemicals-plastics/"))
    assert soup.html["lang"] == "en"
    assert soup.h1.get_text(strip=True) == "Chemicals/plastics"
    assert soup.select_one(".lead").get_text(strip=True) == "Chemical parks with tradition."
    # Synchronised facts follow the German source; the sector and quote are the English ones.
    facts = soup.select_one(".cluster-facts").get_text(" ", strip=True)
    assert "Chemicals" in facts and "Leuna" in facts and "Saxony-Anhalt" in facts
    assert soup.select_one(".cluster-figures__value").get_text(" ", strip=True) == "about 71,000"
    assert "Cluster atlas" in soup.select_one(".cluster-figures").get_text()
    assert soup.select_one(".cluster-networks p").get_text(strip=True) == "Network"
    assert soup.select_one(".cluster-quotes blockquote").get_text(strip=True) == (
        "The chemistry is right."
    )
    og = {m["property"]: m["content"] for m in soup.select("meta[property^='og:']")}
    assert og["og:title"] == "Chemicals/plastics" and og["og:locale"] == "en_GB"
    assert og["og:image:alt"] == "Leuna chemical park"
    alternates = {link["hreflang"] for link in soup.select("link[rel=alternate]")}
    assert alternates == {"de", "en"}

    overview = soup_of(client.get("/en/clusters/", {"sector": "chemie", "state": "ST"}))
    assert [a.get_text(strip=True) for a in overview.select(".page-card__title a")] == [
        "Chemicals/plastics"
    ]
    assert overview.select_one("select[name=sector] option[value=chemie]").get_text() == "Chemicals"


def test_cluster_page_query_count_is_fixed(client, cluster_index, sectors):
    """A cluster page with 1 and one with 20 quotes, figures, networks and sites: same count."""

    def measure(count):
        page = ClusterPageFactory(
            parent=cluster_index,
            title=f"Cluster mit {count}",
            sector=sectors["chemie"],
            hero_image=ImageFactory(),
            hero_alt_text="Bild",
        )
        for number in range(count):
            quote = QuoteFactory(
                portrait=ImageFactory(), portrait_alt_text="Porträt", link_page=cluster_index
            )
            ClusterPageQuoteFactory(page=page, quote=quote)
            ClusterFigureFactory(page=page, value=number)
            ClusterNetworkFactory(page=page)
            ClusterLocationFactory(page=page)
        client.get(page.url)  # renditions are made on the first view
        with CaptureQueriesContext(connection) as queries:
            soup = soup_of(client.get(page.url))
        assert len(soup.select(".cluster-quotes figure.quote")) == count
        assert len(soup.select(".cluster-quotes a.quote__link")) == count
        assert len(soup.select(".cluster-figures tbody tr")) == count
        assert len(soup.select(".cluster-network")) == count
        return len(queries)

    assert measure(1) == measure(20)


def test_home_page_query_count_does_not_grow_with_quotes(
    client, site, home_page, django_assert_max_num_queries
):
    def choose(count):
        quotes = [
            QuoteFactory(portrait=ImageFactory(), portrait_alt_text="Porträt") for _ in range(count)
        ]
        home_page.quotes = [("quote_snippet", quote) for quote in quotes]
        home_page.save()
        client.get("/de/")
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/de/")
        assert len(soup_of(response).select("section.home-quotes figure.quote")) == count
        return len(queries)

    assert choose(2) == choose(20)
    assert Quote.objects.count() == 22


def test_home_page_cluster_cards_in_a_fixed_number_of_queries(
    client, site, home_page, cluster_index, sectors
):
    home_page.clusters_page = cluster_index
    home_page.save()

    def measure(count):
        start = cluster_index.get_children().count()
        for number in range(start, start + count):
            ClusterPageFactory(
                parent=cluster_index,
                title=f"Cluster {number}",
                sector=sectors["it"],
                summary=f"Teaser {number}",
                hero_image=ImageFactory(),
                hero_alt_text="Bild",
            )
        client.get("/de/")
        with CaptureQueriesContext(connection) as queries:
            soup = soup_of(client.get("/de/"))
        cards = soup.select("section.home-clusters .page-card")
        assert len(cards) == cluster_index.get_children().count()
        assert cards[-1].select_one("img.page-card__image") is not None
        assert cards[-1].p.get_text(strip=True) == f"Teaser {start + count - 1}"
        return len(queries)

    assert measure(2) == measure(18)
