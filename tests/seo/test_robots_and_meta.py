"""robots.txt, and the canonical, hreflang, Open Graph and Twitter tags of every page type."""

from django.urls import reverse
from django.utils import translation

from bs4 import BeautifulSoup

from clusters.factories import ClusterIndexPageFactory, ClusterPageFactory
from events.factories import EventIndexPageFactory, EventPageFactory
from home.factories import StandardPageFactory
from locations.factories import (
    LocationGalleryImageFactory,
    LocationIndexPageFactory,
    LocationPageFactory,
)
from portal.factories import ImageFactory


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def meta(soup):
    tags = {}
    for tag in soup.select("head meta[property], head meta[name]"):
        tags[tag.get("property") or tag.get("name")] = tag["content"]
    return tags


def test_robots_txt(client, site):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines and "Allow: /" in lines
    assert "Disallow: /admin/" in lines
    for code in ("de", "en"):
        with translation.override(code):
            assert f"Disallow: {reverse('search')}" in lines
            assert f"Disallow: {reverse('search_autocomplete')}" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    # Nothing public is disallowed: every Disallow is the admin, the API or a search path.
    assert not any(line in ("Disallow: /", "Disallow: /de/", "Disallow: /en/") for line in lines)


def test_robots_txt_names_a_configured_language(client, site, settings):
    settings.LANGUAGES = [*settings.LANGUAGES, ("pl", "Polish")]
    assert "Disallow: /pl/" in client.get("/robots.txt").content.decode()


def test_standard_page_tags(client, home_page, en_home_page, translate):
    german = StandardPageFactory(
        parent=home_page, title="Über uns", slug="ueber-uns", intro="Wer wir sind."
    )
    translate(german, title="About us", slug="about-us", search_description="Who we are.")
    soup = soup_of(client.get("/de/ueber-uns/", {"utm_source": "x"}))
    tags = meta(soup)
    assert soup.select_one("link[rel=canonical]")["href"] == "http://testserver/de/ueber-uns/"
    assert tags["description"] == tags["og:description"] == "Wer wir sind."
    assert tags["og:title"] == tags["twitter:title"] == "Über uns"
    assert tags["og:url"] == "http://testserver/de/ueber-uns/"
    assert tags["og:type"] == "article"
    assert tags["og:locale"] == "de_DE"
    assert tags["og:locale:alternate"] == "en_GB"
    assert tags["og:site_name"]
    assert tags["twitter:card"] == "summary" and "og:image" not in tags
    assert "robots" not in tags

    english = meta(soup_of(client.get("/en/about-us/")))
    assert english["description"] == "Who we are." and english["og:locale"] == "en_GB"
    hreflangs = {
        link["hreflang"]: link["href"] for link in soup.select("link[rel=alternate][hreflang]")
    }
    assert hreflangs == {
        "de": "http://testserver/de/ueber-uns/",
        "en": "http://testserver/en/about-us/",
    }


def test_home_page_is_a_website(client, site):
    tags = meta(soup_of(client.get("/de/")))
    assert tags["og:type"] == "website"
    assert "og:locale:alternate" not in tags


def test_event_page_shares_its_image(client, home_page):
    index = EventIndexPageFactory(parent=home_page, title="Termine", slug="termine")
    image = ImageFactory(description="Die Kongresshalle")
    EventPageFactory(parent=index, title="Forum", slug="forum", image=image)
    tags = meta(soup_of(client.get("/de/termine/forum/")))
    assert tags["og:image"].startswith("http://testserver/media/")
    assert "fill-1200x630" in tags["og:image"]
    assert tags["twitter:card"] == "summary_large_image"
    assert tags["twitter:image"] == tags["og:image"]
    assert tags["og:image:alt"] == "Die Kongresshalle"
    assert tags["og:description"] == "Eine Veranstaltung in der Region."


def test_location_page_shares_its_first_photo(client, home_page):
    pool = LocationIndexPageFactory(parent=home_page, title="Flächen", slug="flaechen")
    location = LocationPageFactory(parent=pool, title="Gewerbepark", slug="gewerbepark")
    LocationGalleryImageFactory(page=location, image=ImageFactory(description="Luftbild"))
    tags = meta(soup_of(client.get("/de/flaechen/gewerbepark/")))
    assert "fill-1200x630" in tags["og:image"] and tags["og:image:alt"] == "Luftbild"


def test_cluster_page_keeps_one_set_of_tags(client, home_page):
    index = ClusterIndexPageFactory(parent=home_page, slug="cluster")
    ClusterPageFactory(
        parent=index,
        title="Chemie",
        slug="chemie",
        teaser_image=ImageFactory(),
        teaser_alt_text="Chemiepark",
    )
    soup = soup_of(client.get("/de/cluster/chemie/"))
    assert len(soup.select("meta[property='og:title']")) == 1
    assert len(soup.select("meta[name=description]")) == 1
    assert len(soup.select("link[rel=canonical]")) == 1
    assert meta(soup)["og:image:alt"] == "Chemiepark"


def test_filtered_lists_are_noindex_and_canonical_to_the_list(client, home_page):
    pool = LocationIndexPageFactory(parent=home_page, title="Flächen", slug="flaechen")
    plain = soup_of(client.get("/de/flaechen/"))
    assert plain.select_one("meta[name=robots]") is None
    filtered = soup_of(client.get("/de/flaechen/", {"page": 2}))
    assert filtered.select_one("meta[name=robots]")["content"] == "noindex, follow"
    assert filtered.select_one("link[rel=canonical]")["href"] == "http://testserver/de/flaechen/"
    # A language fallback link (?from=en) is the same page, not a filter.
    fallback = soup_of(client.get("/de/flaechen/", {"from": "en"}))
    assert fallback.select_one("meta[name=robots]") is None
    assert pool.live


def test_events_archive_and_calendar_stay_noindex(client, home_page):
    EventIndexPageFactory(parent=home_page, title="Termine", slug="termine")
    assert soup_of(client.get("/de/termine/")).select_one("meta[name=robots]") is None
    for url in ("/de/termine/archiv/", "/de/termine/kalender/"):
        robots = soup_of(client.get(url)).select("meta[name=robots]")
        assert [tag["content"] for tag in robots] == ["noindex, follow"]


def test_search_and_404_keep_their_own_robots_tag(client, site):
    for response in (client.get(reverse("search"), {"q": "x"}), client.get("/de/gibt-es-nicht/")):
        soup = BeautifulSoup(response.content, "html.parser")
        assert [tag["content"] for tag in soup.select("meta[name=robots]")] == ["noindex"]
        assert soup.select_one("link[rel=canonical]") is None


def test_tags_cost_a_fixed_few_queries(client, home_page, django_assert_max_num_queries):
    index = EventIndexPageFactory(parent=home_page, title="Termine", slug="termine")
    EventPageFactory(parent=index, title="Ohne Bild", slug="ohne-bild")
    EventPageFactory(parent=index, title="Mit Bild", slug="mit-bild", image=ImageFactory())

    def queries(url):
        client.get(url)  # the rendition and the site root paths are created once
        with django_assert_max_num_queries(60) as captured:
            assert client.get(url).status_code == 200
        return len(captured.captured_queries)

    # The share image costs its row and its rendition, nothing per anything else.
    assert queries("/de/termine/mit-bild/") - queries("/de/termine/ohne-bild/") <= 2
