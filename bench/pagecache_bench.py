"""Benchmark of the page cache: a miss (rendered) against a hit (served from the cache).

    .venv/bin/python bench/pagecache_bench.py                  # SQLite, then PostgreSQL
    .venv/bin/python bench/pagecache_bench.py --backend sqlite --runs 51
    CACHE_URL=redis://127.0.0.1:6379/9 .venv/bin/python bench/pagecache_bench.py

Each backend gets a fresh scratch database (SQLite: /tmp/pagecache-bench.sqlite3; PostgreSQL:
database `pagecache_bench` on 127.0.0.1 as user postgres, dropped and recreated), migrated
and filled with the demo content (`load_demo_content`). For the German and English home pages,
the cluster overview, the events calendar and the GeoJSON feed it prints the median and
minimum time of `--runs` requests through Django's test client (server time, no network),
with the number of queries: "off" has the page cache switched off, "miss" purges the page's
entry before every request (so the page is rendered and stored each time), "hit" serves it
from the cache.
"""

import warnings
from pathlib import Path

import _common

SQLITE_PATH = Path("/tmp/pagecache-bench.sqlite3")
PG_DB = "pagecache_bench"
URLS = ["/de/", "/en/", "/de/cluster/", "/de/termine/", "/de/api/locations.geojson"]


def main():
    args = _common.parse_args(__doc__, runs=31)
    _common.run_backends(__file__, args, sqlite_path=SQLITE_PATH, pg_db=PG_DB)


# Child process: one backend, configured through DATABASE_URL.


def child(options):
    # WhiteNoise warns on every request while STATIC_ROOT has not been collected.
    warnings.filterwarnings("ignore", "No directory at", UserWarning)
    _common.setup_django()
    from django.conf import settings
    from django.core.cache import caches
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    from pagecache import store, tags

    call_command("load_demo_content", verbosity=0)
    caches["default"].clear()
    runs = options["runs"]
    client = Client()
    print(
        f"\n== {connection.vendor} ({connection.settings_dict['NAME']}), cache "
        f"{settings.CACHES['default']['BACKEND'].rsplit('.', 1)[-1]}, {runs} runs =="
    )
    rows = []
    for url in URLS:
        for state in ("off", "miss", "hit"):
            # "off": the page cache switched off, for the cost of recording tags on a miss.
            with override_settings(PAGE_CACHE_SECONDS=0 if state == "off" else 600):
                for _warm_up in range(2):
                    client.get(url)
                expected = {"off": None, "miss": "MISS", "hit": "HIT"}[state]

                def request(url=url, expected=expected):
                    response = client.get(url)
                    assert response.get("X-Cache") == expected, (url, response.get("X-Cache"))

                # Every entry carries the "all" tag: purging it before each request makes
                # the request render and store again.
                before = (lambda: store.purge({tags.ALL})) if state == "miss" else None
                times = _common.time_call(request, runs, before=before)
                if state == "miss":
                    store.purge({tags.ALL})
                with CaptureQueriesContext(connection) as queries:
                    response = client.get(url)
            rows.append(
                (url, state, _common.median(times), min(times), len(queries), len(response.content))
            )
    _common.print_table(
        [
            ("url", -27, ""),
            ("state", -5, ""),
            ("median ms", 9, ".2f"),
            ("min ms", 7, ".2f"),
            ("queries", 8, "d"),
            ("bytes", 8, "d"),
        ],
        rows,
    )


if __name__ == "__main__":
    options = _common.child_options()
    if options:
        child(options)
    else:
        main()
