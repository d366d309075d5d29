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

import argparse
import os
import statistics
import subprocess
import sys
import time
import warnings
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SQLITE_PATH = Path("/tmp/pagecache-bench.sqlite3")
PG_DB = "pagecache_bench"
PG_URL = f"postgres://postgres@127.0.0.1:5432/{PG_DB}"
URLS = ["/de/", "/en/", "/de/cluster/", "/de/termine/", "/de/api/locations.geojson"]


def run_backend(backend, runs):
    env = dict(os.environ, PAGECACHE_BENCH_CHILD="1", PAGECACHE_BENCH_RUNS=str(runs))
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
    parser.add_argument("--runs", type=int, default=31)
    args = parser.parse_args()
    backends = ["sqlite", "postgres"] if args.backend == "both" else [args.backend]
    for backend in backends:
        run_backend(backend, args.runs)


# Child process: one backend, configured through DATABASE_URL.


def child():
    sys.path.insert(0, str(REPO))
    # WhiteNoise warns on every request while STATIC_ROOT has not been collected.
    warnings.filterwarnings("ignore", "No directory at", UserWarning)
    import django

    django.setup()
    from django.conf import settings
    from django.core.cache import caches
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    from pagecache import store, tags

    call_command("migrate", verbosity=0)
    call_command("load_demo_content", verbosity=0)
    caches["default"].clear()
    runs = int(os.environ["PAGECACHE_BENCH_RUNS"])
    client = Client()
    print(
        f"\n== {connection.vendor} ({connection.settings_dict['NAME']}), cache "
        f"{settings.CACHES['default']['BACKEND'].rsplit('.', 1)[-1]}, {runs} runs =="
    )
    print(f"{'url':<28}{'state':<6}{'median ms':>10}{'min ms':>8}{'queries':>9}{'bytes':>9}")
    for url in URLS:
        for state in ("off", "miss", "hit"):
            # "off": the page cache switched off, for the cost of recording tags on a miss.
            with override_settings(PAGE_CACHE_SECONDS=0 if state == "off" else 600):
                for _warm_up in range(2):
                    client.get(url)
                times = []
                for _run in range(runs):
                    if state == "miss":
                        # Every entry carries the "all" tag: purging it makes the next
                        # request render and store again.
                        store.purge({tags.ALL})
                    started = time.perf_counter()
                    response = client.get(url)
                    times.append((time.perf_counter() - started) * 1000)
                    expected = {"off": None, "miss": "MISS", "hit": "HIT"}[state]
                    assert response.get("X-Cache") == expected, (url, response.get("X-Cache"))
                if state == "miss":
                    store.purge({tags.ALL})
                with CaptureQueriesContext(connection) as queries:
                    response = client.get(url)
            print(
                f"{url:<28}{state:<6}{statistics.median(times):>10.2f}{min(times):>8.2f}"
                f"{len(queries):>9}{len(response.content):>9}"
            )


if __name__ == "__main__":
    if os.environ.get("PAGECACHE_BENCH_CHILD"):
        child()
    else:
        main()
