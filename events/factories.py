"""factory_boy / wagtail-factories factories for the events calendar.

Examples::

    index = EventIndexPageFactory()                      # below the German home page
    wirtschaft = EventCategoryFactory(name="Wirtschaft", slug="wirtschaft")
    event = EventPageFactory(parent=index, start=aware(2027, 3, 10, 10), categories=[wirtschaft])
    series = EventPageFactory(parent=index, recurrence="weekly", recurrence_until=date(2027, 6, 1))
"""

import datetime as dt

import wagtail_factories
from wagtail.models import Locale

import factory
from factory.django import DjangoModelFactory

from portal.factories import ImageFactory, default_home_page

from .models import (
    EventCategory,
    EventCategoryLink,
    EventGalleryImage,
    EventIndexPage,
    EventOrganiser,
    EventPage,
    EventPresentation,
)
from .recurrence import make_aware

__all__ = [
    "EventCategoryFactory",
    "EventCategoryLinkFactory",
    "EventGalleryImageFactory",
    "EventIndexPageFactory",
    "EventOrganiserFactory",
    "EventPageFactory",
    "EventPresentationFactory",
    "aware",
]


def aware(year, month, day, hour=0, minute=0):
    """An aware datetime on Berlin's clock."""
    return make_aware(dt.datetime(year, month, day, hour, minute))


class EventCategoryFactory(DjangoModelFactory):
    """A live category in the default (German) locale."""

    name = factory.Sequence(lambda n: f"Kategorie {n}")
    slug = factory.Sequence(lambda n: f"kategorie-{n}")
    sort_order = factory.Sequence(lambda n: n)
    locale = factory.LazyFunction(Locale.get_default)
    live = True

    class Meta:
        model = EventCategory


class EventIndexPageFactory(wagtail_factories.PageFactory):
    """A live events calendar below the German home page."""

    parent = factory.LazyFunction(default_home_page)
    title = "Termine"
    slug = factory.Sequence(lambda n: "termine" if n == 0 else f"termine-{n}")
    intro = "Veranstaltungen in Mitteldeutschland."

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    """A live event; pass `categories=[…]` to link categories, `parent=` an index page."""

    title = factory.Sequence(lambda n: f"Veranstaltung {n}")
    start = factory.Sequence(lambda n: aware(2027, 3, 1, 10) + dt.timedelta(days=n))
    end = factory.LazyAttribute(lambda o: o.start + dt.timedelta(hours=2))
    summary = "Eine Veranstaltung in der Region."
    venue_name = "Kongresshalle"
    city = "Leipzig"

    class Meta:
        model = EventPage
        skip_postgeneration_save = True

    @factory.post_generation
    def categories(self, create, extracted, **kwargs):
        if not extracted:
            return
        for index, category in enumerate(extracted):
            EventCategoryLink.objects.create(page=self, category=category, sort_order=index)


class EventCategoryLinkFactory(DjangoModelFactory):
    page = factory.SubFactory(EventPageFactory)
    category = factory.SubFactory(EventCategoryFactory)

    class Meta:
        model = EventCategoryLink


class EventOrganiserFactory(DjangoModelFactory):
    page = factory.SubFactory(EventPageFactory)
    name = factory.Sequence(lambda n: f"Veranstalter {n}")
    url = "https://example.org/"

    class Meta:
        model = EventOrganiser


class EventGalleryImageFactory(DjangoModelFactory):
    page = factory.SubFactory(EventPageFactory)
    image = factory.SubFactory(ImageFactory)
    alt_text = "Publikum im Saal"
    caption = ""

    class Meta:
        model = EventGalleryImage


class EventPresentationFactory(DjangoModelFactory):
    page = factory.SubFactory(EventPageFactory)
    document = factory.SubFactory(wagtail_factories.DocumentFactory)
    title = "Vortrag"

    class Meta:
        model = EventPresentation
