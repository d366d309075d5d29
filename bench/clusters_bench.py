"""Benchmark of the cluster overview, a cluster page and the home page, on SQLite and PostgreSQL.

    .venv/bin/python bench/clusters_bench.py                 # both databases
    .venv/bin/python bench/clusters_bench.py --backend sqlite --runs 21

Each backend gets a fresh scratch database (SQLite: /tmp/clusters-bench.sqlite3; PostgreSQL:
database `clusters_bench` on 127.0.0.1 as user postgres, dropped and recreated), migrated, then
filled with 200 cluster pages (each with 3 states, 5 figures, 3 networks) and 100 live quotes,
20 of them on one cluster page and on the home page. It requests each URL through Django's
test client and prints the median time of `--runs` requests (after two warm-up requests) and
the number of queries of one request. Times are server times, no network.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SQLITE_PATH = Path("/tmp/clusters-bench.sqlite3")
PG_DB = "clusters_bench"
PG_URL = f"postgres://postgres@127.0.0.1:5432/{PG_DB}"
CLUSTERS = 200
QUOTES = 100


def run_backend(backend, runs):
    env = dict(os.environ, CLUSTERS_BENCH_CHILD="1", CLUSTERS_BENCH_RUNS=str(runs))
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


def child():
    sys.path.insert(0, str(REPO))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    call_command("migrate", verbosity=0)

    from clusters.factories import (
        ClusterFigureFactory,
        ClusterIndexPageFactory,
        ClusterNetworkFactory,
        ClusterPageFactory,
        ClusterPageQuoteFactory,
        QuoteFactory,
        SectorFactory,
    )
    from home.models import HomePage

    home = HomePage.objects.get(locale__language_code="de")
    index = ClusterIndexPageFactory(parent=home, slug="cluster")
    sectors = [SectorFactory(slug=f"branche-{n}") for n in range(8)]
    pages = []
    for number in range(CLUSTERS):
        page = ClusterPageFactory(
            parent=index,
            title=f"Cluster {number}",
            kind="micro" if number % 3 == 0 else "macro",
            sector=sectors[number % len(sectors)],
            federal_states=["SN", "ST", "TH"],
        )
        for figure in range(5):
            ClusterFigureFactory(page=page, value=1000 + figure)
        for _network in range(3):
            ClusterNetworkFactory(page=page)
        pages.append(page)
    quotes = [QuoteFactory() for _ in range(QUOTES)]
    for quote in quotes[:20]:
        ClusterPageQuoteFactory(page=pages[0], quote=quote)
    home.clusters_page = index
    home.quotes = [("quote_snippet", quote) for quote in quotes[:20]]
    home.save()

    client = Client()
    runs = int(os.environ["CLUSTERS_BENCH_RUNS"])
    vendor = connection.vendor
    print(f"\n{vendor}: {CLUSTERS} clusters, {QUOTES} quotes, median of {runs} requests")
    urls = [
        "/de/cluster/",
        "/de/cluster/?kind=macro&state=TH&sector=branche-3",
        "/de/cluster/?kind=bogus&state=XX",
        pages[0].url,
        "/de/",
    ]
    for url in urls:
        for _warmup in range(2):
            assert client.get(url).status_code == 200, url
        queries = []

        def count(execute, sql, params, many, context, queries=queries):
            queries.append(sql)
            return execute(sql, params, many, context)

        # Counted with a wrapper: the request_started signal resets Django's query log.
        with connection.execute_wrapper(count):
            client.get(url)
        timings = []
        for _run in range(runs):
            start = time.perf_counter()
            client.get(url)
            timings.append(time.perf_counter() - start)
        median = statistics.median(timings) * 1000
        print(f"  {url:<55} {median:8.1f} ms  {len(queries):3d} queries")


if __name__ == "__main__":
    if os.environ.get("CLUSTERS_BENCH_CHILD"):
        child()
    else:
        main()
