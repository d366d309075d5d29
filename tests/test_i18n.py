"""German and English: language prefixes and redirects, the language switcher and hreflang
alternates, localized 404 pages, the database-free 500 page and locale-aware dates.
"""

import datetime

from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

import pytest
from bs4 import BeautifulSoup

from home.factories import StandardPageFactory
from home.models import HomePage
from portal.views import server_error

pytestmark = pytest.mark.django_db


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def switcher_links(soup):
    return {a["hreflang"]: a["href"] for a in soup.select("nav.language-switcher a[hreflang]")}


def alternates(soup):
    return {link["hreflang"]: link["href"] for link in soup.select('link[rel="alternate"]')}


class TestRootRedirect:
    def test_without_accept_language_to_german(self, client, site):
        response = client.get("/")
        assert response.status_code == 302
        assert response["Location"] == "/de/"

    def test_english_browser_to_english(self, client, site):
        response = client.get("/", headers={"accept-language": "en-US,en;q=0.9"})
        assert response.status_code == 302
        assert response["Location"] == "/en/"

    def test_unsupported_browser_language_to_german(self, client, site):
        response = client.get("/", headers={"accept-language": "fr-FR,fr;q=0.9"})
        assert response["Location"] == "/de/"

    def test_followed_redirect_lands_on_the_home_page(self, client, site, home_page):
        response = client.get("/", follow=True)
        assert response.redirect_chain == [("/de/", 302)]
        assert response.context["page"] == home_page


class TestHtmlLang:
    def test_german(self, client, site):
        response = client.get("/de/")
        assert response.status_code == 200
        assert soup_of(response).html["lang"] == "de"

    def test_english(self, client, en_home_page):
        response = client.get("/en/")
        assert response.status_code == 200
        assert soup_of(response).html["lang"] == "en"
        assert response.context["page"] == en_home_page

    def test_english_prefix_before_the_home_page_is_translated(self, client, site, home_page):
        # The untranslated root is served (German content) rather than a 404.
        response = client.get("/en/")
        assert response.status_code == 200
        assert response.context["page"] == home_page


class TestLanguageSwitcher:
    def test_links_to_the_english_translation(self, client, en_home_page, home_page, translate):
        german = StandardPageFactory(parent=home_page, title="Über uns", slug="ueber-uns")
        translate(german, title="About us", slug="about-us")

        soup = soup_of(client.get("/de/ueber-uns/"))

        assert switcher_links(soup) == {"de": "/de/ueber-uns/", "en": "/en/about-us/"}
        current = soup.select_one('nav.language-switcher a[aria-current="true"]')
        assert current["hreflang"] == "de"
        assert alternates(soup) == {
            "de": "http://testserver/de/ueber-uns/",
            "en": "http://testserver/en/about-us/",
        }

    def test_falls_back_to_the_english_home_page(self, client, en_home_page, home_page):
        StandardPageFactory(parent=home_page, title="Nur Deutsch", slug="nur-deutsch")

        soup = soup_of(client.get("/de/nur-deutsch/"))

        assert switcher_links(soup) == {"de": "/de/nur-deutsch/", "en": "/en/"}
        # No alternate for a translation that does not exist.
        assert alternates(soup) == {"de": "http://testserver/de/nur-deutsch/"}

    def test_english_draft_translation_is_not_linked(
        self, client, en_home_page, home_page, en_locale
    ):
        german = StandardPageFactory(parent=home_page, title="Über uns", slug="ueber-uns")
        draft = german.copy_for_translation(en_locale)
        draft.save_revision()  # never published

        soup = soup_of(client.get("/de/ueber-uns/"))

        assert switcher_links(soup)["en"] == "/en/"
        assert "en" not in alternates(soup)

    def test_on_the_english_page_links_back_to_german(
        self, client, en_home_page, home_page, translate
    ):
        german = StandardPageFactory(parent=home_page, title="Über uns", slug="ueber-uns")
        translate(german, title="About us", slug="about-us")

        soup = soup_of(client.get("/en/about-us/"))

        assert switcher_links(soup) == {"de": "/de/ueber-uns/", "en": "/en/about-us/"}
        current = soup.select_one('nav.language-switcher a[aria-current="true"]')
        assert current["hreflang"] == "en"

    def test_home_pages_alternates(self, client, site, home_page, en_locale):
        soup = soup_of(client.get("/de/"))
        assert alternates(soup) == {"de": "http://testserver/de/"}

    def test_home_pages_alternates_when_translated(self, client, en_home_page):
        soup = soup_of(client.get("/de/"))
        assert alternates(soup) == {"de": "http://testserver/de/", "en": "http://testserver/en/"}

    def test_search_page_switches_to_the_search_in_the_other_language(self, client, site):
        with translation.override("de"):
            german_url = reverse("search")
        with translation.override("en"):
            english_url = reverse("search")

        soup = soup_of(client.get(german_url, {"q": "Chemie"}))

        assert switcher_links(soup) == {
            "de": f"{german_url}?q=Chemie",
            "en": f"{english_url}?q=Chemie",
        }


def test_editors_translate_the_home_page_with_wagtail_localize(
    admin_logged_in_client, site, home_page, en_locale
):
    """wagtail-localize's "Translate" action works for the one home page (its
    `can_create_at` restriction must not block translations)."""
    url = reverse("wagtail_localize:submit_page_translation", args=[home_page.pk])

    response = admin_logged_in_client.post(url, {"locales": [en_locale.pk]})

    assert response.status_code == 302
    english = HomePage.objects.get(locale=en_locale)
    assert english.translation_key == home_page.translation_key
    assert not english.live  # a draft until the translator publishes it
    assert admin_logged_in_client.get("/en/").context["page"] == home_page
    english.get_latest_revision().publish()
    response = admin_logged_in_client.get("/en/")
    assert response.status_code == 200
    assert response.context["page"] == english
    assert alternates(soup_of(admin_logged_in_client.get("/de/"))) == {
        "de": "http://testserver/de/",
        "en": "http://testserver/en/",
    }


def test_language_cookie_chooses_the_language_of_the_root_redirect(client, site):
    client.cookies["portal_language"] = "en"
    response = client.get("/")
    assert response["Location"] == "/en/"


class TestNotFound:
    def test_german_404(self, client, site):
        response = client.get("/de/gibt-es-nicht/")

        assert response.status_code == 404
        soup = soup_of(response)
        assert soup.html["lang"] == "de"
        assert soup.select_one(".error-page h1").get_text(strip=True) == "Seite nicht gefunden"
        assert soup.select_one('meta[name="robots"]')["content"] == "noindex"
        assert soup.select_one(".error-page a")["href"] == "/de/"
        with translation.override("de"):
            assert soup.select(".error-page a")[1]["href"] == reverse("search")

    def test_english_404(self, client, en_home_page):
        response = client.get("/en/does-not-exist/")

        assert response.status_code == 404
        soup = soup_of(response)
        assert soup.html["lang"] == "en"
        assert soup.select_one(".error-page h1").get_text(strip=True) == "Page not found"
        assert soup.select_one(".error-page a")["href"] == "/en/"

    def test_english_404_before_the_home_page_is_translated(self, client, site):
        response = client.get("/en/does-not-exist/")
        assert response.status_code == 404
        assert "Page not found" in soup_of(response).select_one(".error-page h1").text

    def test_unknown_language_prefix_ends_in_the_styled_404(self, client, site):
        client.raise_request_exception = False

        response = client.get("/fr/seite/", follow=True)

        assert response.status_code == 404
        soup = soup_of(response)
        assert soup.select_one("main .error-page") is not None
        assert soup.html["lang"] == "de"

    def test_draft_page_is_not_found(self, client, site, home_page):
        StandardPageFactory(parent=home_page, title="Entwurf", slug="entwurf", live=False)
        response = client.get("/de/entwurf/")
        assert response.status_code == 404
        assert soup_of(response).select_one(".error-page") is not None


class TestServerError:
    def test_handler_renders_without_database(self, django_assert_num_queries):
        request = RequestFactory().get("/de/")
        with translation.override("de"), django_assert_num_queries(0):
            response = server_error(request)

        assert response.status_code == 500
        soup = soup_of(response)
        assert soup.html["lang"] == "de"
        assert soup.body["class"] == ["page-error"]
        assert soup.select_one(".error-page h1").get_text(strip=True) == "Etwas ist schiefgelaufen"
        assert soup.select_one(".brand")["href"] == "/de/"

    def test_handler_in_english(self, django_assert_num_queries):
        request = RequestFactory().get("/en/")
        with translation.override("en"), django_assert_num_queries(0):
            response = server_error(request)

        soup = soup_of(response)
        assert soup.html["lang"] == "en"
        assert soup.select_one(".error-page h1").get_text(strip=True) == "Something went wrong"

    def test_crashing_page_is_answered_by_the_styled_500(self, client, site, monkeypatch):
        def crash(self, request, *args, **kwargs):
            raise RuntimeError("database is on fire")

        monkeypatch.setattr(HomePage, "serve", crash)
        client.raise_request_exception = False

        response = client.get("/de/")

        assert response.status_code == 500
        soup = soup_of(response)
        assert soup.select_one("main.error-page") is not None
        assert soup.html["lang"] == "de"
        assert "database is on fire" not in response.content.decode()


class TestDates:
    DATE = datetime.datetime(2025, 3, 5, 10, 30, tzinfo=datetime.UTC)

    def render(self, language):
        with translation.override(language):
            return Template('{{ d|date:"DATE_FORMAT" }}').render(Context({"d": self.DATE}))

    def test_date_format_per_language(self):
        assert self.render("de") == "5. März 2025"
        assert self.render("en") == "March 5, 2025"

    def test_search_results_show_the_date_in_the_visitors_language(
        self, client, en_home_page, home_page, translate
    ):
        german = StandardPageFactory(parent=home_page, title="Chemiepark Leuna", slug="leuna")
        english = translate(german, title="Chemical park Leuna", slug="leuna")
        type(german).objects.filter(pk__in=[german.pk, english.pk]).update(
            last_published_at=self.DATE
        )
        with translation.override("de"):
            german_url = reverse("search")
        with translation.override("en"):
            english_url = reverse("search")

        german_result = soup_of(client.get(german_url, {"q": "Chemiepark"}))
        english_result = soup_of(client.get(english_url, {"q": "Chemical"}))

        german_time = german_result.select_one(".search-result__meta time")
        english_time = english_result.select_one(".search-result__meta time")
        assert german_time.get_text() == "5. März 2025"
        assert english_time.get_text() == "March 5, 2025"
        assert german_time["datetime"] == "2025-03-05T11:30:00+01:00"
        assert german_result.select_one(".search-result__meta").text.startswith("Aktualisiert")
        assert english_result.select_one(".search-result__meta").text.startswith("Updated")
