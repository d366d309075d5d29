"""The autocomplete endpoint behind the header's search box: at most ten titles of the
visitor's language as JSON, and no server error for any input.
"""

import pytest

from home.factories import StandardPageFactory
from search.views import MAX_SUGGESTIONS

from .conftest import search_url

pytestmark = pytest.mark.django_db


def suggest(client, query, language="de"):
    response = client.get(search_url(language, "search_autocomplete"), {"q": query})
    assert response.status_code == 200, f"{query!r} gave HTTP {response.status_code}"
    assert response["Content-Type"] == "application/json"
    return response.json()


def test_suggests_titles_starting_with_the_typed_letters(client, typed_pages):
    data = suggest(client, "Wassersto")

    titles = {r["title"] for r in data["results"]}
    assert "Wasserstoffcluster Leuna" in titles
    assert "Über Wasserstoff" in titles
    cluster = next(r for r in data["results"] if r["title"] == "Wasserstoffcluster Leuna")
    assert cluster["url"].startswith("/de/cluster/")
    assert cluster["type"]


def test_at_most_ten_suggestions(client, home_page):
    for i in range(15):
        StandardPageFactory(parent=home_page, title=f"Solarpark {i}")
    assert len(suggest(client, "Solar")["results"]) == MAX_SUGGESTIONS == 10


def test_only_pages_of_the_language(client, home_page, en_home_page, translate):
    page = StandardPageFactory(parent=home_page, title="Solarpark Zeitz", slug="solar")
    translate(page, title="Solar farm Zeitz", slug="solar")
    StandardPageFactory(parent=home_page, title="Solarentwurf", live=False)

    assert [r["title"] for r in suggest(client, "Sol")["results"]] == ["Solarpark Zeitz"]
    assert [r["title"] for r in suggest(client, "Sol", "en")["results"]] == ["Solar farm Zeitz"]


def test_not_indexed_by_search_engines(client, typed_pages):
    response = client.get(search_url("de", "search_autocomplete"), {"q": "Wasser"})
    assert response["X-Robots-Tag"] == "noindex"


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "x" * 10_000,
        "'; DROP TABLE x; --",
        ".*",
        "%",
        "_",
        "\\",
        "(",
        "*",
        ":",
        "-",
        "<->",
        "&|!",
        "\x00",
        '"',
        "NEAR(",
        "^",
        "[a-z]+",
        "<script>",
    ],
)
def test_odd_input_never_causes_a_server_error(client, typed_pages, query):
    client.raise_request_exception = False
    data = suggest(client, query)
    assert len(data["results"]) <= MAX_SUGGESTIONS
    assert len(data["query"]) <= 200


def test_query_count_is_bounded(client, home_page, django_assert_max_num_queries):
    for i in range(12):
        StandardPageFactory(parent=home_page, title=f"Solarpark {i}")
    with django_assert_max_num_queries(8):
        suggest(client, "Solar")
