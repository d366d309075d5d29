"""The commercial-site and hall pool: one index page per pool and one page per property.

The models are split by what they describe; this package re-exports them (and the helpers
other modules name, such as `locations.models.format_point`), so
`from locations.models import LocationPage` keeps working. `index` imports `locations.views`,
which (like `locations.filters`) imports the submodules it needs (`choices`, `geo`,
`location`) by their own names and never this package's names or `index`, so the order of
the imports below does not matter.
"""

from .choices import Kind, Zoning
from .gallery import LocationGalleryImage
from .geo import POINT_PATTERN, REGION_BOUNDS, format_point, geocoder, map_settings, parse_point
from .index import LocationIndexPage
from .location import LocationPage

__all__ = [
    "POINT_PATTERN",
    "REGION_BOUNDS",
    "Kind",
    "LocationGalleryImage",
    "LocationIndexPage",
    "LocationPage",
    "Zoning",
    "format_point",
    "geocoder",
    "map_settings",
    "parse_point",
]
