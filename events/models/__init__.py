"""The events calendar (Termine): categories, the index with archive, calendar and feeds, events.

`EventPage` holds one event or a series; its occurrences are written to `EventOccurrence`
whenever the page is saved, so listings, the calendar and the home page's teaser page through
the database in a fixed number of queries however many events there are.

The models are split by what they describe; this package re-exports them (and the constants
and helpers the former single module held), so `from events.models import EventPage` keeps
working. The page modules (`index`, `event`) import the views, the JSON-LD and the template
tags; those (and the filters) import only the modules below that name no page class
(`categories`, `choices`, `inlines`, `occurrences`) by their own names, never this package's
names, so the order of the imports below does not matter.
"""

from .categories import EventCategory
from .choices import Recurrence, Status
from .common import (
    LEAFLET_CSS,
    LEAFLET_JS,
    LIST_DEFERRED_FIELDS,
    RESERVED_SLUGS,
    RICH_TEXT_FEATURES,
    leaflet_assets,
    map_assets,
)
from .event import EventPage
from .index import EventIndexPage
from .inlines import EventCategoryLink, EventGalleryImage, EventOrganiser, EventPresentation
from .occurrences import OCCURRENCE_FIELDS, EventOccurrence

__all__ = [
    "LEAFLET_CSS",
    "LEAFLET_JS",
    "LIST_DEFERRED_FIELDS",
    "OCCURRENCE_FIELDS",
    "RESERVED_SLUGS",
    "RICH_TEXT_FEATURES",
    "EventCategory",
    "EventCategoryLink",
    "EventGalleryImage",
    "EventIndexPage",
    "EventOccurrence",
    "EventOrganiser",
    "EventPage",
    "EventPresentation",
    "Recurrence",
    "Status",
    "leaflet_assets",
    "map_assets",
]
