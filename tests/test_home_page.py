"""The home page's sections: shown when filled, left out when empty; project teasers in
order, per language; and a fixed number of database queries however many teasers there are.
"""

from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

import pytest
from bs4 import BeautifulSoup

from home.factories import ProjectTeaserFactory, StandardPageFactory
from home.models import StandardPage, _map_url

pytestmark = pytest.mark.django_db

SECTION_CLASSES = [
    "home-intro",
    "home-clusters",
    "home-quotes",
    "home-pool",
    "home-forum",
    "home-events",
    "home-projects",
]


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def sections_of(soup):
    return [name for name in SECTION_CLASSES if soup.select_one(f"section.{name}") is not None]


def quote(text, name, role=""):
    return ("quote", {"text": text, "name": name, "role": role})


def test_empty_home_page_shows_no_sections_but_a_heading(client, site, home_page):
    soup = soup_of(client.get("/de/"))

    assert sections_of(soup) == []
    # The page keeps a (visually hidden) first-level heading for screen readers.
    h1 = soup.select("main h1")
    assert [h.get_text(strip=True) for h in h1] == [home_page.title]
    assert "visually-hidden" in h1[0]["class"]


def test_filled_home_page_shows_every_section(client, site, home_page):
    clusters = StandardPageFactory(parent=home_page, title="Cluster", slug="cluster")
    StandardPageFactory(parent=clusters, title="Chemie/Kunststoffe", slug="chemie")
    StandardPageFactory(parent=clusters, title="Automotive", slug="automotive")
    draft_cluster = StandardPageFactory(parent=clusters, title="Entwurfscluster", live=False)
    background = StandardPageFactory(parent=home_page, title="Effekte von Clustern")
    sites = StandardPageFactory(parent=home_page, title="Gewerbeflächen", slug="flaechen")
    forum = StandardPageFactory(parent=home_page, title="FORUM 2025", slug="forum")
    events = StandardPageFactory(parent=home_page, title="Termine", slug="termine")
    ProjectTeaserFactory(name="Clusterkonferenz", logo=None)

    home_page.intro_heading = "Net Works!"
    home_page.intro = "<p>Wir vernetzen die Region.</p>"
    home_page.clusters_heading = "Unsere Cluster"
    home_page.clusters_page = clusters
    home_page.clusters_more_page = background
    home_page.quotes = [quote("Mitteldeutschland wächst.", "Erika Beispiel")]
    home_page.pool_heading = "Flächenpool"
    home_page.sites_page = sites
    home_page.forum_text = "Das Forum der Region."
    home_page.forum_page = forum
    home_page.forum_link_label = "Zur Veranstaltungsdokumentation"
    home_page.events_intro = "Was demnächst ansteht."
    home_page.events_page = events
    home_page.projects_heading = "Projekte"
    home_page.save()

    soup = soup_of(client.get("/de/"))

    assert sections_of(soup) == SECTION_CLASSES
    assert soup.select_one("#home-intro-heading").get_text(strip=True) == "Net Works!"
    assert "Wir vernetzen die Region." in soup.select_one(".home-intro").get_text()
    clusters_section = soup.select_one("section.home-clusters")
    assert clusters_section.h2.get_text(strip=True) == "Unsere Cluster"
    cards = [a.get_text(strip=True) for a in clusters_section.select(".page-card__title a")]
    assert cards == ["Chemie/Kunststoffe", "Automotive"]
    assert draft_cluster.title not in clusters_section.get_text()
    links = {a["href"] for a in clusters_section.select(".section-links a")}
    assert links == {"/de/cluster/", background.url}
    forum_link = soup.select_one("section.home-forum a")
    assert forum_link["href"] == "/de/forum/"
    assert forum_link.get_text(strip=True) == "Zur Veranstaltungsdokumentation"
    assert soup.select_one("section.home-events a")["href"] == "/de/termine/"
    assert soup.select_one("section.home-projects h2").get_text(strip=True) == "Projekte"


def test_sections_pointing_at_draft_pages_are_left_out(client, site, home_page):
    draft = StandardPageFactory(parent=home_page, title="Entwurf", live=False)
    home_page.sites_page = draft
    home_page.halls_page = draft
    home_page.forum_page = draft
    home_page.events_page = draft
    home_page.clusters_more_page = draft
    home_page.save()

    soup = soup_of(client.get("/de/"))

    assert sections_of(soup) == []
    assert "Entwurf" not in soup.get_text()


def test_single_quote_is_shown_without_a_list(client, site, home_page):
    home_page.quotes = [quote("Ein starker Standort.", "Max Muster", "Vorstand, Muster AG")]
    home_page.save()

    soup = soup_of(client.get("/de/"))

    section = soup.select_one("section.home-quotes")
    assert section.select_one("ul.quote-list") is None
    figure = section.select_one("figure.quote")
    assert figure.blockquote.get_text(strip=True) == "Ein starker Standort."
    assert figure.select_one(".quote__name").get_text(strip=True) == "Max Muster"
    assert figure.select_one(".quote__role").get_text(strip=True) == "Vorstand, Muster AG"


def test_several_quotes_are_a_list_in_editor_order(client, site, home_page):
    home_page.quotes_heading = "Stimmen aus der Wirtschaft"
    home_page.quotes = [
        quote("Erstens.", "A. Erster"),
        quote("Zweitens.", "B. Zweite"),
        quote("Drittens.", "C. Dritter"),
    ]
    home_page.save()

    soup = soup_of(client.get("/de/"))

    section = soup.select_one("section.home-quotes")
    assert section.h2.get_text(strip=True) == "Stimmen aus der Wirtschaft"
    names = [n.get_text(strip=True) for n in section.select("ul.quote-list .quote__name")]
    assert names == ["A. Erster", "B. Zweite", "C. Dritter"]
    assert section.select_one(".quote__role") is None


def test_pool_boxes_link_to_their_lists(client, site, home_page):
    sites = StandardPageFactory(parent=home_page, title="Gewerbeflächen", slug="flaechen")
    halls = StandardPageFactory(parent=home_page, title="Hallenobjekte", slug="hallen")
    home_page.pool_intro = "Freie Flächen in der Region."
    home_page.sites_page = sites
    home_page.halls_page = halls
    home_page.save()

    soup = soup_of(client.get("/de/"))

    boxes = soup.select("section.home-pool li.pool-box")
    assert [b.h3.get_text(strip=True) for b in boxes] == ["Gewerbeflächen", "Hallenobjekte"]
    for box, href in zip(boxes, ["/de/flaechen/", "/de/hallen/"], strict=True):
        links = box.select("a")
        assert len(links) == 1  # StandardPage offers no map view
        assert links[0]["href"] == href
        assert links[0].find(string=True, recursive=False).strip() == "Liste"
    assert "Standortkarte" not in soup.get_text()


def test_pool_box_offers_the_location_map_when_the_page_has_one(
    client, site, home_page, monkeypatch
):
    monkeypatch.setattr(
        StandardPage,
        "get_map_url",
        lambda self, request: self.get_url(request) + "karte/",
        raising=False,
    )
    sites = StandardPageFactory(parent=home_page, title="Gewerbeflächen", slug="flaechen")
    home_page.sites_page = sites
    home_page.save()

    soup = soup_of(client.get("/de/"))

    links = soup.select("section.home-pool li.pool-box a")
    assert [(a["href"], a.find(string=True, recursive=False).strip()) for a in links] == [
        ("/de/flaechen/", "Liste"),
        ("/de/flaechen/karte/", "Standortkarte"),
    ]


class TestMapUrl:
    """`_map_url` asks the page's specific class for a map view, if it offers one."""

    request = RequestFactory().get("/de/")

    def make_page(self, specific):
        return type("StubPage", (), {"specific_deferred": specific})()

    def test_page_with_map_view(self):
        class WithMap:
            def get_map_url(self, request):
                return f"/de/flaechen/karte/?from={request.path}"

        assert _map_url(self.make_page(WithMap()), self.request) == "/de/flaechen/karte/?from=/de/"

    def test_page_without_map_view(self):
        assert _map_url(self.make_page(object()), self.request) is None

    def test_attribute_that_is_not_callable_is_ignored(self):
        specific = type("Odd", (), {"get_map_url": "/karte/"})()
        assert _map_url(self.make_page(specific), self.request) is None


def teaser_names(response):
    soup = soup_of(response)
    names = []
    for item in soup.select("section.home-projects li.project-teaser"):
        logo = item.select_one("img.project-teaser__logo")
        names.append(logo["alt"] if logo else item.select_one(".project-teaser__name").text)
    return names


def test_project_teasers_in_sort_order_without_drafts(client, site):
    ProjectTeaserFactory(name="Dritter", sort_order=30)
    ProjectTeaserFactory(name="Erster", sort_order=10, logo_alt_text="Logo des Ersten")
    ProjectTeaserFactory(name="Entwurf", sort_order=5, live=False)
    ProjectTeaserFactory(name="Zweiter", sort_order=20, logo=None)
    ProjectTeaserFactory(name="Alpha gleichauf", sort_order=30)

    assert teaser_names(client.get("/de/")) == [
        "Logo des Ersten",
        "Zweiter",
        "Alpha gleichauf",
        "Dritter",
    ]


def test_only_draft_teasers_leave_the_section_out(client, site):
    ProjectTeaserFactory(name="Entwurf", live=False)

    soup = soup_of(client.get("/de/"))

    assert "home-projects" not in sections_of(soup)


def test_teaser_links_and_texts(client, site, home_page):
    about = StandardPageFactory(parent=home_page, title="Über uns", slug="ueber-uns")
    ProjectTeaserFactory(name="Intern", sort_order=1, link_page=about, short_text="Ein Projekt.")
    ProjectTeaserFactory(name="Extern", sort_order=2, link_url="https://extern.example.org/")
    ProjectTeaserFactory(name="Ohne Link", sort_order=3, link_url="", logo=None)

    soup = soup_of(client.get("/de/"))

    items = soup.select("li.project-teaser")
    internal, external, unlinked = items
    assert internal.a["href"] == "/de/ueber-uns/"
    assert "rel" not in internal.a.attrs
    assert internal.select_one(".project-teaser__text").get_text(strip=True) == "Ein Projekt."
    assert external.a["href"] == "https://extern.example.org/"
    assert external.a["rel"] == ["noopener"]
    assert external.select_one(".visually-hidden") is not None
    assert unlinked.a is None
    assert unlinked.select_one(".project-teaser__name").get_text(strip=True) == "Ohne Link"


def test_teasers_on_the_english_home_page(client, en_home_page, home_page, en_locale, translate):
    about = StandardPageFactory(parent=home_page, title="Über uns", slug="ueber-uns")
    translate(about, title="About us", slug="about-us")
    ProjectTeaserFactory(name="Nur Deutsch", sort_order=10, logo=None)
    translated = ProjectTeaserFactory(
        name="Clusterkonferenz", sort_order=20, logo=None, link_page=about
    )
    english = translated.copy_for_translation(en_locale)
    english.name = "Cluster conference"
    english.save()
    ProjectTeaserFactory(name="Entwurf", sort_order=30, live=False, logo=None)

    assert teaser_names(client.get("/en/")) == ["Nur Deutsch", "Cluster conference"]
    soup = soup_of(client.get("/en/"))
    assert soup.select("li.project-teaser a")[1]["href"] == "/en/about-us/"
    assert teaser_names(client.get("/de/")) == ["Nur Deutsch", "Clusterkonferenz"]


def test_english_draft_of_a_teaser_falls_back_to_german(client, en_home_page, en_locale):
    teaser = ProjectTeaserFactory(name="Clusterkonferenz", logo=None)
    english = teaser.copy_for_translation(en_locale)
    english.name = "Cluster conference"
    english.live = False
    english.save()

    assert teaser_names(client.get("/en/")) == ["Clusterkonferenz"]


def count_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response


# Measured: 13 queries on SQLite and PostgreSQL (site, locales, page routing, view
# restrictions, teasers, their link pages, portal settings, menu, footer and social links).
HOME_PAGE_MAX_QUERIES = 15


def test_home_page_query_count_does_not_grow_with_teasers(
    client, site, home_page, django_assert_max_num_queries
):
    link_pages = [
        StandardPageFactory(parent=home_page, title=f"Projektseite {i}") for i in range(3)
    ]

    def add_teasers(start, stop):
        for i in range(start, stop):
            ProjectTeaserFactory(sort_order=i, link_page=link_pages[i % 3] if i % 2 else None)

    add_teasers(0, 2)
    client.get("/de/")  # warm up: renditions of the logos are created on the first render
    with django_assert_max_num_queries(HOME_PAGE_MAX_QUERIES):
        with_two, response = count_queries(client, "/de/")
    assert len(soup_of(response).select("img.project-teaser__logo")) == 2

    add_teasers(2, 20)
    client.get("/de/")
    with django_assert_max_num_queries(HOME_PAGE_MAX_QUERIES):
        with_twenty, response = count_queries(client, "/de/")
    soup = soup_of(response)
    assert len(soup.select("img.project-teaser__logo")) == 20
    assert len(soup.select('li.project-teaser a[href^="/de/projektseite-"]')) == 10

    assert with_two == with_twenty
