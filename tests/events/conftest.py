"""Fixtures of the events tests: an events calendar with categories below the home page."""

import datetime as dt

from django.utils import timezone

import pytest

from events.factories import EventCategoryFactory, EventIndexPageFactory, EventPageFactory, aware
from events.models import EventPage


@pytest.fixture
def index_page(site, home_page):
    return EventIndexPageFactory(parent=home_page, title="Termine", slug="termine")


@pytest.fixture
def categories(db):
    return {
        slug: EventCategoryFactory(name=name, slug=slug, sort_order=position)
        for position, (slug, name) in enumerate(
            [
                ("wirtschaft", "Wirtschaft"),
                ("wissenschaft", "Wissenschaft"),
                ("kultur", "Kultur"),
                ("sport", "Sport"),
            ]
        )
    }


@pytest.fixture
def future():
    """A local datetime well ahead of now, at 10:00."""
    day = timezone.localdate() + dt.timedelta(days=30)
    return aware(day.year, day.month, day.day, 10)


@pytest.fixture
def make_events(index_page):
    """`make_events(count, start=…, **fields)`: quickly add live events to the index page."""

    def make(count, start=None, **fields):
        start = start or aware(2099, 1, 1, 10)
        pages = []
        for number in range(count):
            page = EventPage(
                title=fields.get("title", f"Termin {number}"),
                slug=f"termin-{number}-{start:%Y%m%d%H%M}-{EventPage.objects.count()}",
                summary="Kurzbeschreibung.",
                start=start + dt.timedelta(hours=number),
                end=start + dt.timedelta(hours=number + 1),
                city=fields.get("city", "Leipzig"),
                venue_name="Saal",
            )
            index_page.add_child(instance=page)
            pages.append(page)
        return pages

    return make


@pytest.fixture
def event(index_page, categories, future):
    return EventPageFactory(
        parent=index_page,
        title="Wasserstoff-Dialog",
        slug="wasserstoff-dialog",
        start=future,
        end=future + dt.timedelta(hours=6),
        city="Leuna",
        venue_name="Chemiepark Leuna",
        location="SRID=4326;POINT(12.017 51.317)",
        categories=[categories["wirtschaft"]],
    )
