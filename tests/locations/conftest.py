"""Fixtures of the pool's tests: a site pool and a hall pool under the German home page."""

import pytest

from locations.factories import LocationIndexPageFactory, LocationPageFactory
from locations.models import Kind
from portal.models import FederalState


@pytest.fixture
def states(db):
    return {state.code: state for state in FederalState.objects.all()}


@pytest.fixture
def sites_pool(site):
    return LocationIndexPageFactory(kind=Kind.SITE, title="Gewerbeflächen", slug="gewerbeflaechen")


@pytest.fixture
def halls_pool(site):
    return LocationIndexPageFactory(kind=Kind.HALL, title="Hallenobjekte", slug="hallenobjekte")


@pytest.fixture
def make_site(sites_pool, states):
    """`make_site(**fields)`: a live site in the site pool (state code as `state="ST"`)."""

    def make(state="SN", **fields):
        return LocationPageFactory(parent=sites_pool, federal_state=states[state], **fields)

    return make


@pytest.fixture
def make_hall(halls_pool, states):
    def make(state="SN", **fields):
        fields.setdefault("total_area_ha", None)
        fields.setdefault("available_area_ha", None)
        fields.setdefault("floor_space_m2", 10_000)
        return LocationPageFactory(parent=halls_pool, federal_state=states[state], **fields)

    return make


@pytest.fixture
def sample_sites(make_site):
    """Three sites in three states with distinct areas, prices, zoning and places."""
    return [
        make_site(
            title="Industriepark Espenhain",
            city="Rötha",
            district="Landkreis Leipzig",
            state="SN",
            latitude=51.19,
            longitude=12.472,
            total_area_ha="139.50",
            available_area_ha="14.30",
            zoning="GI",
            price_per_m2="8.50",
        ),
        make_site(
            title="Großkayna-Frankleben",
            city="Braunsbedra",
            district="Saalekreis",
            state="ST",
            latitude=51.305,
            longitude=11.935,
            total_area_ha="47.10",
            available_area_ha="21.90",
            zoning="GE",
            price_per_m2=None,
            price_on_request=True,
        ),
        make_site(
            title="Technologiepark Jena",
            city="Jena",
            district="Jena",
            state="TH",
            latitude=50.884,
            longitude=11.597,
            total_area_ha="12.00",
            available_area_ha="3.20",
            zoning="SO",
            price_per_m2="45.00",
            available_from="2999-01-01",
        ),
    ]
