"""Page types in the page tree and in the admin: where they may be created, that they
render, preview and edit, and that form errors reach the editor instead of failing silently.
"""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.urls import reverse

from wagtail.blocks import StructBlockValidationError
from wagtail.models import Locale, Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

import pytest

from home.factories import HomePageFactory, ProjectTeaserFactory, StandardPageFactory
from home.models import HomePage, ProjectTeaser, StandardPage
from portal.blocks import CallToActionBlock


class PageTreeRulesTests(WagtailPageTestCase):
    """Which page type may be created where."""

    @classmethod
    def setUpTestData(cls):
        cls.root = Page.get_first_root_node()
        cls.home = HomePage.objects.get(locale__language_code="de")

    def test_standard_page_is_created_under_home_and_standard_pages(self):
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanCreateAt(StandardPage, StandardPage)
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})

    def test_home_page_only_under_the_root(self):
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertCanNotCreateAt(StandardPage, HomePage)
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_subpage_types(self):
        # Under the home page: content pages and the one index page of each section app.
        index_pages = {
            apps.get_model(label)
            for label in (
                "clusters.ClusterIndexPage",
                "locations.LocationIndexPage",
                "events.EventIndexPage",
            )
        }
        self.assertAllowedSubpageTypes(HomePage, {StandardPage} | index_pages)
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})

    def test_no_second_home_page(self):
        self.assertTrue(HomePage.objects.exists())
        self.assertFalse(HomePage.can_create_at(self.root))
        # Without any home page (a fresh tree) one may be created at the root again, once.
        HomePage.objects.all().delete()
        root = Page.get_first_root_node()
        self.assertTrue(HomePage.can_create_at(root))
        new_home = HomePageFactory(parent=root, intro_heading="Neu")
        self.assertEqual(new_home.get_parent().pk, root.pk)
        self.assertFalse(HomePage.can_create_at(Page.get_first_root_node()))

    def test_admin_does_not_offer_a_second_home_page(self):
        self.login()
        add_home_url = reverse("wagtailadmin_pages:add", args=["home", "homepage", self.root.pk])
        # The root offers no creatable page type any more (it would redirect to the
        # HomePage form if that were the one type left).
        response = self.client.get(reverse("wagtailadmin_pages:add_subpage", args=[self.root.pk]))
        self.assertNotEqual(response.get("Location"), add_home_url)
        # Opening the form directly is refused (Wagtail's admin answers PermissionDenied with a
        # redirect to the dashboard).
        response = self.client.get(add_home_url)
        self.assertRedirects(response, reverse("wagtailadmin_home"), fetch_redirect_response=False)


class PageRenderingTests(WagtailPageTestCase):
    """Both page types render, preview and save through the admin edit form."""

    @classmethod
    def setUpTestData(cls):
        cls.home = HomePage.objects.get(locale__language_code="de")
        cls.home.intro_heading = "Net Works!"
        cls.home.quotes = [("quote", {"text": "Ein Zitat.", "name": "Erika Beispiel", "role": ""})]
        cls.home.save()
        cls.standard_page = StandardPageFactory(
            parent=cls.home,
            title="Entwicklung und Effekte von Clustern",
            body__0__heading__heading_text="Was ist ein Cluster?",
            body__1__paragraph__value="<p>Ein Netzwerk von Unternehmen.</p>",
            body__2__quote__text="Cluster wirken.",
            body__3__call_to_action__title="Mitmachen",
        )
        cls.editor = get_user_model().objects.create_superuser(
            "chefredaktion", "chefredaktion@example.org", "geheim-123"
        )

    def test_home_page_is_renderable(self):
        # (assertPageIsRoutable is not used: it routes the /de/ language prefix as a slug.)
        self.assertPageIsRenderable(self.home)
        response = self.client.get(self.home.url)
        self.assertContains(response, "Net Works!")
        self.assertContains(response, "Erika Beispiel")

    def test_standard_page_is_renderable_with_its_body(self):
        self.assertPageIsRenderable(self.standard_page)
        response = self.client.get(self.standard_page.url)
        self.assertContains(response, "<h2>Was ist ein Cluster?</h2>", html=True)
        self.assertContains(response, "<p>Ein Netzwerk von Unternehmen.</p>", html=True)
        self.assertContains(response, "Cluster wirken.")
        self.assertContains(response, 'href="https://example.org/flaechen/"')

    def edit_form_data(self, page, stream_fields):
        """The edit form's data as a browser would post it.

        StreamFields are rendered by JavaScript, so their inputs are missing from the
        server-side HTML that `querydict_from_html` reads; they are added from `stream_fields`.
        """
        self.client.force_login(self.editor)
        html = self.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content
        data = querydict_from_html(html.decode(), form_id="page-edit-form")
        for name, items in stream_fields.items():
            for key, value in nested_form_data({name: streamfield(items)}).items():
                data[key] = value
        return data

    def home_form_data(self):
        quote = {"text": "Ein Zitat.", "name": "Erika Beispiel", "role": ""}
        return self.edit_form_data(self.home, {"quotes": [("quote", quote)]})

    def standard_form_data(self):
        return self.edit_form_data(
            self.standard_page,
            {
                "body": [
                    ("heading", {"heading_text": "Was ist ein Cluster?", "size": "h2"}),
                    ("paragraph", rich_text("<p>Ein Netzwerk von Unternehmen.</p>")),
                ]
            },
        )

    def test_pages_are_previewable(self):
        self.assertPageIsPreviewable(self.home, post_data=self.home_form_data(), user=self.editor)
        self.assertPageIsPreviewable(
            self.standard_page, post_data=self.standard_form_data(), user=self.editor
        )

    def test_pages_are_editable(self):
        self.assertPageIsEditable(self.home, post_data=self.home_form_data(), user=self.editor)
        self.assertPageIsEditable(
            self.standard_page, post_data=self.standard_form_data(), user=self.editor
        )

    def test_edit_form_publishes_a_changed_title(self):
        data = self.standard_form_data()
        data["title"] = "Cluster in Mitteldeutschland"
        data["action-publish"] = "action-publish"
        response = self.client.post(
            reverse("wagtailadmin_pages:edit", args=[self.standard_page.pk]), data
        )
        self.assertEqual(response.status_code, 302)
        self.standard_page.refresh_from_db()
        self.assertEqual(self.standard_page.title, "Cluster in Mitteldeutschland")
        self.assertEqual(self.standard_page.body[1].block_type, "paragraph")


@pytest.mark.django_db
def test_admin_creates_and_publishes_a_standard_page(admin_logged_in_client, home_page):
    """The add form with a StreamField body: the page is created live with both blocks."""
    data = nested_form_data(
        {
            "title": "Über uns",
            "slug": "ueber-uns",
            "intro": "Der Verein stellt sich vor.",
            "body": streamfield(
                [
                    ("heading", {"heading_text": "Wer wir sind", "size": "h2"}),
                    ("paragraph", rich_text("<p>Ein Verein von Städten und Unternehmen.</p>")),
                ]
            ),
            "comments": inline_formset([]),
        }
    )
    data["action-publish"] = "action-publish"
    url = reverse("wagtailadmin_pages:add", args=["home", "standardpage", home_page.pk])

    response = admin_logged_in_client.post(url, data)

    assert response.status_code == 302, response.context and response.context["form"].errors
    assert response["Location"] == reverse("wagtailadmin_explore", args=[home_page.pk])
    page = StandardPage.objects.get(slug="ueber-uns")
    assert page.live
    assert page.get_parent().pk == home_page.pk
    assert page.locale.language_code == "de"
    assert [block.block_type for block in page.body] == ["heading", "paragraph"]
    assert page.body[0].value["heading_text"] == "Wer wir sind"
    public = admin_logged_in_client.get("/de/ueber-uns/")
    assert public.status_code == 200
    assert "Ein Verein von Städten und Unternehmen." in public.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("external_url", "accepted"), [("", False), ("https://example.org/mitmachen/", True)]
)
def test_admin_validates_the_call_to_action_target(
    admin_logged_in_client, home_page, external_url, accepted
):
    """A call to action with neither page nor address is a form error on the body; the same
    form with an address is saved."""
    data = nested_form_data(
        {
            "title": "Mitmachen",
            "slug": "mitmachen",
            "body": streamfield(
                [
                    (
                        "call_to_action",
                        {
                            "title": "Jetzt mitmachen",
                            "text": "",
                            "page": "",
                            "external_url": external_url,
                            "button_label": "Los",
                        },
                    )
                ]
            ),
            "comments": inline_formset([]),
        }
    )
    data["action-publish"] = "action-publish"
    url = reverse("wagtailadmin_pages:add", args=["home", "standardpage", home_page.pk])

    response = admin_logged_in_client.post(url, data)

    if accepted:
        assert response.status_code == 302
        assert StandardPage.objects.get(slug="mitmachen").live
    else:
        assert response.status_code == 200
        (body_error,) = response.context["form"].errors.as_data()["body"]
        block_error = body_error.block_errors[0]
        assert set(block_error.block_errors) == {"page", "external_url"}
        assert not StandardPage.objects.filter(slug="mitmachen").exists()


class TestCallToActionBlock:
    def test_neither_page_nor_address_is_invalid(self):
        block = CallToActionBlock()
        value = block.to_python(
            {
                "title": "Mitmachen",
                "text": "",
                "page": None,
                "external_url": "",
                "button_label": "Los",
            }
        )
        with pytest.raises(StructBlockValidationError) as excinfo:
            block.clean(value)
        assert set(excinfo.value.block_errors) == {"page", "external_url"}

    @pytest.mark.django_db
    def test_both_page_and_address_are_invalid(self, home_page):
        block = CallToActionBlock()
        value = block.to_python(
            {
                "title": "Mitmachen",
                "page": home_page.pk,
                "external_url": "https://example.org/",
                "button_label": "Los",
            }
        )
        with pytest.raises(StructBlockValidationError):
            block.clean(value)

    def test_an_external_address_alone_is_valid(self):
        block = CallToActionBlock()
        value = block.to_python(
            {"title": "Mitmachen", "external_url": "https://example.org/", "button_label": "Los"}
        )
        cleaned = block.clean(value)
        assert cleaned.url() == "https://example.org/"


@pytest.mark.django_db
def test_snippet_form_shows_error_for_both_links(admin_logged_in_client, home_page, de_locale):
    """Both an internal page and an external address: the add view re-renders with errors."""
    url = reverse("wagtailsnippets_home_projectteaser:add") + "?locale=de"
    data = {
        "name": "Clusterkonferenz",
        "logo": "",
        "logo_alt_text": "",
        "short_text": "",
        "link_page": str(home_page.pk),
        "link_url": "https://example.org/",
        "sort_order": "10",
        "locale": str(de_locale.pk),
        "action-publish": "action-publish",
    }

    response = admin_logged_in_client.post(url, data)

    assert response.status_code == 200
    form = response.context["form"]
    message = "Choose either an internal page or an external address, not both."
    german = "Wählen Sie entweder eine interne Seite oder eine externe Adresse, nicht beides."
    errors = form.errors.get("link_url", []) + form.errors.get("link_page", [])
    assert errors and all(error in (message, german) for error in errors)
    assert not ProjectTeaser.objects.filter(name="Clusterkonferenz").exists()


@pytest.mark.django_db
def test_snippet_form_creates_a_teaser_with_one_link(admin_logged_in_client, de_locale):
    url = reverse("wagtailsnippets_home_projectteaser:add") + "?locale=de"
    data = {
        "name": "Clusterkonferenz",
        "link_page": "",
        "link_url": "https://example.org/",
        "sort_order": "10",
        "locale": str(de_locale.pk),
        "action-publish": "action-publish",
    }

    response = admin_logged_in_client.post(url, data)

    assert response.status_code == 302
    teaser = ProjectTeaser.objects.get(name="Clusterkonferenz")
    assert teaser.live
    assert teaser.locale == Locale.get_default()


@pytest.mark.django_db
def test_project_teaser_preview_renders(admin_logged_in_client):
    teaser = ProjectTeaserFactory(name="Vorschauprojekt", logo=None)
    url = reverse("wagtailsnippets_home_projectteaser:preview_on_edit", args=[teaser.pk])
    data = {
        "name": "Vorschauprojekt",
        "link_page": "",
        "link_url": "https://example.org/",
        "sort_order": "10",
    }
    response = admin_logged_in_client.post(url, data)
    assert response.json() == {"is_valid": True, "is_available": True}
    response = admin_logged_in_client.get(url)
    assert response.status_code == 200
    assert "Vorschauprojekt" in response.content.decode()
