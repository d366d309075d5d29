"""Constants and helpers the event models share: rich-text features, reserved slugs, the
columns lists leave out, and the map assets of event pages."""

import functools

from django.conf import settings
from django.contrib.staticfiles import finders
from django.templatetags.static import static

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ul", "ol"]
# Sub-paths the index and event pages answer themselves (RoutablePageMixin); an event with
# one of these slugs could never be reached.
LEAFLET_JS = "locations/vendor/leaflet/leaflet.js"
LEAFLET_CSS = "locations/vendor/leaflet/leaflet.css"
RESERVED_SLUGS = {"archiv", "archive", "kalender", "calendar", "ical"}
# Large columns of EventPage that the list and the calendar never show.
LIST_DEFERRED_FIELDS = ("body", "documentation_summary", "documentation_video")


@functools.cache
def leaflet_assets():
    """Leaflet as vendored by the locations app, or (None, None) while it is not there."""
    if finders.find(LEAFLET_JS) and finders.find(LEAFLET_CSS):
        return static(LEAFLET_JS), static(LEAFLET_CSS)
    return None, None


def map_assets():
    leaflet_js, leaflet_css = leaflet_assets()
    return {
        "leaflet_js": leaflet_js,
        "leaflet_css": leaflet_css,
        "map_tile_url": getattr(settings, "MAP_TILE_URL", ""),
        "map_attribution": getattr(settings, "MAP_TILE_ATTRIBUTION", ""),
    }
