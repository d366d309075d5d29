"""The site search: live pages of the visitor's language only, and no server error for
whatever a visitor types into the box or the address bar.
"""

from django.urls import reverse
from django.utils import translation

from wagtail.models import PageViewRestriction

import pytest
from bs4 import BeautifulSoup

from home.factories import StandardPageFactory
from search.views import MAX_QUERY_LENGTH, RESULTS_PER_PAGE

pytestmark = pytest.mark.django_db


def search_url(language="de"):
    with translation.override(language):
        return reverse("search")


def result_titles(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [a.get_text(strip=True) for a in soup.select(".search-result__title a")]


def notices(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [p.get_text(strip=True) for p in soup.select("p.notice")]


@pytest.fixture
def pages(en_home_page, home_page, translate):
    """A German page with an English translation, a German-only page and a German draft."""
    leuna = StandardPageFactory(parent=home_page, title="Chemiepark Leuna", slug="leuna")
    translate(leuna, title="Chemical park Leuna", slug="leuna")
    StandardPageFactory(parent=home_page, title="Chemiedreieck Bitterfeld", slug="bitterfeld")
    StandardPageFactory(parent=home_page, title="Chemieentwurf Geheim", slug="geheim", live=False)
    return leuna


@pytest.fixture
def german_page(site, home_page):
    return StandardPageFactory(parent=home_page, title="Chemiepark Leuna", slug="leuna")


def test_url_is_language_specific():
    assert search_url("de").startswith("/de/")
    assert search_url("en").startswith("/en/")


def test_finds_a_live_german_page_by_a_title_word(client, pages):
    response = client.get(search_url("de"), {"q": "Leuna"})

    assert response.status_code == 200
    assert result_titles(response) == ["Chemiepark Leuna"]
    assert response.context["result_count"] == 1
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one(".search-result__title a")["href"] == "/de/leuna/"
    assert soup.select_one("#search-page-input")["value"] == "Leuna"


def test_german_search_finds_no_english_page_and_no_draft(client, pages):
    assert result_titles(client.get(search_url("de"), {"q": "Chemical"})) == []
    assert result_titles(client.get(search_url("de"), {"q": "Geheim"})) == []
    assert sorted(result_titles(client.get(search_url("de"), {"q": "Chemiepark"}))) == [
        "Chemiepark Leuna"
    ]


def test_english_search_finds_only_english_pages(client, pages):
    assert result_titles(client.get(search_url("en"), {"q": "Leuna"})) == ["Chemical park Leuna"]
    assert result_titles(client.get(search_url("en"), {"q": "Bitterfeld"})) == []


def test_password_protected_page_is_not_found(client, german_page):
    PageViewRestriction.objects.create(
        page=german_page, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    assert result_titles(client.get(search_url(), {"q": "Leuna"})) == []


def test_finds_words_in_the_body(client, home_page):
    StandardPageFactory(
        parent=home_page,
        title="Standorte",
        body__0__paragraph__value="<p>Der Flughafen Leipzig/Halle ist ein Drehkreuz.</p>",
    )
    assert result_titles(client.get(search_url(), {"q": "Drehkreuz"})) == ["Standorte"]


def test_empty_query_shows_the_form_only(client, pages):
    for params in ({}, {"q": ""}, {"q": "   "}):
        response = client.get(search_url(), params)
        assert response.status_code == 200
        assert response.context["search_query"] == ""
        assert result_titles(response) == []
        assert notices(response) == []
        soup = BeautifulSoup(response.content, "html.parser")
        assert soup.select_one("form.search-form") is not None
        assert soup.select_one('.search-page p[role="status"]') is None


def test_overlong_query_is_shortened_with_a_notice(client, pages):
    response = client.get(search_url(), {"q": "Leuna " + "x" * 10_000})

    assert response.status_code == 200
    assert len(response.context["search_query"]) == MAX_QUERY_LENGTH
    assert notices(response) == [
        f"Ihre Suche wurde auf die ersten {MAX_QUERY_LENGTH} Zeichen gekürzt."
    ]
    soup = BeautifulSoup(response.content, "html.parser")
    shortened = "Leuna " + "x" * (MAX_QUERY_LENGTH - 6)
    assert soup.select_one("#search-page-input")["value"] == shortened
    assert soup.select_one("#header-search-input")["value"] == shortened
    assert result_titles(response) == []  # the shortened query is searched, not ignored


def test_query_of_exactly_the_limit_is_not_shortened(client, pages):
    response = client.get(search_url(), {"q": "x" * MAX_QUERY_LENGTH})
    assert response.status_code == 200
    assert notices(response) == []


@pytest.mark.parametrize(
    ("raw", "notice"),
    [
        ("abc", "Die Seitenzahl „abc“ wurde ignoriert."),
        ("1e9", "Die Seitenzahl „1e9“ wurde ignoriert."),
        ("0", "Eine Ergebnisseite 0 gibt es nicht; die letzte wird gezeigt."),
        ("-1", "Eine Ergebnisseite -1 gibt es nicht; die letzte wird gezeigt."),
        ("99999", "Eine Ergebnisseite 99999 gibt es nicht; die letzte wird gezeigt."),
    ],
)
def test_odd_page_numbers_are_noticed_not_errors(client, pages, raw, notice):
    response = client.get(search_url(), {"q": "Chemie", "page": raw})

    assert response.status_code == 200
    assert notices(response) == [notice]
    assert response.context["search_results"].number == 1


def test_long_page_parameters_are_cut_in_the_notice(client, pages):
    response = client.get(search_url(), {"q": "Chemie", "page": "9" * 30})
    assert response.status_code == 200
    assert notices(response) == [
        f"Eine Ergebnisseite {'9' * 20} gibt es nicht; die letzte wird gezeigt."
    ]
    # More digits than Python's int() accepts (4300) are treated as not a number.
    response = client.get(search_url(), {"q": "Chemie", "page": "9" * 5000})
    assert response.status_code == 200
    assert notices(response) == [f"Die Seitenzahl „{'9' * 20}“ wurde ignoriert."]


def test_odd_page_number_in_english(client, pages):
    response = client.get(search_url("en"), {"q": "Leuna", "page": "abc"})
    assert notices(response) == ["The page number “abc” was ignored."]


def test_pagination(client, home_page):
    for i in range(RESULTS_PER_PAGE + 3):
        StandardPageFactory(parent=home_page, title=f"Gewerbegebiet Nummer {i}")

    first = client.get(search_url(), {"q": "Gewerbegebiet"})
    second = client.get(search_url(), {"q": "Gewerbegebiet", "page": "2"})
    beyond = client.get(search_url(), {"q": "Gewerbegebiet", "page": "3"})

    assert first.context["result_count"] == RESULTS_PER_PAGE + 3
    assert len(result_titles(first)) == RESULTS_PER_PAGE
    assert len(result_titles(second)) == 3
    assert not set(result_titles(first)) & set(result_titles(second))
    soup = BeautifulSoup(second.content, "html.parser")
    assert soup.select_one(".search-results")["start"] == str(RESULTS_PER_PAGE + 1)
    assert soup.select_one('a[rel="prev"]')["href"] == "?q=Gewerbegebiet&page=1"
    assert result_titles(beyond) == result_titles(second)
    assert len(notices(beyond)) == 1


@pytest.mark.parametrize(
    "query",
    [
        "'; DROP TABLE wagtailcore_page; --",
        ".*",
        "%",
        "%%",
        "_",
        "\\",
        "(",
        ")",
        "Chemie (",
        "*",
        "Chemie*",
        ":",
        "title:Leuna",
        "-Leuna",
        "NOT",
        "Leuna OR",
        "AND AND",
        "NEAR(",
        "^",
        "<->",
        "&|!",
        "{}",
        "[a-z]+",
        "<script>alert(1)</script>",
        '"',
        'Chemie"',
        '"Chemiepark Leuna"',
        "Chemie\x00park",
    ],
)
def test_metacharacters_never_cause_a_server_error(client, german_page, query):
    client.raise_request_exception = False

    response = client.get(search_url(), {"q": query})

    assert response.status_code == 200, f"query {query!r} gave HTTP {response.status_code}"
    assert "<script>alert(1)</script>" not in response.content.decode()


@pytest.mark.parametrize("query", ["(Leuna)", "Leuna.*", "Leuna;", "leuna", "LEUNA"])
def test_punctuation_and_case_around_a_word_still_find_it(client, german_page, query):
    response = client.get(search_url(), {"q": query})
    assert result_titles(response) == ["Chemiepark Leuna"]
