"""Fixtures for the page-cache tests: a small site with a page of every kind that is cached.

Tests fetch each address twice to prove a fresh entry (``MISS`` then ``HIT``), edit, and fetch
again: a purged entry answers ``MISS`` with the new content, an unrelated one ``HIT``.
"""

import datetime as dt

from django.db import connection
from django.utils import timezone

import pytest

from clusters.factories import ClusterIndexPageFactory, ClusterPageFactory, ClusterPageQuoteFactory
from events.factories import EventIndexPageFactory, EventPageFactory
from home.factories import StandardPageFactory
from locations.factories import LocationIndexPageFactory, LocationPageFactory
from portal.factories import PortalSettingsFactory
from quotes.factories import QuoteFactory


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    # Explicit, so the tests do not depend on the default or on the environment.
    settings.PAGE_CACHE_SECONDS = 600
    settings.WAGTAILFRONTENDCACHE = {}


def fetch(client, url, **extra):
    """GET ``url``; returns (X-Cache value, response)."""
    response = client.get(url, **extra)
    return response.get("X-Cache"), response


def cached(client, url, **extra):
    """Fetch ``url`` until it is stored; the content must then come from the cache."""
    state, response = fetch(client, url, **extra)
    assert response.status_code == 200, (url, response.status_code)
    assert state in ("MISS", "HIT"), (url, state)
    state, again = fetch(client, url, **extra)
    assert state == "HIT", (url, state)
    assert again.content == response.content
    return again


def commit():
    """Run what the test transaction queued for its commit, as a real commit would.

    The test never commits; the page cache collects a transaction's purges in one batch that
    runs on commit, so tests of the after-commit work (the CDN purge) call this instead.
    """
    callbacks = list(connection.run_on_commit)
    connection.run_on_commit.clear()
    for _savepoints, callback, _robust in callbacks:
        callback()


def text(response):
    return response.content.decode()


@pytest.fixture
def portal(site, home_page):
    """Clusters with a quote, events, a pool with a property, a menu page; all German."""
    PortalSettingsFactory()
    cluster_index = ClusterIndexPageFactory(parent=home_page, title="Cluster", slug="cluster")
    chemie = ClusterPageFactory(parent=cluster_index, title="Chemie und Kunststoffe")
    optik = ClusterPageFactory(parent=cluster_index, title="Optik und Photonik")
    quote = QuoteFactory(text="Chemie hat hier Zukunft.")
    ClusterPageQuoteFactory(page=chemie, quote=quote)
    events = EventIndexPageFactory(parent=home_page, title="Termine", slug="termine")
    start = timezone.now() + dt.timedelta(days=10)
    event = EventPageFactory(
        parent=events,
        title="Clusterkonferenz",
        start=start,
        end=start + dt.timedelta(hours=3),
    )
    pool = LocationIndexPageFactory(parent=home_page, title="Gewerbeflächen", slug="flaechen")
    location = LocationPageFactory(parent=pool, title="Gewerbegebiet Nord", slug="nord")
    about = StandardPageFactory(parent=home_page, title="Über uns", slug="ueber-uns")
    home_page.clusters_page = cluster_index
    home_page.events_page = events
    home_page.sites_page = pool
    home_page.save_revision().publish()
    return {
        "home": home_page,
        "cluster_index": cluster_index,
        "chemie": chemie,
        "optik": optik,
        "quote": quote,
        "events": events,
        "event": event,
        "pool": pool,
        "location": location,
        "about": about,
    }
