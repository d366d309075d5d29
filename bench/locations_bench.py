"""Benchmark of the commercial-site pool with 10,000 locations, on SQLite and PostgreSQL.

    .venv/bin/python bench/locations_bench.py                 # both databases
    .venv/bin/python bench/locations_bench.py --backend sqlite
    .venv/bin/python bench/locations_bench.py --backend postgres --runs 21

Each backend gets a fresh scratch database (SQLite: /tmp/locations-bench.sqlite3; PostgreSQL:
database `locations_bench` on 127.0.0.1 as user postgres, dropped and recreated), migrated, then
filled with 10,000 live locations (6,000 sites, 4,000 halls) by bulk inserts. The script then
requests each view through Django's test client and prints the median time of `--runs`
requests (after two warm-up requests) and the number of database queries of one request.
The feed caches its body under its ETag; "uncached" rows clear the cache before each request.
Times include the test client's request handling but no network; they are server times.
"""

import argparse
import os
import random
import re
import statistics
import subprocess
import sys
import time
import uuid
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SQLITE_PATH = Path("/tmp/locations-bench.sqlite3")
PG_DB = "locations_bench"
PG_URL = f"postgres://postgres@127.0.0.1:5432/{PG_DB}"
TOTAL = 10_000
HALLS = 4_000


def run_backend(backend, runs):
    env = dict(os.environ, LOCATIONS_BENCH_CHILD="1", LOCATIONS_BENCH_RUNS=str(runs))
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
    pools = create_locations()
    created = time.perf_counter() - started
    print(
        f"\n== {connection.vendor} ({connection.settings_dict['NAME']}): {TOTAL:,} locations "
        f"created in {created:.1f} s =="
    )
    measure(pools, int(os.environ["LOCATIONS_BENCH_RUNS"]))


def create_locations():
    """Two pools with 10,000 live locations, inserted in bulk (no per-page tree operations)."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from django.utils import timezone

    from wagtail.models import Locale, Page

    from home.models import FederalState, HomePage
    from locations.models import Kind, LocationIndexPage, LocationPage, Zoning, format_point

    rng = random.Random(4)
    home = HomePage.objects.get(locale=Locale.get_default())
    states = list(FederalState.objects.all())
    content_type = ContentType.objects.get_for_model(LocationPage)
    now = timezone.now()
    pools = {}
    with transaction.atomic():
        for kind, slug, count in (
            (Kind.SITE, "bench-flaechen", TOTAL - HALLS),
            (Kind.HALL, "bench-hallen", HALLS),
        ):
            pool = LocationIndexPage(title=f"Bench {kind}", slug=slug, kind=kind)
            home.add_child(instance=pool)
            pool.save_revision().publish()
            pool.refresh_from_db()
            pools[kind] = pool
            base_pages = []
            children = []
            for number in range(1, count + 1):
                title = f"Bench {kind} {number}"
                slug_n = f"{slug}-{number}"
                published = now - timedelta(minutes=number)
                base_pages.append(
                    Page(
                        title=title,
                        draft_title=title,
                        slug=slug_n,
                        path=Page._get_path(pool.path, pool.depth + 1, number),
                        depth=pool.depth + 1,
                        numchild=0,
                        url_path=f"{pool.url_path}{slug_n}/",
                        content_type=content_type,
                        locale_id=pool.locale_id,
                        translation_key=uuid.uuid4(),
                        live=True,
                        has_unpublished_changes=False,
                        first_published_at=published,
                        last_published_at=published,
                    )
                )
                latitude = rng.uniform(50.3, 52.9)
                longitude = rng.uniform(10.0, 14.9)
                child = LocationPage(
                    kind=kind,
                    summary="Erschlossene Fläche mit guter Verkehrsanbindung.",
                    street="Industriestraße 1",
                    postcode="04109",
                    city=rng.choice(["Leipzig", "Halle (Saale)", "Jena", "Dresden", "Erfurt"]),
                    district=rng.choice(["Saalekreis", "Landkreis Leipzig", "Jena"]),
                    federal_state=rng.choice(states),
                    location=format_point(latitude, longitude),
                    zoning=rng.choice(Zoning.values),
                    price_per_m2=Decimal(rng.randint(400, 6000)) / 100,
                    available_from=None if rng.random() < 0.7 else now.date() + timedelta(days=90),
                    motorway_name="A14",
                    distance_motorway_km=Decimal("5.0"),
                    description=[],
                )
                if kind == Kind.SITE:
                    child.total_area_ha = Decimal(rng.randint(100, 20000)) / 100
                    child.available_area_ha = child.total_area_ha / 2
                else:
                    child.floor_space_m2 = rng.randint(500, 50_000)
                    child.hall_height_m = Decimal("10.00")
                child.latitude, child.longitude = latitude, longitude
                child.area_m2 = (
                    float(child.available_area_ha) * 10_000
                    if kind == Kind.SITE
                    else float(child.floor_space_m2)
                )
                children.append(child)
            created = Page.objects.bulk_create(base_pages, batch_size=500)
            fields = LocationPage._meta.local_concrete_fields
            columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
            placeholders = ", ".join(["%s"] * len(fields))
            sql = (
                f"INSERT INTO {connection.ops.quote_name(LocationPage._meta.db_table)} "
                f"({columns}) VALUES ({placeholders})"
            )
            rows = []
            for page, child in zip(created, children, strict=True):
                child.page_ptr_id = page.pk
                rows.append(
                    [
                        field.get_db_prep_save(getattr(child, field.attname), connection)
                        for field in fields
                    ]
                )
            with connection.cursor() as cursor:
                cursor.executemany(sql, rows)
            Page.objects.filter(pk=pool.pk).update(numchild=count)
    if connection.vendor == "postgresql":
        # Bulk inserts leave the planner without statistics until autovacuum runs (within a
        # minute on a live server); analyse now so the figures show the steady state.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return pools


def measure(pools, runs):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    sites = pools["site"]
    list_url = sites.url
    cases = [
        ("list, unfiltered", list_url),
        ("list, filtered", f"{list_url}?state=ST&zoning=GI&area_min=20&sort=area_desc"),
        ("list, filtered, page 40", f"{list_url}?state=ST&page=40"),
        ("map page", sites.get_map_url()),
        ("GeoJSON, all, uncached", "/de/api/locations.geojson"),
        ("GeoJSON, all, cached", "/de/api/locations.geojson"),
        ("GeoJSON, bbox, uncached", "/de/api/locations.geojson?bbox=11.8,51.2,12.6,51.6"),
        ("GeoJSON, filter, uncached", "/de/api/locations.geojson?kind=site&state=SN&zoning=GE"),
    ]
    from django.core.cache import cache

    client = Client()
    print(
        f"{'request':<26} {'median ms':>10} {'min ms':>8} {'queries':>8} {'bytes':>10} {'items':>7}"
    )
    for label, url in cases:
        for _warm_up in range(2):
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
        uncached = "uncached" in label
        times = []
        for _run in range(runs):
            if uncached:
                cache.clear()  # the feed body is cached under its ETag
            started = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - started) * 1000)
        if uncached:
            cache.clear()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        items = (
            response.content.count(b'"type":"Feature",')
            if "geojson" in url
            else int(re.search(rb'data-result-count="(\d+)"', response.content).group(1))
        )
        print(
            f"{label:<26} {statistics.median(times):>10.1f} {min(times):>8.1f} "
            f"{len(queries.captured_queries):>8} {len(response.content):>10,} {items:>7,}"
        )
    etag = client.get("/de/api/locations.geojson")["ETag"]
    times = []
    for _run in range(runs):
        started = time.perf_counter()
        response = client.get("/de/api/locations.geojson", HTTP_IF_NONE_MATCH=etag)
        times.append((time.perf_counter() - started) * 1000)
    assert response.status_code == 304
    with CaptureQueriesContext(connection) as queries:
        client.get("/de/api/locations.geojson", HTTP_IF_NONE_MATCH=etag)
    print(
        f"{'GeoJSON, 304 (ETag)':<26} {statistics.median(times):>10.1f} {min(times):>8.1f} "
        f"{len(queries.captured_queries):>8} {0:>10} {'-':>7}"
    )


if __name__ == "__main__":
    if os.environ.get("LOCATIONS_BENCH_CHILD"):
        child()
    else:
        main()
