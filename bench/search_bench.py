"""Benchmark of the portal search with 10,000 pages, on PostgreSQL (and SQLite).

    .venv/bin/python bench/search_bench.py                      # PostgreSQL, then SQLite
    .venv/bin/python bench/search_bench.py --backend postgres --runs 51
    .venv/bin/python bench/search_bench.py --pages 2000         # a quicker run

Each backend gets a fresh scratch database (SQLite: /tmp/search-bench.sqlite3; PostgreSQL:
database `search_bench` on 127.0.0.1 as user postgres, dropped and recreated), migrated, then
filled with `--pages` live StandardPages (German; every tenth also translated into English
as a separate English page) by bulk inserts, and indexed in bulk through the per-language
backends (timed: "index all"). It then prints the median and p95 server time (Django's test
client, no network, after two warm-ups) and the number of queries of one request for search
pages (common word, rare word, type filter, page 5, English) and autocomplete requests, and the
time to publish one edited page including its re-indexing (no rebuild needed). Searches are
timed uncached (the results cache is made stale before each request, as a publish does),
except the two rows marked "cached".

Targets (PostgreSQL): search p95 under 50 ms, autocomplete p95 under 30 ms.
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
SQLITE_PATH = Path("/tmp/search-bench.sqlite3")
PG_DB = "search_bench"
PG_URL = f"postgres://postgres@127.0.0.1:5432/{PG_DB}"

WORDS = [
    "Chemie",
    "Kunststoff",
    "Wasserstoff",
    "Logistik",
    "Halle",
    "Fläche",
    "Gewerbe",
    "Industrie",
    "Optik",
    "Photonik",
    "Mikroelektronik",
    "Automobil",
    "Zulieferer",
    "Forschung",
    "Netzwerk",
    "Cluster",
    "Energie",
    "Solar",
    "Umwelt",
    "Biotechnologie",
    "Medizintechnik",
    "Software",
    "Rechenzentrum",
    "Hafen",
    "Schiene",
    "Autobahn",
    "Flughafen",
    "Leipzig",
    "Halle",
    "Dresden",
    "Jena",
    "Erfurt",
    "Magdeburg",
    "Chemnitz",
    "Gera",
    "Zeitz",
    "Leuna",
    "Bitterfeld",
]
EN_WORDS = [
    "chemicals",
    "plastics",
    "hydrogen",
    "logistics",
    "hall",
    "land",
    "business",
    "industry",
    "optics",
    "photonics",
    "microelectronics",
    "automotive",
    "supplier",
    "research",
    "network",
    "cluster",
    "energy",
    "solar",
    "environment",
]


def run_backend(backend, runs, pages):
    env = dict(os.environ, SEARCH_BENCH_CHILD="1", SEARCH_BENCH_RUNS=str(runs))
    env["SEARCH_BENCH_PAGES"] = str(pages)
    env.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
    env.setdefault("MEDIA_ROOT", "/tmp/search-bench-media")
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
    parser.add_argument("--pages", type=int, default=10_000)
    args = parser.parse_args()
    backends = ["postgres", "sqlite"] if args.backend == "both" else [args.backend]
    for backend in backends:
        run_backend(backend, args.runs, args.pages)


def create_pages(total):
    """``total`` German StandardPages below the home page (bulk inserts, no tree operations)
    plus an English page for every tenth, below an English home page."""
    import json

    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction

    from wagtail.models import Locale, Page

    from home.models import HomePage, StandardPage

    rng = random.Random(6)
    de_home = HomePage.objects.get(locale=Locale.get_default())
    en_locale = Locale.objects.get_or_create(language_code="en")[0]
    en_home = de_home.copy_for_translation(en_locale)
    en_home.save_revision().publish()
    content_type = ContentType.objects.get_for_model(StandardPage)

    def insert(parent, count, words, prefix, locale):
        base_pages, extra = [], []
        for n in range(1, count + 1):
            text = " ".join(rng.choice(words) for _ in range(40))
            slug = f"{prefix}-{n}"
            base_pages.append(
                Page(
                    title=f"{' '.join(rng.sample(words, 3))} {n}",
                    slug=slug,
                    path=Page._get_path(parent.path, parent.depth + 1, n),
                    depth=parent.depth + 1,
                    numchild=0,
                    url_path=f"{parent.url_path}{slug}/",
                    live=True,
                    has_unpublished_changes=False,
                    content_type=content_type,
                    locale=locale,
                    translation_key=uuid.uuid4(),
                    draft_title=slug,
                )
            )
            body = [{"type": "paragraph", "value": f"<p>{text}</p>", "id": str(uuid.uuid4())}]
            extra.append((text[:300], json.dumps(body)))
        created = Page.objects.bulk_create(base_pages, batch_size=500)
        table = connection.ops.quote_name(StandardPage._meta.db_table)
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {table} (page_ptr_id, intro, body) VALUES (%s, %s, %s)",
                [(p.pk, intro, body) for p, (intro, body) in zip(created, extra, strict=True)],
            )
        Page.objects.filter(pk=parent.pk).update(numchild=count)

    with transaction.atomic():
        insert(de_home, total, WORDS, "seite", de_home.locale)
        insert(Page.objects.get(pk=en_home.pk), total // 10, EN_WORDS, "page", en_locale)
    return StandardPage


def timed(client, url, params, runs, cached=False):
    """Median and p95 ms and the query count of a request. Searches are timed uncached
    unless ``cached``: the results cache (search/cache.py) is made stale before each request
    exactly as a page publish does, outside the timed part."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from search.cache import bump_version

    def prepare():
        if not cached:
            bump_version()

    for _ in range(2):
        client.get(url, params)
    times = []
    for _ in range(runs):
        prepare()
        started = time.perf_counter()
        response = client.get(url, params)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.status_code
    prepare()
    with CaptureQueriesContext(connection) as queries:
        client.get(url, params)
    times.sort()
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    return statistics.median(times), p95, len(queries.captured_queries)


def child():
    sys.path.insert(0, str(REPO))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.urls import reverse
    from django.utils import translation

    from wagtail.search.backends import get_search_backends

    runs = int(os.environ["SEARCH_BENCH_RUNS"])
    total = int(os.environ["SEARCH_BENCH_PAGES"])
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    model = create_pages(total)
    created = time.perf_counter() - started

    started = time.perf_counter()
    pages = list(model.objects.all())
    for backend in get_search_backends():
        for start in range(0, len(pages), 1000):
            backend.add_bulk(model, pages[start : start + 1000])
    indexed = time.perf_counter() - started
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    print(f"\n== {connection.vendor}: {total} German + {total // 10} English pages ==")
    print(f"create (bulk): {created:.1f} s; index all: {indexed:.1f} s")
    client = Client(HTTP_HOST="localhost")
    rows = []
    with translation.override("de"):
        search, suggest = reverse("search"), reverse("search_autocomplete")
    with translation.override("en"):
        en_search, en_suggest = reverse("search"), reverse("search_autocomplete")
    cases = [
        ("search common word", search, {"q": "Wasserstoff"}),
        ("search two words", search, {"q": "Chemie Leuna"}),
        ("search rare word", search, {"q": "Gewerbe Flughafen Photonik Solar"}),
        ("search type filter", search, {"q": "Logistik", "type": "page"}),
        ("search page 5", search, {"q": "Optik", "page": "5"}),
        ("search no result", search, {"q": "Quantencomputer"}),
        ("search English", en_search, {"q": "hydrogen"}),
        ("search common word, cached", search, {"q": "Wasserstoff"}, True),
        ("search page 5, cached", search, {"q": "Optik", "page": "5"}, True),
        ("autocomplete 'Wa'", suggest, {"q": "Wa"}),
        ("autocomplete 'Wasserst'", suggest, {"q": "Wasserst"}),
        ("autocomplete 'Chemie Le'", suggest, {"q": "Chemie Le"}),
        ("autocomplete English 'hyd'", en_suggest, {"q": "hyd"}),
    ]
    for label, url, params, *cached in cases:
        rows.append((label, *timed(client, url, params, runs, cached=bool(cached))))
    width = max(len(r[0]) for r in rows)
    print(f"{'request':<{width}}  median ms   p95 ms  queries")
    for label, median, p95, queries in rows:
        print(f"{label:<{width}}  {median:9.1f} {p95:8.1f} {queries:8d}")

    page = model.objects.filter(locale__language_code="de").order_by("pk")[total // 2]
    times = []
    for i in range(5):
        page.intro = f"Neu bearbeitet {i}: Wasserstoffspeicher in Leuna."
        started = time.perf_counter()
        page.save_revision().publish()
        times.append((time.perf_counter() - started) * 1000)
    print(
        f"publish one edited page incl. re-indexing: median {statistics.median(times):.1f} ms "
        f"(5 runs; no index rebuild)"
    )


if __name__ == "__main__":
    if os.environ.get("SEARCH_BENCH_CHILD"):
        child()
    else:
        main()
