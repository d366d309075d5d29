"""Project teasers (validation, order, language fallback) and the portal settings
(validation, main menu, footer links and social media in the visitor's language).
"""

from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from wagtail.test.utils.form_data import inline_formset, nested_form_data

import pytest
from bs4 import BeautifulSoup

from home.factories import (
    FooterLinkFactory,
    MainMenuItemFactory,
    ProjectTeaserFactory,
    StandardPageFactory,
)
from home.models import ProjectTeaser
from portal.factories import (
    ContactPersonFactory,
    FederalStateFactory,
    PortalSettingsFactory,
    SocialLinkFactory,
)
from portal.models import FederalState, PortalSettings

pytestmark = pytest.mark.django_db


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


class TestProjectTeaserValidation:
    def test_both_links_are_rejected_on_both_fields(self, home_page):
        teaser = ProjectTeaserFactory.build(link_page=home_page, link_url="https://example.org/")
        with pytest.raises(ValidationError) as excinfo:
            teaser.clean()
        assert set(excinfo.value.message_dict) == {"link_page", "link_url"}

    def test_one_link_or_none_is_fine(self, home_page):
        ProjectTeaserFactory.build(link_page=home_page, link_url="").clean()
        ProjectTeaserFactory.build(link_page=None, link_url="https://example.org/").clean()
        ProjectTeaserFactory.build(link_page=None, link_url="").clean()

    def test_url_and_alt_text(self, home_page, site):
        internal = ProjectTeaserFactory(name="Intern", link_page=home_page)
        external = ProjectTeaserFactory(name="Extern", link_url="https://example.org/", logo=None)
        assert internal.url == "/de/"
        assert external.url == "https://example.org/"
        assert internal.logo_alt == "Intern"
        external.logo_alt_text = "Logo von Extern"
        assert external.logo_alt == "Logo von Extern"
        assert str(external) == "Extern"


class TestForDisplay:
    def test_live_teasers_in_sort_order_then_name(self):
        ProjectTeaserFactory(name="Beta", sort_order=20, logo=None)
        ProjectTeaserFactory(name="Alpha", sort_order=20, logo=None)
        ProjectTeaserFactory(name="Erster", sort_order=1, logo=None)
        ProjectTeaserFactory(name="Entwurf", sort_order=0, logo=None, live=False)

        with translation.override("de"):
            names = [t.name for t in ProjectTeaser.for_display()]

        assert names == ["Erster", "Alpha", "Beta"]

    def test_english_translation_replaces_the_german_teaser_in_place(self, en_locale):
        first = ProjectTeaserFactory(name="Erstes Projekt", sort_order=10, logo=None)
        ProjectTeaserFactory(name="Zweites Projekt", sort_order=20, logo=None)
        english = first.copy_for_translation(en_locale)
        english.name = "First project"
        english.save()

        with translation.override("en"):
            in_english = [(t.name, t.locale.language_code) for t in ProjectTeaser.for_display()]
        with translation.override("de"):
            in_german = [t.name for t in ProjectTeaser.for_display()]

        assert in_english == [("First project", "en"), ("Zweites Projekt", "de")]
        assert in_german == ["Erstes Projekt", "Zweites Projekt"]

    def test_english_only_teaser_is_not_shown_in_german(self, en_locale):
        ProjectTeaserFactory(name="Only English", locale=en_locale, logo=None)

        with translation.override("de"):
            assert ProjectTeaser.for_display() == []
        with translation.override("en"):
            assert [t.name for t in ProjectTeaser.for_display()] == ["Only English"]

    def test_link_to_a_draft_page_is_dropped(self, home_page):
        draft = StandardPageFactory(parent=home_page, title="Entwurf", live=False)
        ProjectTeaserFactory(name="Mit Entwurf", link_page=draft, logo=None)

        with translation.override("de"):
            (teaser,) = ProjectTeaser.for_display()

        assert teaser.link_page is None
        assert not teaser.url

    def test_link_page_is_localized(self, en_home_page, home_page, translate, site):
        about = StandardPageFactory(parent=home_page, title="Über uns", slug="ueber-uns")
        translate(about, title="About us", slug="about-us")
        ProjectTeaserFactory(name="Verein", link_page=about, logo=None)

        with translation.override("en"):
            (teaser,) = ProjectTeaser.for_display()
            assert teaser.link_page.title == "About us"
            assert teaser.url == "/en/about-us/"

    def test_query_count_is_fixed(self, django_assert_num_queries, home_page):
        def count(n):
            ProjectTeaser.objects.all().delete()
            for i in range(n):
                ProjectTeaserFactory(link_page=home_page if i % 2 else None)
            for teaser in ProjectTeaser.objects.select_related("logo"):
                teaser.logo.get_rendition("fill-300x200-c0|format-png")  # made once, on upload
            # Teasers, logo renditions, localized link pages (languages come from settings).
            with translation.override("de"), django_assert_num_queries(3) as captured:
                teasers = ProjectTeaser.for_display()
                for teaser in teasers:
                    _ = teaser.logo.title, teaser.locale.language_code, teaser.link_page
                    _ = teaser.logo.get_rendition("fill-300x200-c0|format-png")
            assert len(teasers) == n
            return len(captured)

        assert count(2) == count(12)


class TestPortalSettingsValidation:
    @pytest.fixture
    def portal_settings(self, site):
        return PortalSettingsFactory()

    @pytest.mark.parametrize("postcode", ["1234", "041099", "O4109", "04 10", "D-04109"])
    def test_bad_postcode(self, portal_settings, postcode):
        portal_settings.postcode = postcode
        with pytest.raises(ValidationError) as excinfo:
            portal_settings.clean()
        assert set(excinfo.value.message_dict) == {"postcode"}

    @pytest.mark.parametrize("phone", ["+49 341 abc", "0341;600", "+49 341 600 16-0 ext. 2"])
    def test_bad_phone(self, portal_settings, phone):
        portal_settings.phone = phone
        with pytest.raises(ValidationError) as excinfo:
            portal_settings.clean()
        assert set(excinfo.value.message_dict) == {"phone"}

    def test_good_values(self, portal_settings):
        portal_settings.postcode = "04109"
        portal_settings.phone = "+49 341 / 600 16-0"
        portal_settings.clean()
        portal_settings.phone = "(0341) 600 16-0"
        portal_settings.clean()
        portal_settings.postcode = ""
        portal_settings.phone = ""
        portal_settings.clean()

    def test_phone_link(self, portal_settings):
        portal_settings.phone = "+49 341 600 16-0"
        assert portal_settings.phone_href == "tel:+49341600160"
        portal_settings.phone = "0341 / 600 16-0"
        assert portal_settings.phone_href == "tel:0341600160"

    def test_phone_link_drops_the_trunk_prefix(self, portal_settings):
        # clean() accepts "+49 (0)341 …", a common German notation. The "(0)" is the national
        # trunk prefix and is not dialled after +49: the link must be tel:+49341…, not
        # tel:+490341…, which reaches no one.
        portal_settings.phone = "+49 (0)341 600 16-0"
        portal_settings.clean()
        assert portal_settings.phone_href == "tel:+49341600160"

    def test_admin_form_shows_the_postcode_error(self, admin_logged_in_client, site):
        url = reverse("wagtailsettings:edit", args=["portal", "portalsettings", site.pk])
        data = nested_form_data(
            {
                "organisation_name": "EMMD e.V.",
                "postcode": "123",
                "city": "Leipzig",
                "phone": "",
                "email": "",
                "main_menu_items": inline_formset([]),
                "footer_links": inline_formset([]),
                "social_links": inline_formset([]),
            }
        )

        response = admin_logged_in_client.post(url, data)

        assert response.status_code == 200
        assert "postcode" in response.context["form"].errors
        assert not PortalSettings.objects.filter(postcode="123").exists()


class TestContactPerson:
    """Contact persons share the phone validation and `tel:` link of the portal settings."""

    def test_bad_phone_is_rejected(self):
        contact = ContactPersonFactory.build(phone="0341 600 16-0 (Zentrale) ext.")
        with pytest.raises(ValidationError) as excinfo:
            contact.clean()
        assert set(excinfo.value.message_dict) == {"phone"}

    def test_phone_link_and_name(self):
        contact = ContactPersonFactory(
            name="Dr. Max Muster", organisation="Muster AG", phone="+49 341 600 16-0"
        )
        contact.clean()
        assert contact.phone_href == "tel:+49341600160"
        assert str(contact) == "Dr. Max Muster (Muster AG)"

    def test_phone_link_drops_the_trunk_prefix(self):
        contact = ContactPersonFactory.build(phone="+49 (0)341 600 16-0")
        contact.clean()
        assert contact.phone_href == "tel:+49341600160"

    def test_federal_states_exist(self):
        assert FederalStateFactory(code="TH").pk == FederalState.objects.get(code="TH").pk
        assert FederalState.objects.count() == 3


class TestMenuAndFooter:
    @pytest.fixture
    def pages(self, home_page, en_home_page, translate):
        about = StandardPageFactory(parent=home_page, title="Über uns", slug="ueber-uns")
        translate(about, title="About us", slug="about-us")
        clusters = StandardPageFactory(parent=home_page, title="Cluster", slug="cluster")
        imprint = StandardPageFactory(parent=home_page, title="Impressum", slug="impressum")
        translate(imprint, title="Legal notice", slug="legal-notice")
        privacy = StandardPageFactory(parent=home_page, title="Datenschutz", slug="datenschutz")
        draft = StandardPageFactory(parent=home_page, title="Entwurf", slug="entwurf", live=False)
        portal_settings = PortalSettingsFactory()
        for order, page in enumerate([clusters, about, draft]):
            MainMenuItemFactory(settings=portal_settings, page=page, sort_order=order)
        for order, page in enumerate([imprint, privacy, draft]):
            FooterLinkFactory(settings=portal_settings, page=page, sort_order=order)
        SocialLinkFactory(settings=portal_settings, platform="linkedin", sort_order=0)
        SocialLinkFactory(
            settings=portal_settings, platform="mastodon", url="https://social.example/@emmd"
        )
        return {"about": about, "clusters": clusters}

    @staticmethod
    def links(soup, selector):
        return [(a.get_text(strip=True), a["href"]) for a in soup.select(selector)]

    def test_german_menu_and_footer(self, client, pages):
        soup = soup_of(client.get("/de/"))

        assert self.links(soup, ".main-menu__list a") == [
            ("Cluster", "/de/cluster/"),
            ("Über uns", "/de/ueber-uns/"),
        ]
        assert self.links(soup, ".site-footer__links a") == [
            ("Impressum", "/de/impressum/"),
            ("Datenschutz", "/de/datenschutz/"),
        ]

    def test_english_menu_and_footer_use_translated_titles(self, client, pages):
        soup = soup_of(client.get("/en/"))

        # Pages not yet translated link to the German source, marked for the fallback note.
        assert self.links(soup, ".main-menu__list a") == [
            ("Cluster", "/de/cluster/?from=en"),
            ("About us", "/en/about-us/"),
        ]
        assert self.links(soup, ".site-footer__links a") == [
            ("Legal notice", "/en/legal-notice/"),
            ("Datenschutz", "/de/datenschutz/?from=en"),
        ]

    def test_current_page_is_marked_in_the_menu(self, client, pages):
        soup = soup_of(client.get("/de/ueber-uns/"))

        current = soup.select('.main-menu__list a[aria-current="page"]')
        assert [a["href"] for a in current] == ["/de/ueber-uns/"]

    def test_contact_and_social_links(self, client, pages):
        soup = soup_of(client.get("/de/"))

        address = soup.select_one(".site-footer address").get_text(" ", strip=True)
        assert "Schillerstraße 5" in address
        assert "04109 Leipzig" in address
        phone = soup.select_one('.site-footer address a[href^="tel:"]')
        assert phone["href"] == "tel:+49341600160"
        assert phone.get_text() == "+49 341 600 16-0"
        assert soup.select_one('.site-footer address a[href^="mailto:"]')["href"] == (
            "mailto:info@example.org"
        )
        social = [
            a.find(string=True, recursive=False) for a in soup.select(".site-footer__social a")
        ]
        assert social == ["LinkedIn", "Mastodon"]
        assert soup.select(".site-footer__social a")[1]["href"] == "https://social.example/@emmd"

    def test_menu_queries_do_not_grow_with_entries(self, client, pages, home_page):
        client.get("/de/")
        with CaptureQueriesContext(connection) as before:
            client.get("/de/")
        portal_settings = PortalSettings.objects.get()
        for i in range(5):
            page = StandardPageFactory(parent=home_page, title=f"Menüpunkt {i}")
            MainMenuItemFactory(settings=portal_settings, page=page, sort_order=10 + i)
            FooterLinkFactory(settings=portal_settings, page=page, sort_order=10 + i)
        client.get("/de/")
        with CaptureQueriesContext(connection) as after:
            response = client.get("/de/")

        assert len(soup_of(response).select(".main-menu__list a")) == 7
        assert len(after) == len(before)
