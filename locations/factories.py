"""wagtail-factories for the commercial-site and hall pool.

Examples::

    pool = LocationIndexPageFactory(kind="site")              # /de/gewerbeflaechen-1/
    site = LocationPageFactory(parent=pool, city="Leuna", latitude=51.317, longitude=12.017)
    halls = LocationIndexPageFactory(kind="hall", title="Hallenobjekte")
    hall = LocationPageFactory(parent=halls, floor_space_m2=12_000, total_area_ha=None)

`latitude`/`longitude` are factory parameters: they fill the widget's `location` field, from
which the model derives its indexed columns on save (as the admin does).
"""

from decimal import Decimal

import wagtail_factories

import factory
from factory.django import DjangoModelFactory

from portal.factories import (
    BaseStreamBlockFactory,
    FederalStateFactory,
    ImageFactory,
    default_home_page,
)

from .models import (
    Kind,
    LocationGalleryImage,
    LocationIndexPage,
    LocationPage,
    Zoning,
    format_point,
)

__all__ = ["LocationGalleryImageFactory", "LocationIndexPageFactory", "LocationPageFactory"]


class LocationIndexPageFactory(wagtail_factories.PageFactory):
    """A live pool page under the German home page (sites unless `kind="hall"`)."""

    parent = factory.LazyFunction(default_home_page)
    title = factory.Sequence(lambda n: f"Gewerbeflächen {n}")
    kind = Kind.SITE
    intro = "Freie Flächen für Industrie und Gewerbe in Mitteldeutschland."

    class Meta:
        model = LocationIndexPage


class LocationPageFactory(wagtail_factories.PageFactory):
    """A live property in Leipzig's surroundings; pass `parent=<pool page>`."""

    class Params:
        latitude = 51.34
        longitude = 12.375

    title = factory.Sequence(lambda n: f"Gewerbegebiet Nord {n}")
    summary = "Voll erschlossene Fläche mit Anschluss an die A14."
    street = "Industriestraße 1"
    postcode = "04109"
    city = "Leipzig"
    district = "Leipzig"
    federal_state = factory.SubFactory(FederalStateFactory)
    location = factory.LazyAttribute(lambda o: format_point(o.latitude, o.longitude))
    total_area_ha = Decimal("20.00")
    available_area_ha = Decimal("8.50")
    zoning = Zoning.GE
    price_per_m2 = Decimal("10.00")
    motorway_name = "A14"
    distance_motorway_km = Decimal("3.5")
    description = wagtail_factories.StreamFieldFactory(BaseStreamBlockFactory)

    class Meta:
        model = LocationPage


class LocationGalleryImageFactory(DjangoModelFactory):
    page = factory.SubFactory(LocationPageFactory)
    image = factory.SubFactory(ImageFactory)
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = LocationGalleryImage
