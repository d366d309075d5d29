"""Languages beyond German and English, and links to pages not yet translated.

A third language (Polish, as a neighbour of the region) is added by configuration only:
`PORTAL_LANGUAGES`. Visitors of a language see its translated pages; a link to a page that
has no translation leads to the source page, which then says so in the visitor's language.
"""

import json
import os
import subprocess
import sys

from django.conf import settings as django_settings

from wagtail.models import Locale

import pytest
from bs4 import BeautifulSoup

from clusters.factories import ClusterIndexPageFactory, ClusterPageFactory
from home.factories import StandardPageFactory
from portal.apps import create_configured_locales
from tests.conftest import translate_page

pytestmark = pytest.mark.django_db

NOTE = ".notice--language"


def soup_of(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def switcher_links(soup):
    return {a["hreflang"]: a["href"] for a in soup.select("nav.language-switcher a[hreflang]")}


def rich_text_link(page):
    return f'<p>Mehr unter <a id="{page.pk}" linktype="page">{page.title}</a>.</p>'


@pytest.fixture
def about_page(home_page):
    return StandardPageFactory(parent=home_page, title="Über uns", slug="ueber-uns")


class TestFallbackNote:
    def test_note_in_the_visitors_language(self, client, site, about_page):
        soup = soup_of(client.get("/de/ueber-uns/?from=en"))

        note = soup.select_one(f"main {NOTE}")
        assert note is not None
        assert note["lang"] == "en"
        assert note["role"] == "note"
        assert "not yet available in your language" in note.get_text()
        assert "original version in German" in note.get_text()
        assert note.select_one("a")["href"] == "/en/"
        # The page itself stays German.
        assert soup.html["lang"] == "de"

    @pytest.mark.parametrize(
        "query",
        ["", "?from=", "?from=de", "?from=xx", "?from=pl", "?from=EN", "?from=en%00", "?from[]=en"],
    )
    def test_no_note_for_missing_or_unknown_languages(self, client, site, about_page, query):
        soup = soup_of(client.get(f"/de/ueber-uns/{query}"))
        assert soup.select_one(NOTE) is None

    def test_no_note_on_a_page_in_the_visitors_language(self, client, en_home_page, about_page):
        translate_page(about_page, en_home_page.locale, title="About us", slug="about-us")
        soup = soup_of(client.get("/en/about-us/?from=en"))
        assert soup.select_one(NOTE) is None

    def test_home_page_section_links_fall_back_with_the_marker(
        self, client, site, home_page, en_locale
    ):
        clusters = ClusterIndexPageFactory(parent=home_page, title="Cluster", slug="cluster")
        ClusterPageFactory(parent=clusters)
        home_page.clusters_page = clusters
        home_page.save_revision().publish()
        # The English home page keeps the chooser (a synchronised field); the cluster
        # overview itself is not translated yet.
        translate_page(home_page, en_locale, title="Metropolitan Region Central Germany")

        soup = soup_of(client.get("/en/"))

        hrefs = [a["href"] for a in soup.select("main a")]
        assert "/de/cluster/?from=en" in hrefs
        assert "/de/cluster/" not in hrefs


class TestRichTextAndCallToActionLinks:
    def test_rich_text_link_to_an_untranslated_page(self, client, en_home_page, about_page):
        target = StandardPageFactory(parent=about_page, title="Team", slug="team")
        page = StandardPageFactory(
            parent=about_page,
            title="Kontakt",
            slug="kontakt",
            body=[("paragraph", rich_text_link(target))],
        )
        translate_page(about_page, en_home_page.locale, title="About us", slug="about-us")
        translate_page(page, en_home_page.locale, title="Contact", slug="contact")

        soup = soup_of(client.get("/en/about-us/contact/"))

        assert soup.select_one('main a[href="/de/ueber-uns/team/?from=en"]') is not None

    def test_rich_text_link_to_a_translated_page(self, client, en_home_page, about_page):
        target = StandardPageFactory(parent=about_page, title="Team", slug="team")
        page = StandardPageFactory(
            parent=about_page,
            title="Kontakt",
            slug="kontakt",
            body=[("paragraph", rich_text_link(target))],
        )
        translate_page(about_page, en_home_page.locale, title="About us", slug="about-us")
        translate_page(target, en_home_page.locale, title="Team", slug="team")
        translate_page(page, en_home_page.locale, title="Contact", slug="contact")

        soup = soup_of(client.get("/en/about-us/contact/"))

        assert soup.select_one('main a[href="/en/about-us/team/"]') is not None

    def test_rich_text_links_are_localised_in_one_query(
        self, client, en_home_page, about_page, django_assert_max_num_queries
    ):
        def render_with(count):
            targets = [
                StandardPageFactory(parent=about_page, title=f"Ziel {count}-{n}")
                for n in range(count)
            ]
            StandardPageFactory(
                parent=about_page,
                title=f"Links {count}",
                slug=f"links-{count}",
                body=[("paragraph", "".join(rich_text_link(t) for t in targets))],
            )
            return f"/de/ueber-uns/links-{count}/"

        few, many = render_with(1), render_with(12)
        client.get(few)
        with django_assert_max_num_queries(40) as few_queries:
            client.get(few)
        with django_assert_max_num_queries(len(few_queries.captured_queries)):
            client.get(many)

    def test_call_to_action_to_an_untranslated_page(self, client, en_home_page, about_page):
        target = StandardPageFactory(parent=about_page, title="Team", slug="team")
        cta = {
            "title": "Mitmachen",
            "text": "",
            "page": target,
            "external_url": "",
            "button_label": "Zum Team",
        }
        page = StandardPageFactory(
            parent=about_page, title="Kontakt", slug="kontakt", body=[("call_to_action", cta)]
        )
        translate_page(about_page, en_home_page.locale, title="About us", slug="about-us")
        translate_page(page, en_home_page.locale, title="Contact", slug="contact")

        soup = soup_of(client.get("/en/about-us/contact/"))

        assert soup.select_one('main a.button[href="/de/ueber-uns/team/?from=en"]') is not None


@pytest.fixture
def polish(settings, site):
    """Polish added the way an operator adds it: through the language settings only."""
    settings.LANGUAGES = [*django_settings.LANGUAGES, ("pl", "Polish")]
    settings.WAGTAIL_CONTENT_LANGUAGES = settings.LANGUAGES
    create_configured_locales()
    return Locale.objects.get(language_code="pl")


class TestThirdLanguage:
    def test_migrate_creates_a_locale_for_every_configured_language(self, polish, en_locale):
        codes = set(Locale.objects.values_list("language_code", flat=True))
        assert {"de", "en", "pl"} <= codes

    def test_untranslated_portal_answers_under_the_new_prefix(self, client, polish, home_page):
        response = client.get("/pl/")
        # The home page is not translated yet: the German source answers, no 404.
        assert response.status_code == 200
        assert response.context["page"] == home_page

    def test_translated_home_page_in_polish(self, client, polish, home_page):
        translate_page(home_page, polish, title="Region Metropolitalny Niemiec Środkowych")

        soup = soup_of(client.get("/pl/"))

        assert soup.html["lang"] == "pl"
        assert "Region Metropolitalny" in soup.title.get_text()
        assert set(switcher_links(soup)) == {"de", "en", "pl"}

    def test_switcher_never_leads_to_a_404(self, client, polish, en_locale, home_page):
        """From every page, in every language, every switcher link answers."""
        translate_page(home_page, en_locale, title="Metropolitan Region Central Germany")
        translate_page(home_page, polish, title="Region Metropolitalny")
        clusters = ClusterIndexPageFactory(parent=home_page, title="Cluster", slug="cluster")
        cluster = ClusterPageFactory(parent=clusters, title="Chemie", slug="chemie")
        translate_page(clusters, en_locale, title="Clusters", slug="clusters")
        translate_page(cluster, en_locale, title="Chemistry", slug="chemistry")
        # Polish has the home page only.
        start_urls = ["/de/", "/en/", "/pl/", "/de/cluster/chemie/", "/en/clusters/chemistry/"]

        for start in start_urls:
            links = switcher_links(soup_of(client.get(start)))
            assert set(links) == {"de", "en", "pl"}, start
            for code, href in links.items():
                response = client.get(href)
                assert response.status_code == 200, (start, code, href)

    def test_visitors_see_only_translated_pages(self, client, polish, home_page):
        polish_home = translate_page(home_page, polish, title="Region Metropolitalny")
        clusters = ClusterIndexPageFactory(parent=home_page, title="Cluster", slug="cluster")
        ClusterPageFactory(parent=clusters, title="Chemie", slug="chemie")

        # The German cluster pages are not part of the Polish tree.
        assert client.get("/pl/cluster/chemie/").status_code == 404
        assert not polish_home.get_children().exists()


def test_adding_a_language_is_configuration_only():
    """`PORTAL_LANGUAGES` alone adds a language, with its own search backend."""
    script = (
        "import json, django; django.setup(); from django.conf import settings; "
        "print(json.dumps({'languages': [c for c, _ in settings.LANGUAGES], "
        "'content': [c for c, _ in settings.WAGTAIL_CONTENT_LANGUAGES], "
        "'backend': settings.WAGTAILSEARCH_BACKENDS['pl']}))"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "PORTAL_LANGUAGES": "de,en,pl",
    }
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    configured = json.loads(result.stdout.strip().splitlines()[-1])
    assert configured["languages"] == ["de", "en", "pl"]
    assert configured["content"] == ["de", "en", "pl"]
    assert configured["backend"]["LOCALE"] == "pl"
    assert configured["backend"]["SEARCH_CONFIG"] == "simple"


def test_an_unknown_language_code_stops_the_start():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.test", "PORTAL_LANGUAGES": "de,xx"}
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "xx" in result.stderr
