"""Benchmark of the events calendar with 5,000 events, on SQLite and PostgreSQL.

    .venv/bin/python bench/events_bench.py                    # both databases
    .venv/bin/python bench/events_bench.py --backend sqlite
    .venv/bin/python bench/events_bench.py --backend postgres --runs 21

Each backend gets a fresh scratch database (SQLite: /tmp/events-bench.sqlite3; PostgreSQL:
database `events_bench` on 127.0.0.1 as user postgres, dropped and recreated), migrated, then
filled with 5,000 live events in four categories (every 50th a weekly series of ten dates,
about 5,900 dates in all, spread over 2027 and 2028) by bulk inserts. The script then requests
the upcoming list, a filtered list, the archive, a month of the calendar, the index feed and a
category feed through Django's test client and prints the median time of `--runs` requests
(after two warm-up requests), the number of database queries of one request and the size of
the response. Times are server times without network.
"""

import random
import time
from pathlib import Path

import _common

SQLITE_PATH = Path("/tmp/events-bench.sqlite3")
PG_DB = "events_bench"
TOTAL = 5_000
CATEGORIES = ["wirtschaft", "wissenschaft", "kultur", "sport"]


def main():
    args = _common.parse_args(__doc__, runs=15)
    # Rendering is measured, not the page cache (bench/pagecache_bench.py measures that).
    _common.run_backends(
        __file__, args, sqlite_path=SQLITE_PATH, pg_db=PG_DB, env={"PAGE_CACHE_SECONDS": "0"}
    )


# Child process: one backend, configured through DATABASE_URL.


def child(options):
    _common.setup_django()
    from django.db import connection

    started = time.perf_counter()
    index, occurrences = create_events()
    created = time.perf_counter() - started
    print(
        f"\n== {connection.vendor} ({connection.settings_dict['NAME']}): {TOTAL:,} events, "
        f"{occurrences:,} dates, created in {created:.1f} s =="
    )
    measure(index, options["runs"])


def create_events(total=TOTAL, slug="bench-termine"):
    """``total`` live events below a new calendar (slug ``slug``) on the German home page,
    inserted in bulk (no per-page tree operations); the home page's "Termine" teaser shows
    them. Returns the calendar and the number of dates."""
    import datetime as dt

    from django.db import transaction
    from django.utils import timezone

    from wagtail.models import Locale

    from events.models import (
        EventCategory,
        EventCategoryLink,
        EventIndexPage,
        EventOccurrence,
        EventPage,
    )
    from events.recurrence import make_aware
    from home.models import FederalState, HomePage

    rng = random.Random(5)
    home = HomePage.objects.get(locale=Locale.get_default())
    states = list(FederalState.objects.all())
    now = timezone.now()
    with transaction.atomic():
        categories = []
        for position, category_slug in enumerate(CATEGORIES):
            # The demo content may have the category already.
            category, _created = EventCategory.objects.get_or_create(
                slug=category_slug,
                locale=home.locale,
                defaults={"name": category_slug.title(), "sort_order": position},
            )
            categories.append(category)
        index = EventIndexPage(title="Bench-Termine", slug=slug)
        home.add_child(instance=index)
        index.save_revision().publish()
        index.refresh_from_db()
        items = []
        for number in range(1, total + 1):
            day = dt.date(2027, 1, 1) + dt.timedelta(days=rng.randrange(730))
            start = make_aware(dt.datetime.combine(day, dt.time(rng.randrange(8, 20))))
            weekly = number % 50 == 0
            event = EventPage(
                start=start,
                end=start + dt.timedelta(hours=2),
                all_day=False,
                status="scheduled",
                recurrence="weekly" if weekly else "",
                recurrence_until=day + dt.timedelta(weeks=9) if weekly else None,
                recurrence_rule="",
                exception_dates="",
                summary="Eine Veranstaltung in der Region mit Vorträgen und Gesprächen.",
                venue_name="Kongresshalle",
                street="Hauptstraße 1",
                postcode="04109",
                city=rng.choice(["Leipzig", "Halle (Saale)", "Jena", "Chemnitz", "Gera"]),
                federal_state=rng.choice(states),
                location="SRID=4326;POINT(12.375 51.34)",
                online_url="",
                registration_url="",
                is_free=True,
                body=[],
                documentation_summary="",
                documentation_video=[],
            )
            page_fields = {
                "title": f"Bench-Termin {number}",
                "slug": f"bench-termin-{number}",
                "first_published_at": now,
                "last_published_at": now,
            }
            items.append((page_fields, event))
        _common.bulk_create_pages(index, items)
        occurrences, links = [], []
        for _fields, event in items:
            for start, end in event.compute_occurrences():
                occurrences.append(
                    EventOccurrence(event_id=event.page_ptr_id, start=start, end=end)
                )
            links.append(
                EventCategoryLink(
                    page_id=event.page_ptr_id,
                    category=rng.choice(categories),
                    locale_id=index.locale_id,
                )
            )
        EventOccurrence.objects.bulk_create(occurrences, batch_size=1000)
        EventCategoryLink.objects.bulk_create(links, batch_size=1000)
        HomePage.objects.filter(pk=home.pk).update(events_page=index)
    # Without statistics the planner works from empty tables and picks nested loops over
    # 5,000 rows.
    _common.analyze()
    return index, len(occurrences)


def measure(index, runs):
    from django.test import Client
    from django.test.utils import override_settings

    base = index.url
    paths = [
        ("upcoming list", base),
        ("list, category + city", base + "?category=kultur&city=Jena"),
        ("list, page 40", base + "?page=40"),
        ("archive", base + "archiv/"),
        ("calendar month", base + "kalender/2027/06/"),
        ("feed (all events)", base + "ical/"),
        ("feed (one category)", base + "ical/sport/"),
        ("home page teaser", "/de/"),
    ]
    client = Client()
    rows = []
    with override_settings(DEBUG=True):
        for label, path in paths:
            (first,) = _common.time_call(lambda path=path: client.get(path), 1)
            for _warm_up in range(2):
                response = client.get(path)
                assert response.status_code == 200, (path, response.status_code)
            timings = _common.time_call(lambda path=path: client.get(path), runs)
            size = len(client.get(path).content) / 1024
            queries = _common.count_queries(lambda path=path: client.get(path))
            rows.append((label, first, _common.median(timings), queries, size))
    _common.print_table(
        [
            ("view", -24, ""),
            ("first ms", 9, ".1f"),
            ("median ms", 10, ".1f"),
            ("queries", 8, "d"),
            ("kB", 8, ".0f"),
        ],
        rows,
    )


if __name__ == "__main__":
    options = _common.child_options()
    if options:
        child(options)
    else:
        main()
