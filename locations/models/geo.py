"""Positions on the map: the admin's geocoder, the widget's point format, the map tiles."""

import re
from urllib.parse import urlsplit

from django.conf import settings

from wagtailgeowidget import geocoders

# Bounding box of Sachsen, Sachsen-Anhalt and Thüringen (south, west, north, east) with a
# margin of about 50 km: a point outside it is a typing error (swapped or truncated
# coordinates), not a property of the region.
REGION_BOUNDS = (49.7, 9.2, 53.5, 15.8)
POINT_PATTERN = re.compile(
    r"^\s*SRID=4326;\s*POINT\s*\(\s*(?P<lng>[-+]?\d+(?:\.\d+)?)\s+(?P<lat>[-+]?\d+(?:\.\d+)?)\s*\)\s*$",
    re.IGNORECASE,
)


def geocoder():
    """The admin's address search (runs in the editor's browser, never on the server).

    `LOCATIONS_GEOCODER` names one of wagtailgeowidget's geocoders; an empty value switches
    the address search off (the address field is then a plain text field).
    """
    return getattr(settings, "LOCATIONS_GEOCODER", geocoders.NOMINATIM)


def parse_point(value):
    """(latitude, longitude) from the widget's `SRID=4326;POINT(lng lat)`, or None."""
    match = POINT_PATTERN.match(value or "")
    if match is None:
        return None
    return float(match["lat"]), float(match["lng"])


def format_point(latitude, longitude):
    return f"SRID=4326;POINT({longitude} {latitude})"


def map_settings():
    """Tile source of the public maps; read per request so tests can point it elsewhere."""
    return {
        "map_tile_url": settings.MAP_TILE_URL,
        "map_tile_attribution": settings.MAP_TILE_ATTRIBUTION,
        "map_tile_host": urlsplit(settings.MAP_TILE_URL).hostname or "",
    }
