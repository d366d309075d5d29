"""The GeoJSON feed: valid RFC 7946, filters and bbox, locale, drafts, conditional GET."""

import json

from django.core.cache import cache

import geojson
import pytest

from locations.factories import LocationPageFactory

pytestmark = pytest.mark.django_db

FEED = "/de/api/locations.geojson"


def features(response):
    assert response.status_code == 200, response.content
    return json.loads(response.content)["features"]


def test_feed_is_valid_geojson_with_every_live_location(client, sample_sites, make_hall, make_site):
    hall = make_hall(title="Logistikhalle", latitude=51.44, longitude=12.07)
    draft = make_site(title="Entwurf")
    draft.unpublish()
    response = client.get(FEED)
    assert response["Content-Type"].startswith("application/geo+json")
    collection = geojson.loads(response.content.decode())
    assert collection.is_valid, collection.errors()
    assert collection["type"] == "FeatureCollection"
    by_title = {feature["properties"]["title"]: feature for feature in collection["features"]}
    assert set(by_title) == {site.title for site in sample_sites} | {hall.title}
    espenhain = by_title["Industriepark Espenhain"]
    # RFC 7946: longitude first.
    assert espenhain["geometry"] == {"type": "Point", "coordinates": [12.472, 51.19]}
    assert espenhain["properties"]["url"] == sample_sites[0].url
    assert espenhain["properties"]["state"] == "SN"
    assert espenhain["properties"]["area"] == 14.3
    assert espenhain["properties"]["area_unit"] == "ha"
    assert by_title["Logistikhalle"]["properties"]["area_unit"] == "m²"
    assert by_title["Großkayna-Frankleben"]["properties"]["price_on_request"] is True


def test_feed_filters_like_the_list(client, sample_sites, sites_pool, make_hall):
    make_hall(title="Halle")

    def titles(query):
        return {f["properties"]["title"] for f in features(client.get(f"{FEED}?{query}"))}

    assert titles("state=ST") == {"Großkayna-Frankleben"}
    assert titles("zoning=GI&zoning=SO") == {"Industriepark Espenhain", "Technologiepark Jena"}
    assert titles(f"pool={sites_pool.pk}&area_min=10") == {
        "Industriepark Espenhain",
        "Großkayna-Frankleben",
    }
    assert titles("kind=hall") == {"Halle"}
    assert titles("kind=site&available_now=1") == {
        "Industriepark Espenhain",
        "Großkayna-Frankleben",
    }
    assert titles("q=jena") == {"Technologiepark Jena"}


def test_bbox(client, sample_sites):
    # Around Leipzig and Halle: Espenhain and Großkayna, not Jena.
    found = features(client.get(f"{FEED}?bbox=11.8,51.1,12.6,51.5"))
    assert {f["properties"]["title"] for f in found} == {
        "Industriepark Espenhain",
        "Großkayna-Frankleben",
    }
    assert features(client.get(f"{FEED}?bbox=0,0,1,1")) == []


def test_english_feed_has_english_titles_and_urls(
    client, sample_sites, sites_pool, en_home_page, translate
):
    translate(sites_pool, title="Commercial sites", slug="commercial-sites")
    english = translate(sample_sites[0], title="Espenhain Industrial Park")
    found = features(client.get("/en/api/locations.geojson"))
    assert [f["properties"]["title"] for f in found] == ["Espenhain Industrial Park"]
    assert found[0]["properties"]["url"] == f"/en/commercial-sites/{english.slug}/"
    assert found[0]["properties"]["url"] == english.url


MALFORMED = [
    "bbox=1,2,3",
    "bbox=a,b,c,d",
    "bbox=1,2,3,4,5",
    "bbox=200,0,201,1",
    "bbox=0,-91,1,0",
    "bbox=5,0,1,1",
    "bbox=0,5,1,1",
    "bbox=nan,0,1,1",
    "bbox=inf,0,1,1",
    "bbox=" + "1," * 200,
    "bbox=%00",
    "state=XX",
    "zoning=QQ",
    "kind=castle",
    "pool=abc",
    "pool=999999",
    "pool=99999999999999999999999",
    "area_min=abc",
    "area_min=-1",
    "area_max=1e999",
    "area_min=5&area_max=1",
    "available_now=perhaps",
    "sort=sideways",
    "q=%00",
    "q=" + "z" * 300,
]


@pytest.mark.parametrize("query", MALFORMED)
def test_malformed_parameters_give_400_with_json(client, sample_sites, query):
    response = client.get(f"{FEED}?{query}")
    assert response.status_code == 400
    body = json.loads(response.content)
    assert body["errors"]
    name = query.split("=", 1)[0]
    assert name in body["errors"] or "area_max" in body["errors"]


def test_conditional_get(client, sample_sites, make_site):
    first = client.get(FEED)
    etag = first["ETag"]
    assert etag.startswith('"')
    again = client.get(FEED, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    # Other filters are another resource with another ETag.
    assert client.get(f"{FEED}?state=SN")["ETag"] != etag
    # A new property changes the feed.
    make_site(title="Neu")
    changed = client.get(FEED, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert "Neu" in changed.content.decode()


def test_last_modified_and_unpublishing(client, sample_sites):
    sample_sites[0].save_revision().publish()
    response = client.get(FEED)
    last_modified = response["Last-Modified"]
    assert client.get(FEED, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
    etag = response["ETag"]
    sample_sites[1].unpublish()
    after = client.get(FEED, HTTP_IF_NONE_MATCH=etag)
    assert after.status_code == 200
    assert "Großkayna-Frankleben" not in after.content.decode()


def test_feed_query_count_is_fixed(client, make_site, make_hall, django_assert_max_num_queries):
    make_site()
    make_hall()
    client.get(FEED)
    cache.clear()  # measure the uncached feed (its body is cached under the ETag)
    with django_assert_max_num_queries(20) as small:
        client.get(FEED)
    for _number in range(30):
        make_site()
    cache.clear()
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(FEED)
    assert len(features(response)) == 32
    # Served again from the cache: only the ETag's queries.
    with django_assert_max_num_queries(len(small.captured_queries) - 3):
        assert client.get(FEED).content == response.content


def test_pages_below_an_unpublished_pool_are_left_out(client, sites_pool, states):
    LocationPageFactory(parent=sites_pool, federal_state=states["SN"], title="Versteckt")
    sites_pool.unpublish()
    assert features(client.get(FEED)) == []
