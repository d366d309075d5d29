"""Fixtures for the search tests: pages of each result type in German and English."""

import datetime as dt

from django.db import connection
from django.urls import reverse
from django.utils import timezone, translation

import pytest
from bs4 import BeautifulSoup

from clusters.factories import ClusterIndexPageFactory, ClusterPageFactory
from events.factories import EventIndexPageFactory, EventPageFactory
from home.factories import StandardPageFactory
from locations.factories import LocationIndexPageFactory, LocationPageFactory

on_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="language stemming needs PostgreSQL"
)


def search_url(language="de", name="search"):
    with translation.override(language):
        return reverse(name)


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def result_titles(response):
    return [a.get_text(strip=True) for a in soup(response).select(".search-result__title a")]


def notices(response):
    return [p.get_text(strip=True) for p in soup(response).select("p.notice")]


@pytest.fixture
def typed_pages(site, home_page):
    """One German page of every result type, all mentioning "Wasserstoff"."""
    now = timezone.now()
    cluster_index = ClusterIndexPageFactory(parent=home_page, slug="cluster")
    site_index = LocationIndexPageFactory(parent=home_page, slug="flaechen", kind="site")
    hall_index = LocationIndexPageFactory(parent=home_page, slug="hallen", kind="hall")
    event_index = EventIndexPageFactory(parent=home_page, slug="termine")
    return {
        "cluster": ClusterPageFactory(
            parent=cluster_index,
            title="Wasserstoffcluster Leuna",
            summary="Wasserstoff aus Leuna für die Chemieindustrie.",
        ),
        "site": LocationPageFactory(
            parent=site_index,
            title="Gewerbegebiet Bitterfeld",
            kind="site",
            summary="Fläche für Wasserstoff und Chemie.",
        ),
        "hall": LocationPageFactory(
            parent=hall_index,
            title="Halle Zeitz",
            kind="hall",
            summary="Halle für Wasserstoff-Elektrolyseure.",
        ),
        "past_event": EventPageFactory(
            parent=event_index,
            title="Wasserstofftag 2020",
            summary="Wasserstoff im Dialog.",
            start=now - dt.timedelta(days=400),
            end=now - dt.timedelta(days=400, hours=-2),
        ),
        "event": EventPageFactory(
            parent=event_index,
            title="Wasserstofftag kommend",
            summary="Wasserstoff im Dialog.",
            start=now + dt.timedelta(days=30),
            end=now + dt.timedelta(days=30, hours=2),
        ),
        "page": StandardPageFactory(
            parent=home_page, title="Über Wasserstoff", search_description="Wasserstoff erklärt."
        ),
    }
