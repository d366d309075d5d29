"""Every admin URL is classified in editorial/endpoints.py, exactly once.

A new endpoint (after a Wagtail or wagtail-localize upgrade, or a new snippet) fails here until
it has a row there: who may use it and which rule decides. The forged requests against the
data-changing rows are in test_forged_requests.py.
"""

import pytest

from editorial.endpoints import ENDPOINTS, ROUTE, SHADOWED, endpoint_for

from .admin_urls import admin_urls

URLS = admin_urls()


def label(url):
    return url.name or f"{ROUTE}{url.route}"


def test_the_admin_has_endpoints(record_property):
    record_property("admin_endpoints", len(URLS))
    print(f"\n{len(URLS)} admin endpoints classified in editorial/endpoints.py")
    assert len(URLS) > 300


@pytest.mark.parametrize("url", URLS, ids=[f"{url.position}-{label(url)}" for url in URLS])
def test_each_endpoint_matches_exactly_one_row(url):
    rows = endpoint_for(url.name, url.route)
    assert len(rows) == 1, (
        f"{url.route} ({label(url)}) matches {len(rows)} rows of editorial/endpoints.py: "
        f"{[row.pattern for row in rows]}; classify it there (and in docs/roles.md)"
    )


def test_every_row_matches_an_endpoint():
    unused = [
        row.pattern
        for row in ENDPOINTS
        if not any(row in endpoint_for(url.name, url.route) for url in URLS)
    ]
    assert unused == []


def test_shadowed_endpoints_are_never_reached():
    """A row marked as shadowed names wagtail-localize's own view; an unnamed guard with the
    same route comes first in the resolver, so the guard answers."""
    by_route = {}
    for url in URLS:
        by_route.setdefault(url.route, []).append(url)
    for url in URLS:
        (row,) = endpoint_for(url.name, url.route)
        if row.rule != SHADOWED:
            continue
        first = by_route[url.route][0]
        assert first.name is None and first.position < url.position, url.route
        assert endpoint_for(None, first.route)[0].rule != SHADOWED


def test_roles_name_the_editorial_groups():
    roles = {"redaktion", "chefredaktion", "translator"}
    for row in ENDPOINTS:
        for entry in [*row.roles, *(r for rs in row.variants.values() for r in rs)]:
            group, _sep, scope = entry.partition(":")
            assert group in roles, row.pattern
            assert scope in {"", "source", "own"}, row.pattern
