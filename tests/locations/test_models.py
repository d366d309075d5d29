"""The pool's page types: tree rules, rendering in the admin, validation of the map point."""

from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.urls import reverse

from wagtail.documents.models import Document
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

import pytest

from home.models import HomePage, StandardPage
from locations.factories import (
    LocationGalleryImageFactory,
    LocationIndexPageFactory,
    LocationPageFactory,
)
from locations.models import LocationIndexPage, LocationPage, format_point, parse_point
from portal.models import FederalState


class LocationPageTypeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = HomePage.objects.get(locale__language_code="de")
        cls.pool = LocationIndexPageFactory(parent=cls.home, kind="site", slug="gewerbeflaechen")
        cls.halls = LocationIndexPageFactory(parent=cls.home, kind="hall", slug="hallenobjekte")
        cls.location = LocationPageFactory(
            parent=cls.pool,
            title="Industriepark Espenhain",
            federal_state=FederalState.objects.get(code="SN"),
            description__0__paragraph__value="<p>Gleisanschluss vorhanden.</p>",
        )
        cls.editor = get_user_model().objects.create_superuser(
            "standorte", "standorte@example.org", "geheim-123"
        )

    def test_tree_rules(self):
        self.assertCanCreateAt(HomePage, LocationIndexPage)
        self.assertCanCreateAt(LocationIndexPage, LocationPage)
        self.assertCanNotCreateAt(HomePage, LocationPage)
        self.assertCanNotCreateAt(StandardPage, LocationIndexPage)
        self.assertCanNotCreateAt(LocationPage, LocationPage)
        self.assertAllowedParentPageTypes(LocationIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(LocationIndexPage, {LocationPage})
        self.assertAllowedParentPageTypes(LocationPage, {LocationIndexPage})
        self.assertAllowedSubpageTypes(LocationPage, set())

    def test_pages_render(self):
        self.assertPageIsRenderable(self.pool)
        self.assertPageIsRenderable(self.pool, route_path="/karte/")
        self.assertPageIsRenderable(self.location)
        response = self.client.get(self.location.url)
        self.assertContains(response, "Industriepark Espenhain")
        self.assertContains(response, "Gleisanschluss vorhanden.")
        self.assertContains(response, "openstreetmap.org/directions")

    def test_kind_follows_the_pool(self):
        hall = LocationPageFactory(parent=self.halls, floor_space_m2=12_000)
        self.assertEqual(hall.kind, "hall")
        self.assertEqual(hall.area_m2, 12_000)
        self.assertEqual(self.location.kind, "site")
        self.assertEqual(self.location.area_m2, 85_000)  # 8.5 ha available

    def test_map_url(self):
        self.assertEqual(self.pool.get_map_url(), "/de/gewerbeflaechen/karte/")
        response = self.client.get("/de/gewerbeflaechen/map/")
        self.assertRedirects(response, "/de/gewerbeflaechen/karte/", status_code=301)

    def form_data(self, page, **overrides):
        self.client.force_login(self.editor)
        html = self.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content
        data = querydict_from_html(html.decode(), form_id="page-edit-form")
        stream = {"description": streamfield([("paragraph", rich_text("<p>Frei.</p>"))])}
        data.update(nested_form_data(stream))
        for key, value in overrides.items():
            data[key] = value
        return data

    def test_previewable_and_editable(self):
        self.assertPageIsPreviewable(
            self.location, post_data=self.form_data(self.location), user=self.editor
        )
        self.assertPageIsEditable(
            self.location, post_data=self.form_data(self.location), user=self.editor
        )
        self.assertPageIsPreviewable(
            self.pool, post_data=self.form_data(self.pool), user=self.editor
        )
        self.assertPageIsEditable(self.pool, post_data=self.form_data(self.pool), user=self.editor)

    def test_admin_rejects_a_point_outside_the_region(self):
        # Swapped coordinates (lng, lat typed the wrong way round) land in Ethiopia.
        data = self.form_data(self.location, location="SRID=4326;POINT(51.3 12.4)")
        response = self.client.post(
            reverse("wagtailadmin_pages:edit", args=[self.location.pk]), data
        )
        self.assertEqual(response.status_code, 200)
        form = response.context["form"]
        self.assertIn("location", form.errors)
        self.assertIn("weit außerhalb", str(form.errors["location"]))

    def test_admin_edit_form_uses_the_map_widgets(self):
        self.client.force_login(self.editor)
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[self.location.pk]))
        self.assertContains(response, 'data-controller="leaflet-field"')
        self.assertContains(response, 'data-controller="geocoder-field"')
        # Centred on the region, not on wagtailgeowidget's default (Stockholm).
        self.assertContains(response, "51.34")
        self.assertNotContains(response, "59.3293")
        # Leaflet comes from the project's static files, not from a CDN.
        self.assertContains(response, "locations/vendor/leaflet/leaflet.js")
        self.assertNotContains(response, "unpkg.com")


@pytest.mark.django_db
def test_admin_creates_and_publishes_a_location(admin_logged_in_client, sites_pool, states):
    url = reverse("wagtailadmin_pages:add", args=["locations", "locationpage", sites_pool.pk])
    data = nested_form_data(
        {
            "title": "Gewerbegebiet Großkayna",
            "slug": "grosskayna",
            "summary": "Am Geiseltalsee.",
            "street": "",
            "postcode": "06242",
            "city": "Braunsbedra",
            "district": "Saalekreis",
            "federal_state": states["ST"].pk,
            "address": "Braunsbedra",
            "location": "SRID=4326;POINT(11.935 51.305)",
            "total_area_ha": "47.1",
            "available_area_ha": "21.9",
            "zoning": "GI",
            "price_per_m2": "10.00",
            "motorway_name": "A38",
            "distance_motorway_km": "6",
            "description": streamfield([("paragraph", rich_text("<p>Erschlossen.</p>"))]),
            "gallery_images": inline_formset([]),
            "comments": inline_formset([]),
        }
    )
    data["action-publish"] = "publish"
    response = admin_logged_in_client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    page = LocationPage.objects.get(slug="grosskayna")
    assert page.live
    assert (page.latitude, page.longitude) == (51.305, 11.935)
    assert page.kind == "site"
    assert page.area_m2 == 219_000


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("location", "message"),
    [
        ("", "Setzen Sie die Markierung"),
        ("POINT(12 51)", "Setzen Sie die Markierung"),
        ("SRID=4326;POINT(12.4 91)", "zwischen -90 und 90"),
        ("SRID=4326;POINT(181 51)", "zwischen -90 und 90"),
        ("SRID=4326;POINT(18.07 59.33)", "weit außerhalb"),  # Stockholm
        ("SRID=4326;POINT(13.40 52.52)", None),  # Berlin: close enough to the margin
        ("SRID=4326;POINT(12.375 51.34)", None),
    ],
)
def test_clean_checks_the_point(sites_pool, states, location, message):
    page = LocationPage(
        title="Test",
        slug="test",
        city="Leipzig",
        federal_state=states["SN"],
        location=location,
        zoning="GE",
    )
    if message is None:
        sites_pool.add_child(instance=page)  # saving a page runs full_clean()
        return
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert message in str(error.value.message_dict["location"])


@pytest.mark.django_db
def test_clean_checks_areas_price_and_expose(make_site):
    page = make_site()
    page.available_area_ha = Decimal("30")
    page.total_area_ha = Decimal("20")
    page.price_on_request = True
    page.postcode = "4109"
    page.expose = Document.objects.create(
        title="Exposé", file=ContentFile(b"text", name="expose.txt")
    )
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert set(error.value.message_dict) == {
        "available_area_ha",
        "price_on_request",
        "postcode",
        "expose",
    }


def test_point_helpers():
    assert parse_point(format_point(51.34, 12.375)) == (51.34, 12.375)
    assert parse_point("SRID=4326;POINT(-1.5 -2.25)") == (-2.25, -1.5)
    assert parse_point("nonsense") is None
    assert parse_point(None) is None


@pytest.mark.django_db
def test_gallery_renders_with_the_image_description_as_alt_text(make_site, client):
    page = make_site()
    item = LocationGalleryImageFactory(page=page, image__description="Luftbild der Fläche")
    response = client.get(page.url)
    assert response.status_code == 200
    assert 'alt="Luftbild der Fläche"' in response.content.decode()
    assert item.image.title


@pytest.mark.django_db
def test_translation_keeps_the_facts(make_site, en_home_page, translate, sites_pool):
    page = make_site(latitude=51.5, longitude=12.1)
    english_pool = translate(sites_pool, title="Commercial sites", slug="commercial-sites")
    english = translate(page, title="An English title")
    assert english.get_parent().pk == english_pool.pk
    assert (english.latitude, english.longitude) == (51.5, 12.1)
    assert english.kind == "site"
    assert Page.objects.get(pk=english.pk).url == f"/en/commercial-sites/{page.slug}/"
