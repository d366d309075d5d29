"""The demo content: the cluster overview with eight clusters and the quotes in German and
English, the home page pointing at them, the main menu's first entry; a second run changes
nothing."""

import io

from django.core.management import call_command

import pytest
from bs4 import BeautifulSoup

from clusters.models import ClusterIndexPage, ClusterPage
from demo.clusters.loader import data
from home.models import HomePage
from portal.models import PortalSettings
from quotes.models import Quote

pytestmark = pytest.mark.django_db

CLUSTERS, QUOTES = data()["clusters"], data()["quotes"]


def soup_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def test_demo_content_builds_clusters_and_quotes_in_both_languages(
    client, site, tmp_path, settings
):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo_content", stdout=io.StringIO())

    german, english = (
        ClusterIndexPage.objects.get(locale__language_code=code) for code in ("de", "en")
    )
    assert german.url == "/de/cluster/" and english.url == "/en/clusters/"
    assert ClusterPage.objects.child_of(german).live().count() == len(CLUSTERS) == 8
    assert ClusterPage.objects.child_of(english).live().count() == 8
    assert Quote.objects.filter(live=True, locale__language_code="en").count() == len(QUOTES)

    overview = soup_of(client, "/de/cluster/?kind=micro")
    assert [a.get_text(strip=True) for a in overview.select(".page-card__title a")] == [
        "Optoelektronik Jena",
        "Mikroelektronik Dresden",
        "Bioökonomie Leuna",
    ]
    page = soup_of(client, "/en/clusters/chemicals-plastics/")
    assert page.h1.get_text(strip=True) == "Chemicals/plastics"
    assert "green hydrogen" in page.select_one(".cluster-quotes").get_text()

    for code in ("de", "en"):
        home = HomePage.objects.get(locale__language_code=code)
        assert home.clusters_page.specific_class is ClusterIndexPage
        assert [item["type"] for item in home.quotes.raw_data] == ["quote_snippet"] * 4
    english_home = soup_of(client, "/en/")
    quotes = english_home.select("section.home-quotes figure.quote")
    assert len(quotes) == 4 and all(q["lang"] == "en" for q in quotes)
    assert "Löffler" in quotes[0].get_text()
    cards = english_home.select("section.home-clusters .page-card__title a")
    assert cards[0]["href"] == "/en/clusters/automotive/"

    menu = PortalSettings.objects.get().main_menu_items.order_by("sort_order")
    assert menu[0].page_id == german.pk

    counts = (ClusterPage.objects.count(), Quote.objects.count(), menu.count())
    call_command("load_demo_content", stdout=io.StringIO())
    assert (ClusterPage.objects.count(), Quote.objects.count(), menu.count()) == counts
