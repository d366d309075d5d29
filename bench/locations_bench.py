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

import random
import re
import time
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import _common

SQLITE_PATH = Path("/tmp/locations-bench.sqlite3")
PG_DB = "locations_bench"
TOTAL = 10_000
HALLS = 4_000


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
    pools = create_locations()
    created = time.perf_counter() - started
    print(
        f"\n== {connection.vendor} ({connection.settings_dict['NAME']}): {TOTAL:,} locations "
        f"created in {created:.1f} s =="
    )
    measure(pools, options["runs"])


def create_locations(total=TOTAL, halls=HALLS):
    """Two pools below the German home page with ``total`` live locations (``halls`` of them
    halls), inserted in bulk (no per-page tree operations). Returns {kind: pool}."""
    from django.db import transaction
    from django.utils import timezone

    from wagtail.models import Locale

    from home.models import FederalState, HomePage
    from locations.models import Kind, LocationIndexPage, LocationPage, Zoning, format_point

    rng = random.Random(4)
    home = HomePage.objects.get(locale=Locale.get_default())
    states = list(FederalState.objects.all())
    now = timezone.now()
    pools = {}
    with transaction.atomic():
        for kind, slug, count in (
            (Kind.SITE, "bench-flaechen", total - halls),
            (Kind.HALL, "bench-hallen", halls),
        ):
            pool = LocationIndexPage(title=f"Bench {kind}", slug=slug, kind=kind)
            home.add_child(instance=pool)
            pool.save_revision().publish()
            pool.refresh_from_db()
            pools[kind] = pool
            items = []
            for number in range(1, count + 1):
                published = now - timedelta(minutes=number)
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
                page_fields = {
                    "title": f"Bench {kind} {number}",
                    "slug": f"{slug}-{number}",
                    "first_published_at": published,
                    "last_published_at": published,
                }
                items.append((page_fields, child))
            _common.bulk_create_pages(pool, items)
    _common.analyze()
    return pools


def measure(pools, runs):
    from django.core.cache import cache
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
    client = Client()
    rows = []
    for label, url in cases:
        for _warm_up in range(2):
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
        uncached = "uncached" in label
        # The feed body is cached under its ETag: uncached rows clear the cache first.
        before = cache.clear if uncached else None
        times = _common.time_call(lambda url=url: client.get(url), runs, before=before)
        if uncached:
            cache.clear()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        items = (
            response.content.count(b'"type":"Feature",')
            if "geojson" in url
            else int(re.search(rb'data-result-count="(\d+)"', response.content).group(1))
        )
        rows.append(
            (
                label,
                _common.median(times),
                min(times),
                len(queries.captured_queries),
                len(response.content),
                items,
            )
        )
    etag = client.get("/de/api/locations.geojson")["ETag"]
    feed = "/de/api/locations.geojson"
    times = _common.time_call(lambda: client.get(feed, HTTP_IF_NONE_MATCH=etag), runs)
    assert client.get(feed, HTTP_IF_NONE_MATCH=etag).status_code == 304
    with CaptureQueriesContext(connection) as queries:
        client.get(feed, HTTP_IF_NONE_MATCH=etag)
    rows.append(
        (
            "GeoJSON, 304 (ETag)",
            _common.median(times),
            min(times),
            len(queries.captured_queries),
            0,
            "-",
        )
    )
    _common.print_table(
        [
            ("request", -26, ""),
            ("median ms", 10, ".1f"),
            ("min ms", 8, ".1f"),
            ("queries", 8, "d"),
            ("bytes", 10, ","),
            ("items", 7, ","),
        ],
        rows,
    )


if __name__ == "__main__":
    options = _common.child_options()
    if options:
        child(options)
    else:
        main()
