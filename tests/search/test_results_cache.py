"""Ranked results are cached for a minute and never outlive a change of the pages."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

import pytest

from home.factories import StandardPageFactory
from search import cache

from .conftest import result_titles, search_url

pytestmark = pytest.mark.django_db


def search(client, query, **params):
    return client.get(search_url(), {"q": query, **params})


def query_count(client, query, **params):
    with CaptureQueriesContext(connection) as queries:
        response = search(client, query, **params)
    return len(queries.captured_queries), response


def test_a_repeated_search_is_not_ranked_again(client, typed_pages):
    first, first_response = query_count(client, "Wasserstoff", type="event")
    again, again_response = query_count(client, "wasserstoff", type="event")

    assert again < first
    assert result_titles(again_response) == result_titles(first_response)
    assert again_response.context["type_filters"] == first_response.context["type_filters"]


def test_the_cache_key_tells_filters_and_result_pages_apart(client, typed_pages):
    search(client, "Wasserstoff")

    filtered = search(client, "Wasserstoff", type="cluster")

    assert result_titles(filtered) == [typed_pages["cluster"].title]


def test_a_newly_published_page_is_found_at_once(client, typed_pages, home_page):
    before = search(client, "Wasserstoff").context["total_count"]
    page = StandardPageFactory(parent=home_page, title="Wasserstoff neu", live=False)
    page.save_revision().publish()

    response = search(client, "Wasserstoff")

    assert response.context["total_count"] == before + 1
    assert "Wasserstoff neu" in result_titles(response)


def test_an_unpublished_page_leaves_the_results_at_once(client, typed_pages):
    search(client, "Wasserstoff")
    typed_pages["page"].unpublish()

    response = search(client, "Wasserstoff")

    assert typed_pages["page"].title not in result_titles(response)
    assert response.context["type_filters"][-1]["count"] == 0  # "page" is the last type


def test_a_restricted_page_leaves_the_results_at_once(client, typed_pages):
    search(client, "Wasserstoff")
    PageViewRestriction.objects.create(
        page=typed_pages["page"], restriction_type=PageViewRestriction.LOGIN
    )

    response = search(client, "Wasserstoff")

    assert typed_pages["page"].title not in result_titles(response)
    assert response.context["type_filters"][-1]["count"] == 0


def test_a_lost_version_never_repeats_an_older_one(client, typed_pages):
    old = cache.current_version()
    cache.bump_version()
    assert cache.current_version() == old + 1

    from django.core.cache import cache as default_cache

    default_cache.delete(cache.VERSION_KEY)
    assert cache.current_version() > old + 1
