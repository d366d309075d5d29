"""Facts kept in child records are searchable: a cluster by its network, an event by its
organiser or category, a site by its federal state."""

import pytest

from clusters.factories import (
    ClusterIndexPageFactory,
    ClusterLocationFactory,
    ClusterNetworkFactory,
    ClusterPageFactory,
)
from events.factories import (
    EventCategoryFactory,
    EventIndexPageFactory,
    EventOrganiserFactory,
    EventPageFactory,
)
from locations.factories import LocationIndexPageFactory, LocationPageFactory

from .conftest import result_titles, search_url

pytestmark = pytest.mark.django_db


def test_cluster_is_found_by_its_network_and_site(client, site, home_page):
    index_page = ClusterIndexPageFactory(parent=home_page, slug="cluster")
    cluster = ClusterPageFactory(parent=index_page, title="Chemie und Kunststoffe")
    ClusterNetworkFactory(page=cluster, name="CeChemNet", role="Netzwerk der Chemieparks")
    ClusterLocationFactory(page=cluster, name="Schkopau")
    ClusterPageFactory(parent=index_page, title="Automotive")
    cluster.save()  # indexes the page with the child records now in the database

    assert result_titles(client.get(search_url(), {"q": "CeChemNet"})) == ["Chemie und Kunststoffe"]
    assert result_titles(client.get(search_url(), {"q": "Schkopau"})) == ["Chemie und Kunststoffe"]


def test_event_is_found_by_its_organiser_and_category(client, site, home_page):
    index_page = EventIndexPageFactory(parent=home_page, slug="termine")
    category = EventCategoryFactory(name="Wissenschaft")
    event = EventPageFactory(
        parent=index_page, title="Tag der offenen Labore", categories=[category]
    )
    EventOrganiserFactory(page=event, name="Mitteldeutscher Presseclub")
    EventPageFactory(parent=index_page, title="Stadtlauf")
    event.save()

    assert result_titles(client.get(search_url(), {"q": "Presseclub"})) == [
        "Tag der offenen Labore"
    ]
    assert "Tag der offenen Labore" in result_titles(
        client.get(search_url(), {"q": "Wissenschaft"})
    )


def test_site_is_found_by_its_federal_state(client, site, home_page):
    pool = LocationIndexPageFactory(parent=home_page, slug="flaechen", kind="site")
    LocationPageFactory(
        parent=pool, title="Gewerbegebiet Nord", kind="site", federal_state__code="ST"
    )
    titles = result_titles(client.get(search_url(), {"q": "Sachsen-Anhalt"}))
    assert "Gewerbegebiet Nord" in titles
