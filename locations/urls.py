"""Non-page URLs of the pool, included under each language prefix (/de/api/…, /en/api/…)."""

from django.urls import path

from . import feed

urlpatterns = [
    path("locations.geojson", feed.geojson_feed, name="locations_geojson"),
]
