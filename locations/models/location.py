"""A property of the pool: a commercial site or a hall, placed on the map by the editor."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField
from wagtailgeowidget.panels import GeoAddressPanel

from portal.blocks import BaseStreamBlock
from portal.fields import optional_link
from portal.panels import SelfHostedLeafletPanel

from .choices import Kind, Zoning
from .geo import REGION_BOUNDS, geocoder, map_settings, parse_point


class LocationPage(Page):
    """A commercial site or a hall of the pool, placed on the map by the editor.

    Editors enter the address, place the marker (address search or a click on the map), fill
    the areas of a site (hectares) or of a hall (square metres and fittings), zoning, price,
    availability, distances and a contact person, and attach photos and an exposé (PDF).
    """

    # What kind of property this is; copied from its pool on save.
    kind = models.CharField(
        _("kind of property"),
        max_length=4,
        choices=Kind.choices,
        default=Kind.SITE,
        editable=False,
        db_index=True,
    )
    summary = models.TextField(
        _("summary"),
        max_length=300,
        blank=True,
        help_text=_("One or two sentences for the list, the map's popup and search results."),
    )

    # Address
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postcode = models.CharField(
        _("postcode"), max_length=5, blank=True, help_text=_("Five digits, e.g. 04109.")
    )
    city = models.CharField(_("city or municipality"), max_length=100, db_index=True)
    district = models.CharField(
        _("district"),
        max_length=100,
        blank=True,
        db_index=True,
        help_text=_("Landkreis or independent city, e.g. Saalekreis or Leipzig."),
    )
    federal_state = models.ForeignKey(
        "portal.FederalState",
        verbose_name=_("federal state"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    # Position on the map
    address = models.CharField(
        _("address search"),
        max_length=250,
        blank=True,
        help_text=_(
            "Type an address to move the marker there (the search runs in your browser); "
            "you can also click on the map or drag the marker."
        ),
    )
    location = models.CharField(
        _("position on the map"),
        max_length=250,
        help_text=_("Place the marker on the property; latitude and longitude follow it."),
    )
    # Derived from `location` on save: plain indexed numbers for fast bounding-box filters.
    latitude = models.FloatField(_("latitude"), editable=False, db_index=True, default=0)
    longitude = models.FloatField(_("longitude"), editable=False, db_index=True, default=0)

    # Areas of a site
    total_area_ha = models.DecimalField(
        _("total area (ha)"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Gross area of the site in hectares."),
    )
    available_area_ha = models.DecimalField(
        _("available area (ha)"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Area still free for investors, in hectares."),
    )
    # Areas of a hall
    floor_space_m2 = models.PositiveIntegerField(
        _("floor space (m²)"), null=True, blank=True, help_text=_("Usable hall space.")
    )
    hall_height_m = models.DecimalField(
        _("clear height (m)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Clear height under the roof structure."),
    )
    floor_load_t_m2 = models.DecimalField(
        _("floor load (t/m²)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    loading_docks = models.PositiveSmallIntegerField(_("loading docks"), null=True, blank=True)
    office_space_m2 = models.PositiveIntegerField(_("office space (m²)"), null=True, blank=True)
    # The area the list sorts and filters by, in m² (sites: available area, else total area;
    # halls: floor space). Computed on save so sites and halls share one indexed column.
    area_m2 = models.FloatField(_("area (m²)"), editable=False, null=True, db_index=True)

    # Terms
    zoning = models.CharField(
        _("zoning"),
        max_length=2,
        choices=Zoning.choices,
        db_index=True,
        help_text=_("Planning category of the land-use plan (Bebauungsplan)."),
    )
    price_per_m2 = models.DecimalField(
        _("price per m² (EUR)"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        db_index=True,
        help_text=_("Sites: purchase price; halls: monthly rent. Leave empty for “on request”."),
    )
    price_on_request = models.BooleanField(
        _("price on request"),
        default=False,
        help_text=_("Tick when no price is published."),
    )
    available_from = models.DateField(
        _("available from"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("Leave empty if the property is available now."),
    )

    # Distances
    motorway_name = models.CharField(
        _("motorway"), max_length=20, blank=True, help_text=_("The nearest motorway, e.g. A14.")
    )
    distance_motorway_km = models.DecimalField(
        _("to the motorway (km)"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    distance_airport_km = models.DecimalField(
        _("to the airport (km)"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    distance_rail_km = models.DecimalField(
        _("to the rail connection (km)"), max_digits=5, decimal_places=1, null=True, blank=True
    )

    subsidy_notes = models.TextField(
        _("subsidies"),
        blank=True,
        max_length=1000,
        help_text=_("Funding programmes and subsidy rates that apply."),
    )
    expose = optional_link(
        "wagtaildocs.Document", _("exposé (PDF)"), _("The property's exposé as a PDF file.")
    )
    contact_person = optional_link("portal.ContactPerson", _("contact person"))
    description = StreamField(
        BaseStreamBlock(),
        verbose_name=_("description"),
        blank=True,
        help_text=_("Details of the property: location, infrastructure, neighbours."),
    )

    intro_panels = [FieldPanel("summary")]
    address_panels = [
        MultiFieldPanel(
            [
                FieldPanel("street"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")]),
                FieldRowPanel([FieldPanel("district"), FieldPanel("federal_state")]),
            ],
            heading=_("Address"),
        ),
    ]
    map_panels = [
        MultiFieldPanel(
            [
                GeoAddressPanel("address", geocoder=geocoder())
                if geocoder()
                else FieldPanel("address"),
                SelfHostedLeafletPanel("location", address_field="address"),
            ],
            heading=_("Position on the map"),
        ),
    ]
    area_panels = [
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("total_area_ha"), FieldPanel("available_area_ha")])],
            heading=_("Areas of a site"),
            help_text=_("For commercial sites."),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("floor_space_m2"), FieldPanel("office_space_m2")]),
                FieldRowPanel(
                    [
                        FieldPanel("hall_height_m"),
                        FieldPanel("floor_load_t_m2"),
                        FieldPanel("loading_docks"),
                    ]
                ),
            ],
            heading=_("Areas of a hall"),
            help_text=_("For halls."),
        ),
    ]
    terms_panels = [
        MultiFieldPanel(
            [
                FieldPanel("zoning"),
                FieldRowPanel([FieldPanel("price_per_m2"), FieldPanel("price_on_request")]),
                FieldPanel("available_from"),
                FieldPanel("subsidy_notes"),
            ],
            heading=_("Zoning, price and availability"),
        ),
    ]
    distance_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("motorway_name"), FieldPanel("distance_motorway_km")]),
                FieldRowPanel([FieldPanel("distance_airport_km"), FieldPanel("distance_rail_km")]),
            ],
            heading=_("Distances"),
        ),
    ]
    media_panels = [
        InlinePanel("gallery_images", label=_("Photo"), heading=_("Photos")),
        FieldPanel("expose"),
        FieldPanel("contact_person"),
        FieldPanel("description"),
    ]
    content_panels = (
        Page.content_panels
        + intro_panels
        + address_panels
        + map_panels
        + area_panels
        + terms_panels
        + distance_panels
        + media_panels
    )

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("city"),
        index.SearchField("district"),
        index.SearchField("description"),
        index.SearchField("zoning"),
        index.RelatedFields("federal_state", [index.SearchField("name")]),
        index.FilterField("kind"),
    ]

    # Fields of the read-only API at /api/v2/ (seo/api.py, docs/seo.md).
    api_fields = [
        "kind",
        "summary",
        "street",
        "postcode",
        "city",
        "district",
        "federal_state",
        "latitude",
        "longitude",
        "total_area_ha",
        "available_area_ha",
        "floor_space_m2",
        "hall_height_m",
        "floor_load_t_m2",
        "loading_docks",
        "office_space_m2",
        "area_m2",
        "zoning",
        "price_per_m2",
        "price_on_request",
        "available_from",
        "motorway_name",
        "distance_motorway_km",
        "distance_airport_km",
        "distance_rail_km",
        "subsidy_notes",
        "expose",
        "description",
    ]

    # Facts follow the German source; texts are translated.
    override_translatable_fields = [
        SynchronizedField(name)
        for name in (
            "street",
            "postcode",
            "city",
            "district",
            "address",
            "location",
            "motorway_name",
            "federal_state",
            "expose",
        )
    ] + [
        TranslatableField("summary"),
        TranslatableField("subsidy_notes"),
        TranslatableField("description"),
    ]

    parent_page_types = ["locations.LocationIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("commercial site or hall")
        verbose_name_plural = _("commercial sites and halls")

    def clean(self):
        super().clean()
        errors = {}
        point = parse_point(self.location)
        if point is None:
            errors["location"] = _(
                "Place the marker on the map (expected “SRID=4326;POINT(longitude latitude)”)."
            )
        else:
            latitude, longitude = point
            south, west, north, east = REGION_BOUNDS
            if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
                errors["location"] = _(
                    "Latitude must lie between -90 and 90 and longitude between -180 and 180."
                )
            elif not (south <= latitude <= north and west <= longitude <= east):
                errors["location"] = _(
                    "This point lies far outside Saxony, Saxony-Anhalt and Thuringia; "
                    "check the marker (latitude %(lat)s, longitude %(lng)s)."
                ) % {"lat": round(latitude, 4), "lng": round(longitude, 4)}
        if self.postcode and not (self.postcode.isdigit() and len(self.postcode) == 5):
            errors["postcode"] = _("Enter a German postcode of five digits.")
        if (
            self.total_area_ha is not None
            and self.available_area_ha is not None
            and self.available_area_ha > self.total_area_ha
        ):
            errors["available_area_ha"] = _("The available area cannot exceed the total area.")
        if self.price_per_m2 is not None and self.price_on_request:
            errors["price_on_request"] = _("Enter a price or tick “price on request”, not both.")
        if self.price_per_m2 is not None and self.price_per_m2 <= 0:
            errors["price_per_m2"] = _("Enter a price above zero.")
        if self.expose_id and not self.expose.file.name.lower().endswith(".pdf"):
            errors["expose"] = _("The exposé must be a PDF file.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.sync_derived_fields()
        return super().save(*args, **kwargs)

    def sync_derived_fields(self):
        point = parse_point(self.location)
        if point is not None:
            self.latitude, self.longitude = point
        parent = self.get_parent() if self.pk or self.path else None
        if parent is not None:
            parent_kind = getattr(parent.specific_deferred, "kind", None)
            if parent_kind in Kind.values:
                self.kind = parent_kind
        if self.kind == Kind.SITE:
            area_ha = self.available_area_ha
            if area_ha is None:
                area_ha = self.total_area_ha
            self.area_m2 = float(area_ha) * 10_000 if area_ha is not None else None
        else:
            self.area_m2 = float(self.floor_space_m2) if self.floor_space_m2 is not None else None

    # Facts for templates, popups and the feed

    @property
    def area_display_value(self):
        """The pool's headline area in its unit: hectares for sites, m² for halls."""
        if self.kind == Kind.SITE:
            return self.available_area_ha if self.available_area_ha is not None else None
        return self.floor_space_m2

    @property
    def is_available_now(self):
        return self.available_from is None or self.available_from <= timezone.localdate()

    @property
    def route_url(self):
        """A route planner link (opened by the visitor; nothing is loaded on page view)."""
        return (
            "https://www.openstreetmap.org/directions?route=%3B"
            f"{self.latitude:.5f}%2C{self.longitude:.5f}"
        )

    @property
    def card_text(self):
        return self.summary

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        contact = self.contact_person
        context.update(
            {
                "pool": self.get_parent(),
                "gallery": list(self.gallery_images.select_related("image")),
                "contact": contact if contact is not None and contact.live else None,
                **map_settings(),
            }
        )
        return context
