"""Creation rules, rendering, preview and editing of the cluster page types (Wagtail's own
test helpers), and the validation editors see on the fields."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

import pytest

from clusters.factories import (
    ClusterFigureFactory,
    ClusterIndexPageFactory,
    ClusterNetworkFactory,
    ClusterPageFactory,
    SectorFactory,
)
from clusters.models import ClusterFigure, ClusterIndexPage, ClusterNetwork, ClusterPage
from home.models import HomePage, StandardPage
from portal.factories import ImageFactory
from quotes.factories import QuoteFactory
from quotes.models import Quote


class ClusterPageTypesTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = HomePage.objects.get(locale__language_code="de")
        cls.index = ClusterIndexPageFactory(parent=cls.home, slug="cluster")
        cls.cluster = ClusterPageFactory(
            parent=cls.index, title="Chemie/Kunststoffe", federal_states=["ST", "SN"]
        )
        ClusterFigureFactory(page=cls.cluster)
        ClusterNetworkFactory(page=cls.cluster, name="CeChemNet")

        cls.editor = get_user_model().objects.create_superuser(
            "clusterredaktion", "clusterredaktion@example.org", "geheim-123"
        )

    def test_creation_rules(self):
        self.assertCanCreateAt(HomePage, ClusterIndexPage)
        self.assertCanCreateAt(ClusterIndexPage, ClusterPage)
        self.assertCanNotCreateAt(HomePage, ClusterPage)
        self.assertCanNotCreateAt(StandardPage, ClusterPage)
        self.assertCanNotCreateAt(ClusterPage, ClusterPage)
        self.assertCanNotCreateAt(ClusterIndexPage, StandardPage)
        self.assertAllowedParentPageTypes(ClusterIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(ClusterPage, {ClusterIndexPage})
        self.assertAllowedSubpageTypes(ClusterIndexPage, {ClusterPage})
        self.assertAllowedSubpageTypes(ClusterPage, set())

    def edit_form_data(self, page, body):
        """The edit form's data as a browser posts it; StreamField inputs are rendered by
        JavaScript, so the body is added from `body`."""
        self.client.force_login(self.editor)
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert response.status_code == 200, (response.status_code, response.get("Location"))
        html = response.content
        data = querydict_from_html(html.decode(), form_id="page-edit-form")
        for key, value in nested_form_data({"body": streamfield(body)}).items():
            data[key] = value
        return data

    def test_pages_are_renderable(self):
        self.assertPageIsRenderable(self.index)
        self.assertPageIsRenderable(self.cluster)

    def test_pages_are_previewable_and_editable(self):
        body = [("paragraph", rich_text("<p>Wertschöpfungsketten statt Grenzen.</p>"))]
        for page in (self.index, self.cluster):
            data = self.edit_form_data(page, body)
            self.assertPageIsPreviewable(page, post_data=data, user=self.editor)
            self.assertPageIsEditable(page, post_data=data, user=self.editor)


pytestmark = pytest.mark.django_db


def test_cluster_page_requires_alt_text_with_images(cluster_index):
    page = ClusterPageFactory(parent=cluster_index)
    page.hero_image = ImageFactory()
    page.teaser_image = ImageFactory()
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert set(error.value.message_dict) >= {"hero_alt_text", "teaser_alt_text"}
    page.hero_alt_text = "Chemiepark Leuna aus der Luft"
    page.teaser_alt_text = "Rohrleitungen im Chemiepark"
    page.full_clean()


def test_cluster_page_requires_a_sector(cluster_index):
    page = ClusterPageFactory(parent=cluster_index)
    page.sector = None
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "sector" in error.value.message_dict


def test_figure_other_needs_a_label_and_a_plausible_year(cluster_index):
    page = ClusterPageFactory(parent=cluster_index)
    figure = ClusterFigure(
        page=page, kind=ClusterFigure.Kind.OTHER, value=3, source="Clusteratlas", year=2204
    )
    with pytest.raises(ValidationError) as error:
        figure.full_clean(exclude=["locale", "translation_key"])
    assert set(error.value.message_dict) == {"label", "year"}
    figure.label = "Patente"
    figure.year = 2019
    figure.full_clean(exclude=["locale", "translation_key"])
    assert figure.display_label == "Patente"
    assert ClusterFigure(kind="employees").display_label == "Beschäftigte"


def test_network_founding_year_is_checked(cluster_index):
    network = ClusterNetwork(
        page=ClusterPageFactory(parent=cluster_index), name="OptoNet", founded=1066
    )
    with pytest.raises(ValidationError) as error:
        network.full_clean(exclude=["locale", "translation_key"])
    assert "founded" in error.value.message_dict


def test_quote_needs_alt_text_for_portrait_and_one_link(home_page):
    quote = QuoteFactory.build(portrait=ImageFactory(), link_page=home_page)
    quote.link_url = "https://example.org/"
    with pytest.raises(ValidationError) as error:
        quote.full_clean()
    assert set(error.value.message_dict) == {"portrait_alt_text", "link_page", "link_url"}


def test_sector_short_name_is_unique_per_language(db):
    SectorFactory(slug="chemie", name="Chemie")
    duplicate = Sector = SectorFactory.build(slug="chemie", name="Chemie 2")
    with pytest.raises(ValidationError) as error:
        Sector.full_clean()
    assert "slug" in error.value.message_dict
    assert duplicate.slug == "chemie"


def test_quote_names_and_structured_data(db):
    quote = QuoteFactory(
        academic_title="Dr.-Ing.",
        name="Joachim Löffler",
        role="",
        organisation="KUMATEC Sondermaschinenbau & Kunststoffverarbeitung GmbH",
    )
    assert quote.full_name == "Dr.-Ing. Joachim Löffler"
    assert quote.attribution == "KUMATEC Sondermaschinenbau & Kunststoffverarbeitung GmbH"
    data = quote.structured_data()
    assert data["@type"] == "Quotation"
    assert data["creator"]["name"] == "Dr.-Ing. Joachim Löffler"
    assert data["creator"]["affiliation"]["name"].startswith("KUMATEC")
    assert data["inLanguage"] == "de"
    assert isinstance(Quote.objects.get(pk=quote.pk), Quote)
