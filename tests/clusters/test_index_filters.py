"""The cluster overview: cards in editor order, filters by kind, state and sector that combine,
bad filter values ignored with a notice (never a 500), and a fixed number of queries."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
from bs4 import BeautifulSoup

from clusters.factories import ClusterPageFactory, SectorFactory
from portal.factories import ImageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def clusters(cluster_index, sectors):
    make = ClusterPageFactory
    return {
        "chemie": make(
            parent=cluster_index,
            title="Chemie/Kunststoffe",
            kind="macro",
            sector=sectors["chemie"],
            federal_states=["ST", "SN"],
        ),
        "optik": make(
            parent=cluster_index,
            title="Optoelektronik Jena",
            kind="micro",
            sector=sectors["optik"],
            federal_states=["TH"],
        ),
        "it": make(
            parent=cluster_index,
            title="Informationstechnologie",
            kind="macro",
            sector=sectors["it"],
            federal_states=["SN", "ST", "TH"],
        ),
        "mikro": make(
            parent=cluster_index,
            title="Mikroelektronik Dresden",
            kind="micro",
            sector=sectors["it"],
            federal_states=["SN"],
        ),
        "draft": make(
            parent=cluster_index, title="Entwurfscluster", live=False, sector=sectors["it"]
        ),
    }


def get(client, params=None):
    response = client.get("/de/cluster/", params or {})
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def titles(soup):
    return [a.get_text(strip=True) for a in soup.select(".cluster-cards .page-card__title a")]


def notices(soup):
    return [p.get_text(" ", strip=True) for p in soup.select("p.notice[role=status]")]


def test_overview_lists_live_clusters_in_editor_order(client, clusters):
    soup = get(client)
    assert titles(soup) == [
        "Chemie/Kunststoffe",
        "Optoelektronik Jena",
        "Informationstechnologie",
        "Mikroelektronik Dresden",
    ]
    assert notices(soup) == []
    form = soup.select_one("form.cluster-filter")
    assert form["method"] == "get"
    assert {s["name"] for s in form.select("select")} == {"kind", "state", "sector"}
    for select in form.select("select"):
        assert form.select_one(f"label[for={select['id']}]") is not None
    card = soup.select_one(".cluster-card")
    assert "Sachsen-Anhalt" in card.get_text() or "Saxony-Anhalt" in card.get_text()


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"kind": "micro"}, ["Optoelektronik Jena", "Mikroelektronik Dresden"]),
        ({"kind": "macro"}, ["Chemie/Kunststoffe", "Informationstechnologie"]),
        ({"state": "TH"}, ["Optoelektronik Jena", "Informationstechnologie"]),
        ({"sector": "it"}, ["Informationstechnologie", "Mikroelektronik Dresden"]),
        ({"kind": "micro", "state": "SN"}, ["Mikroelektronik Dresden"]),
        ({"kind": "macro", "state": "SN", "sector": "it"}, ["Informationstechnologie"]),
        ({"kind": "micro", "state": "ST", "sector": "optik"}, []),
        ({"kind": "", "state": "", "sector": ""}, None),
    ],
)
def test_filters_combine(client, clusters, params, expected):
    soup = get(client, params)
    if expected is None:
        expected = [c.title for key, c in clusters.items() if key != "draft"]
    assert titles(soup) == expected
    assert notices(soup) == []
    # The form keeps the chosen values, so the filtered list can be refined and shared.
    for name, value in params.items():
        if value:
            assert soup.select_one(f"select[name={name}] option[selected]")["value"] == value
    if expected == []:
        assert soup.select_one(".cluster-index__list a[href='/de/cluster/']") is not None


@pytest.mark.parametrize(
    ("params", "ignored", "expected"),
    [
        ({"kind": "mega"}, ["Kind of cluster"], 4),
        ({"state": "BY"}, ["Federal state"], 4),
        ({"sector": "gibt-es-nicht"}, ["Sector"], 4),
        ({"state": "TH", "sector": "<script>alert(1)</script>"}, ["Sector"], 2),
        ({"kind": "x" * 5000, "state": "%00"}, ["Kind of cluster", "Federal state"], 4),
        ({"kind": ["micro", "macro"]}, [], 2),
    ],
)
def test_bad_filter_values_are_ignored_with_a_notice(client, clusters, params, ignored, expected):
    soup = get(client, params)
    assert len(titles(soup)) == expected
    texts = notices(soup)
    assert len(texts) == len(ignored)
    # The message names the filter: the label of the select it belongs to.
    for notice in soup.select("p.notice"):
        select = soup.select_one(f"select[aria-describedby='{notice['id']}']")
        assert select is not None
        label = soup.select_one(f"label[for={select['id']}]").get_text(strip=True)
        assert label in notice.get_text()
    assert "<script>alert(1)</script>" not in soup.decode().split("<main", 1)[1].split("</form>")[1]
    assert soup.select_one("meta[name=robots]")["content"] == "noindex, follow"


def test_unknown_parameters_and_pages_do_not_break_the_overview(client, clusters):
    assert len(titles(get(client, {"page": "abc", "foo": "bar"}))) == 4


def test_overview_query_count_does_not_grow_with_clusters(
    client, cluster_index, django_assert_max_num_queries
):
    sector = SectorFactory(slug="chemie", name="Chemie")

    def add(count):
        start = cluster_index.get_children().count()
        for number in range(start, start + count):
            ClusterPageFactory(
                parent=cluster_index,
                title=f"Cluster {number}",
                sector=sector if number % 2 else SectorFactory(),
                federal_states=["SN", "TH"],
                teaser_image=ImageFactory(),
                teaser_alt_text="Bild",
            )

    def count_queries(params):
        client.get("/de/cluster/", params)  # warm up: renditions and caches
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/de/cluster/", params)
        assert response.status_code == 200
        return len(queries)

    add(5)
    small = count_queries({})
    small_filtered = count_queries({"kind": "macro", "state": "TH", "sector": "chemie"})
    add(45)
    client.get("/de/cluster/")  # the new images' renditions are made once, on first view
    with django_assert_max_num_queries(small):
        response = client.get("/de/cluster/")
    assert len(titles(BeautifulSoup(response.content, "html.parser"))) == 50
    with django_assert_max_num_queries(small_filtered):
        client.get("/de/cluster/", {"kind": "macro", "state": "TH", "sector": "chemie"})
