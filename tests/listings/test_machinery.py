"""The list machinery shared by the site and hall pool, the events calendar and the clusters.

Filter input is read once (invalid values dropped, the filter set built again without them,
one notice each), page numbers are clamped with a notice, a page costs two queries (count and
rows) whatever the number of rows, and the includes print the notices and page links.
"""

from django.http import QueryDict
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation

from wagtail.models import Page

import django_filters
import pytest

from listings.filtering import accept_filters, filter_query, read_filters
from listings.notices import MAX_SHOWN_VALUE, Notice, ignored_input
from listings.pagination import paginate
from listings.rows import Row
from portal import caching


class DepthFilter(django_filters.FilterSet):
    depth = django_filters.NumberFilter(label="Depth")
    title = django_filters.ChoiceFilter(label="Title", choices=[("Root", "Root")])
    slug = django_filters.MultipleChoiceFilter(
        label="Slug", choices=[("root", "root"), ("home", "home")]
    )

    class Meta:
        model = Page
        fields = []


def make(data):
    return DepthFilter(data, queryset=Page.objects.all())


def request(query=""):
    return RequestFactory().get(f"/liste/?{query}")


@pytest.mark.django_db
def test_valid_input_is_applied_without_notices():
    filters = read_filters(make, QueryDict("depth=1"))
    assert filters.notices == [] and filters.ignored == ()
    assert {page.depth for page in filters.filterset.qs} == {1}


@pytest.mark.django_db
def test_an_invalid_value_is_dropped_and_named():
    filters = read_filters(make, QueryDict("depth=abc&title=Root"))
    assert filters.ignored == ("depth",)
    [notice] = filters.notices
    assert (notice.label, notice.value) == ("Depth", "abc")
    assert notice.field_id == "id_depth_error"
    # The filter set was built again: the form shows what applies, the rest still filters.
    assert "depth" not in filters.form.data
    assert filters.filterset.is_valid()
    assert [page.title for page in filters.filterset.qs] == ["Root"]


def test_only_the_named_parameters_reach_the_filter_set():
    seen = []

    def record(data):
        seen.append(data.copy())
        return DepthFilter(None, queryset=Page.objects.none())

    read_filters(record, QueryDict("depth=1&utm_source=x&page=2"), names=["depth"])
    assert [dict(data.lists()) for data in seen] == [{"depth": ["1"]}]


class AcceptedQuery(caching.NoCache):
    """A page cache that only records what the views accept (portal.caching.accept_query)."""

    def __init__(self):
        self.accepted = []

    def accept_query(self, request, names):
        self.accepted.extend(names)


@pytest.fixture
def accepted(monkeypatch):
    backend = AcceptedQuery()
    monkeypatch.setattr(caching, "_backend", backend)
    return backend.accepted


@pytest.mark.parametrize(
    ("query", "names", "expected"),
    [
        ("depth=1&title=Root", None, ["depth", "title"]),
        ("depth=abc&title=Root", None, ["title"]),  # invalid: ignored with a notice
        ("depth=1&unknown=x&page=2", None, ["depth"]),  # not a filter
        ("depth=1&title=Root", ["title"], ["title"]),  # not read by this list
        ("title=Root&title=Root", None, []),  # one value read, two given
        ("slug=root&slug=home", None, ["slug"]),  # a filter of several values
        ("slug=root&slug=root", None, []),  # the same value twice
        ("slug=root&slug=nope", None, []),
        ("depth=", None, ["depth"]),  # empty: valid, no filter applied
    ],
)
@pytest.mark.django_db
def test_the_filters_applied_are_accepted_for_the_page_cache(accepted, query, names, expected):
    read_filters(make, request(query), names=names)
    assert sorted(accepted) == sorted(expected)


@pytest.mark.django_db
def test_input_that_is_not_the_address_accepts_nothing(accepted):
    read_filters(make, QueryDict("depth=1"))
    assert accepted == []


@pytest.mark.django_db
def test_a_filter_set_read_elsewhere_accepts_its_valid_parameters(accepted):
    get = request("depth=abc&title=Root&other=1")
    accept_filters(get, make(get.GET).form)
    assert accepted == ["title"]


@pytest.mark.parametrize(
    ("raw", "accepted_page"),
    [
        ("", True),
        ("1", True),
        ("2", True),
        ("02", False),  # the same page under another address
        (" 2", False),
        ("abc", False),
        ("0", False),
        ("99999", False),
    ],
)
@pytest.mark.django_db
def test_a_page_number_is_accepted_when_the_page_exists(accepted, raw, accepted_page):
    rows = Page.objects.order_by("pk").values_list("pk", named=True)
    paginate(request(f"page={raw}"), rows, [], per_page=1)
    assert accepted == (["page"] if accepted_page else [])


@pytest.mark.django_db
def test_a_page_number_given_twice_is_not_accepted(accepted):
    rows = Page.objects.order_by("pk").values_list("pk", named=True)
    paginate(request("page=1&page=2"), rows, [], per_page=1)
    assert accepted == []


@pytest.mark.django_db
def test_a_page_number_is_accepted_beside_earlier_notices(accepted):
    rows = Page.objects.order_by("pk").values_list("pk", named=True)
    notices = [Notice(label="Depth", value="abc", message="no number")]
    paginate(request("page=2"), rows, notices, per_page=1)
    assert accepted == ["page"]
    assert len(notices) == 1


def test_long_values_are_shortened_in_notices():
    form = DepthFilter(QueryDict("depth=" + "9x" * 100), queryset=Page.objects.none()).form
    [notice] = ignored_input(form, form.data)
    assert len(notice.value) == MAX_SHOWN_VALUE and notice.value.endswith("…")


def test_filter_query_drops_empty_and_named_parameters():
    assert filter_query(request("a=1&b=&page=3&c=x&c=y"), drop=("page", "c")) == "a=1"
    assert filter_query(request("a=1&page=3")) == "a=1"


@pytest.mark.parametrize(
    ("raw", "number", "noticed"),
    [
        ("", "first", False),
        ("2", 2, False),
        ("abc", "first", True),
        ("0", "first", True),
        ("-4", "first", True),
        ("1.5", "first", True),
        ("99999", "last", True),
        ("9" * 40, "last", True),
    ],
)
@pytest.mark.django_db
def test_page_numbers_are_clamped_with_a_notice(raw, number, noticed):
    rows = Page.objects.order_by("pk").values_list("pk", named=True)
    # One row a page: the root and the German home page make at least two pages.
    last = rows.count()
    assert last >= 2
    notices = []
    with translation.override("en"):
        page = paginate(request(f"page={raw}"), rows, notices, per_page=1)
    assert page.number == {"first": 1, "last": last}.get(number, number)
    assert len(notices) == (1 if noticed else 0)
    if noticed:
        assert notices[0].label == "Page"
        assert notices[0].value.rstrip("…") == raw[: MAX_SHOWN_VALUE - 1]


@pytest.mark.django_db
def test_a_page_costs_two_queries_and_converts_its_rows(django_assert_num_queries):
    rows = Page.objects.order_by("pk").values_list("pk", "title", named=True)
    with django_assert_num_queries(2):
        page = paginate(
            request(),
            rows,
            [],
            per_page=50,
            convert=lambda values: [Row(title=value.title) for value in values],
            count_queryset=Page.objects.all(),
        )
    assert page.paginator.count == Page.objects.count()
    assert all(isinstance(row, Row) for row in page.object_list)


def test_the_notices_include_links_each_notice_to_its_field():
    notice = Notice(
        label="Fläche", value="abc", message="Bitte eine Zahl.", field_id="id_area_error"
    )
    with translation.override("de"):
        html = render_to_string("listings/includes/notices.html", {"notices": [notice]})
    assert 'role="status"' in html
    assert '<li id="id_area_error">Fläche „abc“: Bitte eine Zahl.</li>' in html
    with translation.override("en"):
        assert str(notice) == "Fläche “abc”: Bitte eine Zahl."
    assert render_to_string("listings/includes/notices.html", {"notices": []}).strip() == ""


@pytest.mark.django_db
def test_the_pagination_include_carries_only_the_valid_filters():
    rows = Page.objects.order_by("pk").values_list("pk", named=True)
    page = paginate(request("page=1"), rows, [], per_page=1)
    html = render_to_string(
        "listings/includes/pagination.html", {"page_obj": page, "filter_query": "state=SN"}
    )
    assert 'href="?state=SN&amp;page=2" rel="next"' in html
    assert 'aria-current="page"' in html
