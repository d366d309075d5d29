"""The result types the domain apps register (portal/search_types.py) and how the search
reads them: the same type and "upcoming" in Python and in SQL, and room for a new type."""

from django.utils import timezone, translation

from wagtail.models import Page

import pytest

from home.models import StandardPage
from portal import search_types
from search.query import type_expression, upcoming_expression
from search.results import TYPE_LABELS, is_upcoming, type_key

pytestmark = pytest.mark.django_db


def test_types_are_listed_in_their_order_with_their_catalogue_labels():
    with translation.override("de"):
        labels = {key: str(label) for key, label in TYPE_LABELS.items()}

    assert labels == {
        "cluster": "Cluster",
        "site": "Gewerbefläche",
        "hall": "Hallenobjekt",
        "event": "Termin",
        "page": "Seite",
    }
    assert list(labels) == ["cluster", "site", "hall", "event", "page"]


def test_the_database_and_python_agree_on_type_and_upcoming(typed_pages):
    now = timezone.now()
    rows = {
        pk: (search_type, upcoming)
        for pk, search_type, upcoming in Page.objects.annotate(
            search_type=type_expression(), upcoming=upcoming_expression(now)
        ).values_list("pk", "search_type", "upcoming")
    }

    for name, page in typed_pages.items():
        page = Page.objects.get(pk=page.pk).specific
        assert rows[page.pk] == (type_key(page), is_upcoming(page, now)), name
    assert rows[typed_pages["event"].pk] == ("event", True)
    assert rows[typed_pages["past_event"].pk] == ("event", False)
    assert rows[typed_pages["hall"].pk][0] == "hall"
    assert rows[typed_pages["site"].pk][0] == "site"


@pytest.fixture
def standard_type():
    search_types.register(StandardPage, "standard", "Standard", order=50)
    yield
    search_types.unregister("standard")


def test_a_newly_registered_type_is_filtered_and_counted(standard_type, typed_pages):
    page = typed_pages["page"]

    assert list(TYPE_LABELS) == ["cluster", "site", "hall", "event", "standard", "page"]
    assert type_key(page) == "standard"
    annotated = Page.objects.annotate(search_type=type_expression()).get(pk=page.pk)
    assert annotated.search_type == "standard"


def test_a_type_key_belongs_to_one_model():
    with pytest.raises(ValueError, match="already registered"):
        search_types.register(StandardPage, "cluster", "Cluster")
