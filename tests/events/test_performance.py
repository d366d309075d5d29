"""Events: the fast paths give the same results as the straightforward queries they replace."""

import datetime as dt
import re

from django.db import connection, models
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from wagtail.models import PageViewRestriction

import pytest

from events.factories import EventIndexPageFactory, EventPageFactory
from events.models import EventOccurrence, EventPage

pytestmark = pytest.mark.django_db


def reference_upcoming_events(index_page, limit):
    """The former implementation: two correlated subqueries per event page."""
    upcoming = EventOccurrence.objects.filter(
        event=models.OuterRef("pk"), end__gt=timezone.now()
    ).order_by("start", "pk")
    events = (
        EventPage.objects.live()
        .public()
        .child_of(index_page)
        .annotate(
            occurrence_start=models.Subquery(upcoming.values("start")[:1]),
            occurrence_end=models.Subquery(upcoming.values("end")[:1]),
        )
        .filter(occurrence_start__isnull=False)
        .select_related("image")
        .order_by("occurrence_start", "title")
    )
    return list(events[:limit])


def summary(events):
    return [(e.pk, e.title, e.occurrence_start, e.occurrence_end) for e in events]


@pytest.fixture
def mixed_events(index_page, future):
    now = timezone.now()
    EventPageFactory(
        parent=index_page,
        title="Vorbei",
        start=now - dt.timedelta(days=3),
        end=now - dt.timedelta(days=3, hours=-2),
    )
    EventPageFactory(
        parent=index_page,
        title="Mehrtägig, läuft",
        start=now - dt.timedelta(days=2),
        end=now + dt.timedelta(days=2),
    )
    EventPageFactory(
        parent=index_page,
        title="Ganztägig, läuft",
        start=now - dt.timedelta(days=1),
        end=now + dt.timedelta(days=1),
        all_day=True,
    )
    # A weekly series that began weeks ago: its next date is the one that counts.
    EventPageFactory(
        parent=index_page,
        title="Stammtisch",
        start=now - dt.timedelta(days=21, hours=1),
        end=now - dt.timedelta(days=21),
        recurrence="weekly",
        recurrence_until=(now + dt.timedelta(days=60)).date(),
    )
    EventPageFactory(
        parent=index_page,
        title="Entwurf",
        start=future - dt.timedelta(days=20),
        live=False,
    )
    private = EventPageFactory(
        parent=index_page, title="Privat", start=future - dt.timedelta(days=20)
    )
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    # The same start: the title decides.
    EventPageFactory(parent=index_page, title="Zeta", start=future)
    EventPageFactory(parent=index_page, title="Alpha", start=future)
    EventPageFactory(parent=index_page, title="Später", start=future + dt.timedelta(days=5))
    # Another calendar's events are not listed.
    other = EventIndexPageFactory(parent=index_page.get_parent(), slug="andere-termine")
    EventPageFactory(parent=other, title="Anderswo", start=future - dt.timedelta(days=25))


@pytest.mark.parametrize("limit", [0, 1, 2, 3, 5, 8, 20])
def test_upcoming_events_match_the_former_query(index_page, mixed_events, limit):
    expected = reference_upcoming_events(index_page, limit)
    upcoming = index_page.upcoming_events(limit=limit)
    assert summary(upcoming) == summary(expected)
    assert all(isinstance(event, EventPage) for event in upcoming)
    assert [e.card_text for e in upcoming] == [e.card_text for e in expected]
    titles = [e.title for e in index_page.upcoming_events(20)]
    assert not {"Vorbei", "Entwurf", "Privat", "Anderswo"} & set(titles)
    assert titles.index("Alpha") + 1 == titles.index("Zeta")


def test_upcoming_events_skip_a_section_below_a_private_page(index_page, mixed_events):
    PageViewRestriction.objects.create(page=index_page, restriction_type="password", password="x")
    assert index_page.upcoming_events(3) == []
    assert reference_upcoming_events(index_page, 3) == []


def test_upcoming_events_look_past_a_long_series(index_page):
    now = timezone.now()
    EventPageFactory(
        parent=index_page,
        title="Täglich",
        start=now + dt.timedelta(hours=1),
        recurrence="rule",
        recurrence_rule="FREQ=DAILY;COUNT=100",
    )
    EventPageFactory(
        parent=index_page,
        title="Auch täglich",
        start=now + dt.timedelta(hours=2),
        end=now + dt.timedelta(hours=2, minutes=30),
        recurrence="rule",
        recurrence_rule="FREQ=DAILY;COUNT=60",
    )
    EventPageFactory(parent=index_page, title="Danach", start=now + dt.timedelta(days=200))
    upcoming = index_page.upcoming_events(3)
    assert [e.title for e in upcoming] == ["Täglich", "Auch täglich", "Danach"]
    assert summary(upcoming) == summary(reference_upcoming_events(index_page, 3))


def test_upcoming_events_in_the_active_language_match(index_page, en_home_page, translate, event):
    english_index = translate(index_page, title="Events", slug="events")
    translate(event, title="Hydrogen dialogue", slug="hydrogen-dialogue")
    with translation.override("en"):
        assert summary(index_page.upcoming_events(3)) == summary(
            reference_upcoming_events(english_index, 3)
        )


def test_upcoming_events_use_a_constant_number_of_queries(index_page, make_events):
    make_events(4, start=timezone.now() + dt.timedelta(days=1))
    index_page.upcoming_events(3)
    with CaptureQueriesContext(connection) as small:
        index_page.upcoming_events(3)
    make_events(60, start=timezone.now() + dt.timedelta(hours=2))
    make_events(20, start=timezone.now() - dt.timedelta(days=10))
    with CaptureQueriesContext(connection) as large:
        upcoming = index_page.upcoming_events(3)
    assert len(large) == len(small) <= 3
    assert summary(upcoming) == summary(reference_upcoming_events(index_page, 3))


def found_count(response):
    match = re.search(r"(\d+) (?:Termin|Termine) gefunden", response.content.decode())
    return int(match.group(1))


@pytest.mark.parametrize(
    ("query", "archive"),
    [
        ("", False),
        ("?city=Leipzig", False),
        ("?q=Termin+1", False),
        ("?page=2", False),
        ("", True),
        ("?city=Leipzig", True),
    ],
)
def test_the_count_above_the_list_is_the_number_of_dates(
    client, index_page, make_events, query, archive
):
    make_events(15, start=timezone.now() + dt.timedelta(days=2))
    make_events(5, start=timezone.now() + dt.timedelta(days=4), city="Halle (Saale)")
    make_events(14, start=timezone.now() - dt.timedelta(days=30))
    draft = make_events(1, start=timezone.now() + dt.timedelta(days=3))[0]
    draft.unpublish()
    now = timezone.now()
    expected = index_page.occurrences().filter(
        **({"end__lte": now} if archive else {"end__gt": now})
    )
    if "city" in query:
        expected = expected.filter(event__city="Leipzig")
    if "q=" in query:
        expected = expected.filter(event__title__icontains="Termin 1")
    path = "/de/termine/" + ("archiv/" if archive else "") + query
    response = client.get(path)
    assert response.status_code == 200
    assert found_count(response) == expected.count()


def test_list_shows_categories_in_their_order(client, index_page, categories, future):
    EventPageFactory(
        parent=index_page,
        title="Mit Kategorien",
        start=future,
        categories=[categories["sport"], categories["wirtschaft"], categories["kultur"]],
    )
    content = client.get("/de/termine/").content.decode()
    assert content.index("<li>Sport</li>") < content.index("<li>Wirtschaft</li>")
    assert content.index("<li>Wirtschaft</li>") < content.index("<li>Kultur</li>")


def test_city_choices_are_read_once_per_request(client, index_page, make_events):
    make_events(2, start=timezone.now() + dt.timedelta(days=2))
    # An invalid value makes the view build the filter a second time.
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/de/termine/?month=nonsense&city=Leipzig")
    assert response.status_code == 200
    distinct = [q for q in queries if "DISTINCT" in q["sql"] and '"city"' in q["sql"]]
    assert len(distinct) == 1
    assert '<option value="Leipzig" selected>Leipzig</option>' in response.content.decode()
