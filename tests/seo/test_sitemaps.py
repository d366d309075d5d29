"""sitemap.xml: an index with one sitemap per language, hreflang alternates, lastmod, only
live public originals, a query count independent of the number of pages, and the page cache."""

from xml.etree import ElementTree

from django.contrib.auth.models import Group
from django.utils import timezone

from wagtail.models import PageViewRestriction

import pytest

from home.factories import StandardPageFactory

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return ElementTree.fromstring(response.content)


def entries(response):
    """{location: {"lastmod": …, "alternates": {hreflang: href}}} of a sitemap."""
    result = {}
    for url in parse(response).findall("sm:url", NS):
        result[url.find("sm:loc", NS).text] = {
            "lastmod": getattr(url.find("sm:lastmod", NS), "text", None),
            "alternates": {
                link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)
            },
        }
    return result


@pytest.fixture
def about(home_page, en_home_page, translate):
    german = StandardPageFactory(parent=home_page, title="Über uns", slug="ueber-uns")
    english = translate(german, title="About us", slug="about-us")
    return german, english


def test_index_names_one_sitemap_per_language(client, site, en_locale):
    index = parse(client.get("/sitemap.xml"))
    locations = [loc.text for loc in index.findall("sm:sitemap/sm:loc", NS)]
    assert locations == ["http://testserver/sitemap-de.xml", "http://testserver/sitemap-en.xml"]


def test_language_without_locale_is_left_out(client, site, settings, en_locale):
    settings.LANGUAGES = [*settings.LANGUAGES, ("pl", "Polish")]
    index = parse(client.get("/sitemap.xml"))
    assert "http://testserver/sitemap-pl.xml" not in [
        loc.text for loc in index.findall("sm:sitemap/sm:loc", NS)
    ]
    assert client.get("/sitemap-pl.xml").status_code == 404
    assert client.get("/sitemap-xx.xml").status_code == 404


def test_each_language_lists_its_pages_with_alternates(client, about):
    german = entries(client.get("/sitemap-de.xml"))
    english = entries(client.get("/sitemap-en.xml"))
    assert set(german) == {"http://testserver/de/", "http://testserver/de/ueber-uns/"}
    assert set(english) == {"http://testserver/en/", "http://testserver/en/about-us/"}
    expected = {
        "de": "http://testserver/de/ueber-uns/",
        "en": "http://testserver/en/about-us/",
        "x-default": "http://testserver/de/ueber-uns/",
    }
    assert german["http://testserver/de/ueber-uns/"]["alternates"] == expected
    assert english["http://testserver/en/about-us/"]["alternates"] == expected
    # The date in the site's time zone (Europe/Berlin), as the sitemap writes it: between
    # 23:00 and 24:00 UTC it is already the next day there.
    assert english["http://testserver/en/about-us/"]["lastmod"] == (
        timezone.localtime(about[1].last_published_at).strftime("%Y-%m-%d")
    )


def test_page_without_translation_has_no_alternates(client, site, home_page):
    StandardPageFactory(parent=home_page, title="Nur Deutsch", slug="nur-deutsch")
    german = entries(client.get("/sitemap-de.xml"))
    assert german["http://testserver/de/nur-deutsch/"]["alternates"] == {}
    assert entries(client.get("/sitemap-en.xml")) == {}


def test_drafts_private_pages_and_aliases_stay_out(client, about, home_page, en_locale):
    german, english = about
    draft = StandardPageFactory(parent=home_page, title="Entwurf", slug="entwurf", live=False)
    private = StandardPageFactory(parent=home_page, title="Intern", slug="intern")
    below_private = StandardPageFactory(parent=private, title="Tiefer", slug="tiefer")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    groups = StandardPageFactory(parent=home_page, title="Gruppen", slug="gruppen")
    restriction = PageViewRestriction.objects.create(page=groups, restriction_type="groups")
    restriction.groups.add(Group.objects.create(name="Mitglieder"))
    alias = german.create_alias(parent=home_page, update_slug="ueber-uns-kopie")

    listed = "\n".join(entries(client.get("/sitemap-de.xml")))
    for page in (draft, private, below_private, groups, alias):
        assert f"/{page.slug}/" not in listed
    assert "/ueber-uns/" in listed

    # An unpublished translation is no alternate.
    english.unpublish()
    assert (
        "en"
        not in entries(client.get("/sitemap-de.xml"))["http://testserver/de/ueber-uns/"][
            "alternates"
        ]
    )


def count_queries(client, django_assert_max_num_queries, url, limit):
    with django_assert_max_num_queries(limit) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


@pytest.mark.django_db
def test_query_count_does_not_grow_with_pages(
    client, home_page, en_home_page, translate, django_assert_max_num_queries
):
    def add(count, offset):
        for number in range(offset, offset + count):
            page = StandardPageFactory(parent=home_page, title=f"Seite {number}")
            translate(page, title=f"Page {number}", slug=f"page-{number}")

    add(2, 0)
    small = count_queries(client, django_assert_max_num_queries, "/sitemap-de.xml", 12)
    add(20, 2)
    large = count_queries(client, django_assert_max_num_queries, "/sitemap-de.xml", 12)
    assert large <= small
    assert len(entries(client.get("/sitemap-de.xml"))) == 23
    index = count_queries(client, django_assert_max_num_queries, "/sitemap.xml", 12)
    assert index <= 12


def test_paginates_at_the_limit(client, about, home_page, settings):
    settings.SEO_SITEMAP_LIMIT = 1
    index = parse(client.get("/sitemap.xml"))
    locations = [loc.text for loc in index.findall("sm:sitemap/sm:loc", NS)]
    assert "http://testserver/sitemap-de.xml?p=2" in locations
    first = entries(client.get("/sitemap-de.xml"))
    second = entries(client.get("/sitemap-de.xml", {"p": 2}))
    assert len(first) == len(second) == 1 and first != second
    assert client.get("/sitemap-de.xml", {"p": 9}).status_code == 404
    assert client.get("/sitemap-de.xml", {"p": "abc"}).status_code == 404


def test_sitemap_is_cached_and_purged_on_publish(client, site, home_page, settings):
    settings.PAGE_CACHE_SECONDS = 600
    first = client.get("/sitemap-de.xml")
    assert first["X-Cache"] == "MISS"
    assert client.get("/sitemap-de.xml")["X-Cache"] == "HIT"
    assert client.get("/sitemap.xml")["X-Cache"] == "MISS"
    assert client.get("/sitemap.xml")["X-Cache"] == "HIT"

    StandardPageFactory(parent=home_page, title="Neu", slug="neu")

    response = client.get("/sitemap-de.xml")
    assert response["X-Cache"] == "MISS"
    assert "http://testserver/de/neu/" in entries(response)
    assert client.get("/sitemap.xml")["X-Cache"] == "MISS"


def test_sitemap_only_answers_get_and_head(client, site):
    assert client.post("/sitemap.xml").status_code == 405
    assert client.head("/sitemap-de.xml").status_code == 200
