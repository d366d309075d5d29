"""List and map views: filters, sorting, pagination, notices for ignored input, query counts."""

import re

from django.urls import reverse

import pytest

from locations.factories import LocationPageFactory
from locations.views import PER_PAGE

pytestmark = pytest.mark.django_db

LIST = "/de/gewerbeflaechen/"
MAP = "/de/gewerbeflaechen/karte/"


def titles(response):
    return [item.title for item in response.context["results"]]


def test_list_shows_every_live_site_and_no_draft(client, sample_sites, make_site):
    draft = make_site(title="Entwurf")
    draft.unpublish()
    response = client.get(LIST)
    assert response.status_code == 200
    assert sorted(titles(response)) == sorted(site.title for site in sample_sites)
    assert response.context["result_count"] == 3
    assert "Entwurf" not in response.content.decode()
    assert "3 Objekte gefunden" in response.content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("state=ST", {"Großkayna-Frankleben"}),
        ("state=SN&state=TH", {"Industriepark Espenhain", "Technologiepark Jena"}),
        ("zoning=GI", {"Industriepark Espenhain"}),
        ("zoning=GE&zoning=SO", {"Großkayna-Frankleben", "Technologiepark Jena"}),
        ("area_min=10", {"Industriepark Espenhain", "Großkayna-Frankleben"}),
        ("area_max=15", {"Industriepark Espenhain", "Technologiepark Jena"}),
        ("area_min=10&area_max=15", {"Industriepark Espenhain"}),
        ("available_now=1", {"Industriepark Espenhain", "Großkayna-Frankleben"}),
        ("place=saalekreis", {"Großkayna-Frankleben"}),
        ("place=Jena", {"Technologiepark Jena"}),
        ("q=espenhain", {"Industriepark Espenhain"}),
        ("q=R%C3%B6tha", {"Industriepark Espenhain"}),
        ("q=nichts", set()),
    ],
)
def test_filters(client, sample_sites, query, expected):
    response = client.get(f"{LIST}?{query}")
    assert response.status_code == 200
    assert set(titles(response)) == expected
    assert response.context["notices"] == []


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("area_desc", ["Großkayna-Frankleben", "Industriepark Espenhain", "Technologiepark Jena"]),
        ("area_asc", ["Technologiepark Jena", "Industriepark Espenhain", "Großkayna-Frankleben"]),
        ("city", ["Großkayna-Frankleben", "Technologiepark Jena", "Industriepark Espenhain"]),
        # "On request" comes last whichever way prices are sorted.
        ("price_asc", ["Industriepark Espenhain", "Technologiepark Jena", "Großkayna-Frankleben"]),
        ("price_desc", ["Technologiepark Jena", "Industriepark Espenhain", "Großkayna-Frankleben"]),
    ],
)
def test_sorting(client, sample_sites, sort, expected):
    assert titles(client.get(f"{LIST}?sort={sort}")) == expected


def test_newest_first_by_default(client, make_site):
    first = make_site(title="Alt")
    second = make_site(title="Neu")
    first.save_revision().publish()
    second.save_revision().publish()
    assert titles(client.get(LIST))[:2] == ["Neu", "Alt"]


def test_hall_pool_filters_area_in_square_metres(client, make_hall):
    make_hall(title="Kleine Halle", floor_space_m2=3_000)
    make_hall(title="Große Halle", floor_space_m2=40_000)
    response = client.get("/de/hallenobjekte/?area_min=10000")
    assert titles(response) == ["Große Halle"]
    assert "Area from (m²)" in str(response.context["form"]["area_min"].label) or "m²" in str(
        response.context["form"]["area_min"].label
    )


def test_pagination_keeps_the_filters(client, make_site):
    for number in range(PER_PAGE + 3):
        make_site(title=f"Fläche {number:02d}", zoning="GI")
    response = client.get(f"{LIST}?zoning=GI&sort=city&page=2")
    assert response.status_code == 200
    assert len(titles(response)) == 3
    assert response.context["result_count"] == PER_PAGE + 3
    html = response.content.decode()
    assert 'href="?zoning=GI&amp;sort=city&amp;page=1"' in html


# At least 20 kinds of malformed input: each page still answers 200 and says what it ignored.
MALFORMED = [
    "state=XX",
    "state=",
    "state=SN&state=%00",
    "zoning=ZZ",
    "zoning=GE&zoning=<script>",
    "area_min=abc",
    "area_min=-5",
    "area_min=1e400",
    "area_min=NaN",
    "area_min=Infinity",
    "area_max=1,5",
    "area_max=99999999999999999999",
    "area_min=20&area_max=10",
    "available_now=maybe",
    "available_now=2",
    "sort=drop%20table",
    "sort=-title",
    "q=" + "x" * 500,
    "q=%00",
    "place=a%00b",
    "place=" + "y" * 101,
    "page=abc",
    "page=0",
    "page=-1",
    "page=99999",
    "page=1.5",
    "page=" + "9" * 40,
    "%ff=%fe",
    "area_min=%ff",
    "q=%E2%80%AE%E2%80%AE",
    "unknown=1&state[]=SN",
]


@pytest.mark.parametrize("query", MALFORMED)
@pytest.mark.parametrize("url", [LIST, MAP])
def test_malformed_input_is_ignored_with_a_notice(client, sample_sites, url, query):
    response = client.get(f"{url}?{query}")
    assert response.status_code == 200
    html = response.content.decode()
    harmless = query in {"state=", "q=%E2%80%AE%E2%80%AE", "unknown=1&state[]=SN", "%ff=%fe"}
    if not harmless:
        assert response.context["notices"], query
        assert re.search(r'<div class="notice[^"]*" role="status">', html)
    assert "<script>" not in html.split("<main", 1)[1].split("</main>", 1)[0]


def test_links_and_feed_carry_only_valid_filters(client, sample_sites):
    html = client.get(f"{MAP}?state=SN&area_min=abc&zoning=XX").content.decode()
    feed_url = html.split('data-feed-url="', 1)[1].split('"', 1)[0]
    assert "state=SN" in feed_url
    assert "area_min" not in feed_url and "zoning" not in feed_url
    feed = client.get(feed_url.replace("&amp;", "&"))
    assert feed.status_code == 200
    assert 'href="/de/gewerbeflaechen/?state=SN"' in html


def test_notice_names_the_ignored_value_and_field(client, sample_sites):
    response = client.get(f"{LIST}?area_min=abc&state=SN")
    notices = response.context["notices"]
    assert len(notices) == 1
    assert notices[0].value == "abc"
    assert notices[0].label == str(response.context["form"].fields["area_min"].label)
    # The form shows what applies: the ignored value is not put back into the field.
    assert 'value="abc"' not in response.content.decode()
    # The valid filter still applies.
    assert titles(response) == ["Industriepark Espenhain"]


def test_filter_form_works_without_javascript(client, sample_sites):
    html = client.get(LIST).content.decode()
    form = re.search(r'<form class="location-filters" method="get" action="([^"]+)"', html)
    assert form and form.group(1) == LIST
    for name in ("q", "place", "state", "zoning", "area_min", "area_max", "available_now", "sort"):
        assert f'name="{name}"' in html


def test_map_view_has_the_consent_notice_and_the_list(client, sample_sites, settings):
    settings.MAP_TILE_URL = "https://tiles.example.org/{z}/{x}/{y}.png"
    response = client.get(f"{MAP}?state=SN")
    html = response.content.decode()
    assert response.status_code == 200
    assert "data-map-consent-accept" in html
    assert "tiles.example.org" in html
    assert 'data-feed-url="/de/api/locations.geojson?pool=' in html
    assert "state=SN" in html.split("data-feed-url=", 1)[1].split('"', 2)[1]
    # Leaflet comes from the portal's own static files, never from a CDN.
    assert "/static/locations/vendor/leaflet/leaflet.js" in html
    assert "unpkg.com" not in html and "cdn" not in html.lower()
    # The accessible alternative: the same results as a table.
    assert titles(response) == ["Industriepark Espenhain"]
    assert "<table>" in html


def test_home_page_links_list_and_map(client, site, home_page, sites_pool, halls_pool):
    home_page.sites_page = sites_pool
    home_page.halls_page = halls_pool
    home_page.save_revision().publish()
    html = client.get("/de/").content.decode()
    assert 'href="/de/gewerbeflaechen/karte/"' in html
    assert 'href="/de/hallenobjekte/karte/"' in html


def test_english_pool_lists_english_pages(
    client, sample_sites, sites_pool, en_home_page, translate
):
    translate(sites_pool, title="Commercial sites", slug="commercial-sites")
    translate(sample_sites[0], title="Espenhain Industrial Park")
    response = client.get("/en/commercial-sites/")
    assert titles(response) == ["Espenhain Industrial Park"]
    assert client.get("/en/commercial-sites/karte/").status_code == 200


def query_count(client, django_assert_max_num_queries, url, limit):
    with django_assert_max_num_queries(limit) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("url", [LIST, MAP, f"{LIST}?state=SN&sort=area_desc", f"{MAP}?zoning=GE"])
def test_query_count_does_not_grow_with_the_results(
    client, make_site, django_assert_max_num_queries, url
):
    make_site()
    client.get(url)  # warm-up: creates the portal settings and fills Wagtail's caches
    small = query_count(client, django_assert_max_num_queries, url, 40)
    for _number in range(PER_PAGE + 5):
        make_site()
    large = query_count(client, django_assert_max_num_queries, url, small)
    assert large <= small


def test_location_page_query_count_is_fixed(client, make_site, django_assert_max_num_queries):
    page = make_site()
    client.get(page.url)
    small = query_count(client, django_assert_max_num_queries, page.url, 40)
    for _number in range(10):
        make_site()
    assert query_count(client, django_assert_max_num_queries, page.url, small) <= small


def test_feed_url_is_reversible():
    assert reverse("locations_geojson") == "/de/api/locations.geojson"
    assert LocationPageFactory._meta.model.__name__ == "LocationPage"
