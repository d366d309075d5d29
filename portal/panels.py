"""wagtailgeowidget's Leaflet panel with Leaflet served from the project's static files.

The stock widget loads Leaflet from unpkg.com; editors' browsers should not depend on (or
report to) a CDN either, and the portal already ships Leaflet 1.9.4 for the public maps.
"""

from functools import cached_property

from django import forms

from wagtailgeowidget.panels import LeafletPanel
from wagtailgeowidget.widgets import LeafletField

LEAFLET_CSS = "locations/vendor/leaflet/leaflet.css"
LEAFLET_JS = "locations/vendor/leaflet/leaflet.js"


class SelfHostedLeafletField(LeafletField):
    @cached_property
    def media(self):
        return forms.Media(
            css={"all": ("wagtailgeowidget/css/leaflet-field.css", LEAFLET_CSS)},
            js=(
                "wagtailgeowidget/js/leaflet-field.js",
                "wagtailgeowidget/js/leaflet-field-controller.js",
                LEAFLET_JS,
            ),
        )


class SelfHostedLeafletPanel(LeafletPanel):
    """`LeafletPanel` whose widget loads the Leaflet of the public maps (`locations/static/`)."""

    def widget_overrides(self):
        field = self.model._meta.get_field(self.field_name)
        return {
            self.field_name: SelfHostedLeafletField(
                address_field=self.address_field,
                zoom_field=self.zoom_field,
                hide_latlng=self.hide_latlng,
                zoom=self.zoom,
                srid=getattr(field, "srid", 4326),
                id_prefix="id_",
            )
        }
