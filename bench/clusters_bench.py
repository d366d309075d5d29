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

from pathlib import Path

import _common

SQLITE_PATH = Path("/tmp/clusters-bench.sqlite3")
PG_DB = "clusters_bench"
CLUSTERS = 200
QUOTES = 100


def main():
    args = _common.parse_args(__doc__, runs=15)
    # Rendering is measured, not the page cache (bench/pagecache_bench.py measures that).
    _common.run_backends(
        __file__, args, sqlite_path=SQLITE_PATH, pg_db=PG_DB, env={"PAGE_CACHE_SECONDS": "0"}
    )


def child(options):
    _common.setup_django()
    from django.db import connection
    from django.test import Client

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
    runs = options["runs"]
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
        queries = _common.count_queries(lambda url=url: client.get(url))
        timings = _common.time_call(lambda url=url: client.get(url), runs)
        print(f"  {url:<55} {_common.median(timings):8.1f} ms  {queries:3d} queries")


if __name__ == "__main__":
    options = _common.child_options()
    if options:
        child(options)
    else:
        main()
