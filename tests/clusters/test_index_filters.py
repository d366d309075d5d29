"""The cluster overview: cards in editor order, filters by kind, state and sector that combine,
bad filter values ignored with the lists' shared notice (never a 500), and a fixed number of
queries."""

from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.utils import translation

import pytest
from bs4 import BeautifulSoup

from clusters.factories import ClusterPageFactory, SectorFactory
from clusters.filters import ClusterFilter
from clusters.models import ClusterPage
from listings.notices import MAX_SHOWN_VALUE, Notice
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
    """The items of the shared notice (`listings/includes/notices.html`)."""
    return [li.get_text(" ", strip=True) for li in soup.select(".list-notices[role=status] li")]


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
        ({"kind": "mega"}, ["kind"], 4),
        ({"state": "BY"}, ["state"], 4),
        ({"sector": "gibt-es-nicht"}, ["sector"], 4),
        ({"state": "TH", "sector": "<script>alert(1)</script>"}, ["sector"], 2),
        ({"kind": "x" * 5000, "state": "%00"}, ["kind", "state"], 4),
        ({"kind": ["micro", "macro"]}, [], 2),
    ],
)
def test_bad_filter_values_are_ignored_with_a_notice(client, clusters, params, ignored, expected):
    soup = get(client, params)
    assert len(titles(soup)) == expected
    assert len(notices(soup)) == len(ignored)
    # Each item names the filter (the label of the select that points at it with
    # aria-describedby) and the value sent, shortened, once.
    described = []
    for item in soup.select(".list-notices li"):
        select = soup.select_one(f"select[aria-describedby='{item['id']}']")
        assert select is not None
        assert select["aria-invalid"] == "true"
        described.append(select["name"])
        label = soup.select_one(f"label[for={select['id']}]").get_text(strip=True)
        text = item.get_text()
        assert text.startswith(label)
        value = params[select["name"]]
        shown = value if len(value) <= MAX_SHOWN_VALUE else value[: MAX_SHOWN_VALUE - 1] + "…"
        assert text.count(shown) == 1
    assert described == ignored
    assert "x" * MAX_SHOWN_VALUE not in soup.decode()
    assert "<script>alert(1)</script>" not in soup.decode().split("<main", 1)[1].split("</form>")[1]
    assert soup.select_one("meta[name=robots]")["content"] == "noindex, follow"


def test_notices_are_the_shared_notices_of_the_lists(sectors):
    """Label, value (shortened) and Django's message, and the id the select points at."""
    data = QueryDict(mutable=True)
    data.update({"kind": "mega", "state": "x" * 100, "sector": "it"})
    with translation.override("en"):
        found = ClusterFilter(data, queryset=ClusterPage.objects.all()).notices
        message = "Select a valid choice. That choice is not one of the available choices."
        assert found == [
            Notice("Kind of cluster", "mega", message, "id_kind_error"),
            Notice("Federal state", "x" * (MAX_SHOWN_VALUE - 1) + "…", message, "id_state_error"),
        ]
        assert str(found[0]) == f"Kind of cluster “mega”: {message}"


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
