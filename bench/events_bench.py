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

import argparse
import os
import random
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SQLITE_PATH = Path("/tmp/events-bench.sqlite3")
PG_DB = "events_bench"
PG_URL = f"postgres://postgres@127.0.0.1:5432/{PG_DB}"
TOTAL = 5_000
CATEGORIES = ["wirtschaft", "wissenschaft", "kultur", "sport"]


def run_backend(backend, runs):
    env = dict(os.environ, EVENTS_BENCH_CHILD="1", EVENTS_BENCH_RUNS=str(runs))
    env.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
    if backend == "sqlite":
        SQLITE_PATH.unlink(missing_ok=True)
        env["DATABASE_URL"] = f"sqlite:///{SQLITE_PATH}"
    else:
        pg = ["-h", "127.0.0.1", "-U", "postgres"]
        subprocess.run(["dropdb", *pg, "--if-exists", PG_DB], check=True)
        subprocess.run(["createdb", *pg, PG_DB], check=True)
        env["DATABASE_URL"] = PG_URL
    subprocess.run([sys.executable, __file__], env=env, cwd=REPO, check=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--backend", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    backends = ["sqlite", "postgres"] if args.backend == "both" else [args.backend]
    for backend in backends:
        run_backend(backend, args.runs)


# Child process: one backend, configured through DATABASE_URL.


def child():
    sys.path.insert(0, str(REPO))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    index, occurrences = create_events()
    created = time.perf_counter() - started
    print(
        f"\n== {connection.vendor} ({connection.settings_dict['NAME']}): {TOTAL:,} events, "
        f"{occurrences:,} dates, created in {created:.1f} s =="
    )
    measure(index, int(os.environ["EVENTS_BENCH_RUNS"]))


def create_events():
    """5,000 live events below a new calendar, inserted in bulk (no per-page tree operations)."""
    import datetime as dt

    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from django.utils import timezone

    from wagtail.models import Locale, Page

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
    content_type = ContentType.objects.get_for_model(EventPage)
    now = timezone.now()
    with transaction.atomic():
        categories = []
        for position, slug in enumerate(CATEGORIES):
            category = EventCategory(
                name=slug.title(), slug=slug, sort_order=position, locale=home.locale
            )
            category.save()
            categories.append(category)
        index = EventIndexPage(title="Bench-Termine", slug="bench-termine")
        home.add_child(instance=index)
        index.save_revision().publish()
        index.refresh_from_db()
        base_pages, children = [], []
        for number in range(1, TOTAL + 1):
            title = f"Bench-Termin {number}"
            slug = f"bench-termin-{number}"
            day = dt.date(2027, 1, 1) + dt.timedelta(days=rng.randrange(730))
            start = make_aware(dt.datetime.combine(day, dt.time(rng.randrange(8, 20))))
            base_pages.append(
                Page(
                    title=title,
                    draft_title=title,
                    slug=slug,
                    path=Page._get_path(index.path, index.depth + 1, number),
                    depth=index.depth + 1,
                    numchild=0,
                    url_path=f"{index.url_path}{slug}/",
                    content_type=content_type,
                    locale_id=index.locale_id,
                    translation_key=uuid.uuid4(),
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=now,
                    last_published_at=now,
                )
            )
            weekly = number % 50 == 0
            children.append(
                EventPage(
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
            )
        created = Page.objects.bulk_create(base_pages, batch_size=500)
        fields = EventPage._meta.local_concrete_fields
        columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
        placeholders = ", ".join(["%s"] * len(fields))
        sql = (
            f"INSERT INTO {connection.ops.quote_name(EventPage._meta.db_table)} "
            f"({columns}) VALUES ({placeholders})"
        )
        rows, occurrences, links = [], [], []
        for page, event in zip(created, children, strict=True):
            event.page_ptr_id = page.pk
            rows.append(
                [
                    field.get_db_prep_save(getattr(event, field.attname), connection)
                    for field in fields
                ]
            )
            for start, end in event.compute_occurrences():
                occurrences.append(EventOccurrence(event_id=page.pk, start=start, end=end))
            links.append(
                EventCategoryLink(
                    page_id=page.pk, category=rng.choice(categories), locale_id=index.locale_id
                )
            )
        with connection.cursor() as cursor:
            cursor.executemany(sql, rows)
        EventOccurrence.objects.bulk_create(occurrences, batch_size=1000)
        EventCategoryLink.objects.bulk_create(links, batch_size=1000)
        Page.objects.filter(pk=index.pk).update(numchild=TOTAL)
        HomePage.objects.filter(pk=home.pk).update(events_page=index)
    if connection.vendor == "postgresql":
        # Autovacuum would do this shortly after a bulk load; without it the planner works
        # from empty-table statistics and picks nested loops over 5,000 rows.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return index, len(occurrences)


def measure(index, runs):
    from django.db import connection, reset_queries
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
    print(f"{'view':<24} {'first ms':>9} {'median ms':>10} {'queries':>8} {'kB':>8}")
    with override_settings(DEBUG=True):
        for label, path in paths:
            started = time.perf_counter()
            response = client.get(path)
            first = (time.perf_counter() - started) * 1000
            for _warm_up in range(2):
                response = client.get(path)
                assert response.status_code == 200, (path, response.status_code)
            timings = []
            for _run in range(runs):
                started = time.perf_counter()
                client.get(path)
                timings.append((time.perf_counter() - started) * 1000)
            reset_queries()
            response = client.get(path)
            queries = len(connection.queries)
            size = len(response.content) / 1024
            median = statistics.median(timings)
            print(f"{label:<24} {first:>9.1f} {median:>10.1f} {queries:>8} {size:>8.0f}")


if __name__ == "__main__":
    if os.environ.get("EVENTS_BENCH_CHILD"):
        child()
    else:
        main()
