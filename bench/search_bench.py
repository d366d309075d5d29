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

import os
import random
import time
import uuid
from pathlib import Path

import _common

SQLITE_PATH = Path("/tmp/search-bench.sqlite3")
PG_DB = "search_bench"

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


def main():
    args = _common.parse_args(
        __doc__,
        runs=31,
        backends=("postgres", "sqlite"),
        add_arguments=lambda parser: parser.add_argument("--pages", type=int, default=10_000),
    )
    _common.run_backends(
        __file__,
        args,
        sqlite_path=SQLITE_PATH,
        pg_db=PG_DB,
        options={"pages": args.pages},
        env={"MEDIA_ROOT": os.environ.get("MEDIA_ROOT", "/tmp/search-bench-media")},
    )


def create_pages(total, en_total=None):
    """``total`` German StandardPages below the German home page and ``en_total`` (default a
    tenth) English ones below the English home page, which is created if it does not exist;
    bulk inserts, no tree operations, not indexed."""
    from django.db import transaction

    from wagtail.models import Locale, Page

    from home.models import HomePage, StandardPage

    rng = random.Random(6)
    de_home = HomePage.objects.get(locale=Locale.get_default())
    en_locale = Locale.objects.get_or_create(language_code="en")[0]
    en_home = HomePage.objects.filter(locale=en_locale).first()
    if en_home is None:
        en_home = de_home.copy_for_translation(en_locale)
        en_home.save_revision().publish()
    en_home = Page.objects.get(pk=en_home.pk)

    def insert(parent, count, words, prefix):
        items = []
        for n in range(1, count + 1):
            text = " ".join(rng.choice(words) for _ in range(40))
            slug = f"{prefix}-{n}"
            body = [{"type": "paragraph", "value": f"<p>{text}</p>", "id": str(uuid.uuid4())}]
            page_fields = {
                "title": f"{' '.join(rng.sample(words, 3))} {n}",
                "slug": slug,
                "draft_title": slug,
            }
            items.append((page_fields, StandardPage(intro=text[:300], body=body)))
        _common.bulk_create_pages(parent, items)

    with transaction.atomic():
        insert(de_home, total, WORDS, "seite")
        insert(en_home, total // 10 if en_total is None else en_total, EN_WORDS, "page")
    return StandardPage


def index_pages(model):
    """Index every page of ``model`` in bulk through each per-language backend."""
    from wagtail.search.backends import get_search_backends

    pages = list(model.objects.all())
    for backend in get_search_backends():
        for start in range(0, len(pages), 1000):
            backend.add_bulk(model, pages[start : start + 1000])


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

    def request():
        response = client.get(url, params)
        assert response.status_code == 200, response.status_code

    for _ in range(2):
        client.get(url, params)
    times = _common.time_call(request, runs, before=prepare)
    prepare()
    with CaptureQueriesContext(connection) as queries:
        client.get(url, params)
    return _common.median(times), _common.p95(times), len(queries.captured_queries)


def child(options):
    _common.setup_django()
    from django.db import connection
    from django.test import Client
    from django.urls import reverse
    from django.utils import translation

    runs = options["runs"]
    total = options["pages"]
    started = time.perf_counter()
    model = create_pages(total)
    created = time.perf_counter() - started

    started = time.perf_counter()
    index_pages(model)
    indexed = time.perf_counter() - started
    _common.analyze()

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
    _common.print_table(
        [
            ("request", -width - 1, ""),
            ("median ms", 9, ".1f"),
            ("p95 ms", 8, ".1f"),
            ("queries", 8, "d"),
        ],
        rows,
    )

    page = model.objects.filter(locale__language_code="de").order_by("pk")[total // 2]
    times = []
    for i in range(5):
        page.intro = f"Neu bearbeitet {i}: Wasserstoffspeicher in Leuna."
        started = time.perf_counter()
        page.save_revision().publish()
        times.append((time.perf_counter() - started) * 1000)
    print(
        f"publish one edited page incl. re-indexing: median {_common.median(times):.1f} ms "
        f"(5 runs; no index rebuild)"
    )


if __name__ == "__main__":
    options = _common.child_options()
    if options:
        child(options)
    else:
        main()
