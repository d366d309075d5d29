"""Fuzz of every public URL: junk in every query parameter, no answer may be a 500.

    .venv/bin/python bench/fuzz_public.py                      # SQLite
    .venv/bin/python bench/fuzz_public.py --postgres           # PostgreSQL on 127.0.0.1
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/x .venv/bin/python bench/fuzz_public.py
    .venv/bin/python bench/fuzz_public.py --backend both --max-urls 300 --threads 12
    .venv/bin/python bench/fuzz_public.py --gthread 4     # gthread workers, kept connections

Builds a fresh database (SQLite `/tmp/fuzz-public.sqlite3`, or the PostgreSQL database
`fuzz_public` on 127.0.0.1 as user `postgres`, or on the server of a PostgreSQL
`DATABASE_URL`; created for the run and dropped after it unless `--keep`), migrates it and
loads the demo content (`load_demo_content`), collects the static files and starts gunicorn
with `deploy/gunicorn.conf.py` and the production settings (DEBUG off, plain HTTP on a free
loopback port, a local-memory cache per worker, the page cache on as in production).

Then it collects the public URLs: a crawl of the links (and form actions) from `/de/` and
`/en/`, the sitemaps, `robots.txt`, the iCal feeds, the GeoJSON feed, the search and its
autocomplete, the read-only API and every sub-page route of every live routable page (list,
map, archive, calendar and its months, feeds per category), with a few impossible months.
Every URL is requested as it is and with each parameter name of `PARAMETERS` (the ones the
views read, the API's, and unknown ones) set to each value of `VALUES` (empty, negative,
huge, NUL, markup, 600 bytes of umlauts, an overflowing float, an impossible date, a list,
invalid UTF-8), from a pool of threads over keep-alive connections (urllib3; loopback only;
the configuration's sync workers close each connection, `--gthread N` workers keep them).

Prints the number of requests, the time, the totals by status code, every URL answered with
a 5xx or not answered, and the server's tracebacks grouped by exception and place; exits
with status 1 if there was any.
"""

import argparse
import io
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote, urlsplit

import _common
from _public_http import Client, Server, collect_urls

SQLITE_PATH = Path("/tmp/fuzz-public.sqlite3")
PG_DB = "fuzz_public"
STATIC_ROOT = Path("/tmp/fuzz-public-static")
MEDIA_ROOT = Path("/tmp/fuzz-public-media")
SEEDS_FILE = Path("/tmp/fuzz-public-seeds.json")

# The parameters the public views read (listings, events, clusters, search, the page cache's
# fallback notice, the feeds, Wagtail's API), then names no view knows.
PARAMETERS = [
    "page",
    "q",
    "type",
    "state",
    "zoning",
    "area_min",
    "area_max",
    "available_now",
    "sort",
    "place",
    "kind",
    "sector",
    "bbox",
    "pool",
    "month",
    "from_date",
    "to_date",
    "category",
    "city",
    "cluster",
    "from",
    "format",
    "limit",
    "offset",
    "fields",
    "order",
    "search",
    "search_operator",
    "child_of",
    "descendant_of",
    "ancestor_of",
    "locale",
    "translation_of",
    "html_path",
    "id",
    "slug",
    "year",
    "view",
    "utm_source",
    "fbclid",
    "page[]",
    "q[]",
    "ä",
    "callback",
    "x",
]
# Raw (already percent-encoded where needed) query values.
VALUES = {
    "empty": "",
    "negative": "-1",
    "huge": "99999999999999999999",
    "NUL": "%00",
    "markup": quote("'\"><script>"),
    "600 bytes": quote("ä" * 300),
    "float overflow": "1e400",
    "bad date": "2027-13-45",
    "list": "a,b,c,d",
    "bad UTF-8": "%FF%FE",
}


def add_arguments(parser):
    parser.add_argument(
        "--backend",
        choices=["sqlite", "postgres", "both"],
        default=None,
        help="default: postgres with --postgres or a PostgreSQL DATABASE_URL, else sqlite",
    )
    parser.add_argument("--postgres", action="store_true", help="run on PostgreSQL")
    parser.add_argument("--max-urls", type=int, default=250, help="URLs to fuzz (>= 200)")
    parser.add_argument("--max-crawl", type=int, default=600, help="pages the crawl fetches")
    parser.add_argument("--variants", type=int, default=3, help="query variants kept per path")
    parser.add_argument("--workers", type=int, default=0, help="gunicorn workers (0: config)")
    parser.add_argument("--threads", type=int, default=10, help="client threads")
    parser.add_argument(
        "--gthread", type=int, default=0, help="gthread workers with this many threads each"
    )
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument("--page-cache", type=int, default=600, help="PAGE_CACHE_SECONDS")


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_arguments(parser)
    args = parser.parse_args()
    env_url = os.environ.get("DATABASE_URL", "")
    if args.backend is None:
        postgres = args.postgres or env_url.startswith(("postgres", "postgis"))
        args.backend = "postgres" if postgres else "sqlite"
    args.backends = ["sqlite", "postgres"] if args.backend == "both" else [args.backend]
    return args


# The database


def pg_server():
    """(host, port, user, password) of the PostgreSQL server: DATABASE_URL's, or 127.0.0.1
    as postgres without a password."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres", "postgis")):
        parts = urlsplit(url)
        return (
            parts.hostname or "127.0.0.1",
            parts.port or 5432,
            parts.username or "postgres",
            parts.password or "",
        )
    return "127.0.0.1", 5432, "postgres", ""


def pg_run(command, database, check=True):
    host, port, user, password = pg_server()
    options = ["--if-exists"] if command == "dropdb" else []
    env = dict(os.environ, PGPASSWORD=password) if password else None
    subprocess.run(
        [command, "-h", host, "-p", str(port), "-U", user, *options, database],
        check=check,
        env=env,
    )


def create_database(backend):
    if backend == "sqlite":
        SQLITE_PATH.unlink(missing_ok=True)
        return f"sqlite:///{SQLITE_PATH}"
    pg_run("dropdb", PG_DB)
    pg_run("createdb", PG_DB)
    host, port, user, password = pg_server()
    login = f"{quote(user)}:{quote(password)}" if password else quote(user)
    return f"postgres://{login}@{host}:{port}/{PG_DB}"


def drop_database(backend):
    if backend == "sqlite":
        SQLITE_PATH.unlink(missing_ok=True)
    else:
        pg_run("dropdb", PG_DB, check=False)


def server_env(database_url, **extra):
    env = _common_env()
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "cms.settings.production",
            "SECRET_KEY": "fuzz-public-only-" + "x" * 40,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "False",
            "DATABASE_URL": database_url,
            "CACHE_URL": "locmemcache://fuzz-public",
            "MEDIA_ROOT": str(MEDIA_ROOT),
            "MEDIA_STORAGE": "filesystem",
            "STATIC_ROOT": str(STATIC_ROOT),
            "LOG_FORMAT": "plain",
            "LOG_LEVEL": "WARNING",
            # The API's limit per client address would answer most requests with 429.
            "API_THROTTLE_RATE": "1000000/minute",
            **extra,
        }
    )
    return env


def _common_env():
    """The environment without the PG* variables and the settings this script sets."""
    return {key: value for key, value in os.environ.items() if not key.startswith("PG")}


def load(options):
    """Child: migrate, load the demo content, write the seed URLs (routes, API, feeds)."""
    _common.setup_django()
    from django.core.management import call_command

    call_command("load_demo_content", stdout=io.StringIO())
    SEEDS_FILE.write_text(json.dumps(seed_urls()))


def seed_urls():
    """The URLs a crawl may not find: routes of the routable pages, search, API, feeds."""
    from django.urls import reverse
    from django.utils import translation

    from wagtail.contrib.routable_page.models import RoutablePageMixin
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page

    urls = ["/", "/robots.txt", "/sitemap.xml", "/health/"]
    for language in ("de", "en"):
        with translation.override(language):
            search, suggest = reverse("search"), reverse("search_autocomplete")
            urls += [
                f"/{language}/",
                search,
                f"{search}?q=Chemie",
                f"{search}?q=Leipzig&type=event",
                suggest,
                f"{suggest}?q=Ch",
                reverse("locations_geojson"),
                f"{reverse('locations_geojson')}?kind=hall",
                f"/sitemap-{language}.xml",
            ]
    for endpoint in ("pages", "images", "documents"):
        urls += [f"/api/v2/{endpoint}/", f"/api/v2/{endpoint}/?limit=5&offset=2"]
    page_ids = list(Page.objects.live().public().values_list("pk", flat=True)[:5])
    urls += [f"/api/v2/pages/{pk}/" for pk in page_ids]
    urls += ["/api/v2/pages/find/?html_path=/de/", "/api/v2/pages/999999/"]
    urls += [
        f"/api/v2/images/{pk}/" for pk in get_image_model().objects.values_list("pk", flat=True)[:2]
    ]
    urls += [
        f"/api/v2/documents/{pk}/"
        for pk in get_document_model().objects.values_list("pk", flat=True)[:2]
    ]
    for page in Page.objects.live().public().specific():
        if isinstance(page, RoutablePageMixin):
            urls += route_urls(page)
    return urls


def route_urls(page):
    """Every sub-page route of ``page``, with sample and impossible arguments."""
    from django.utils import translation

    from events.models import EventCategory

    base = page.url
    if not base:
        return []
    found = []
    resolver = page.get_resolver()
    with translation.override(page.locale.language_code):
        for name in [key for key in resolver.reverse_dict if isinstance(key, str)]:
            pattern = resolver.reverse_dict.getlist(name)[0][0][0][1]
            samples = [{}]
            if "year" in pattern and "month" in pattern:
                samples = [
                    {"year": "2027", "month": "6"},
                    {"year": "2027", "month": "13"},
                    {"year": "0", "month": "0"},
                    {"year": "999999", "month": "9999"},
                ]
            elif "category" in pattern:
                slugs = list(
                    EventCategory.objects.filter(locale=page.locale_id).values_list(
                        "slug", flat=True
                    )
                )
                samples = [{"category": slug} for slug in [*slugs, "gibt-es-nicht"]]
            for kwargs in samples:
                try:
                    found.append(base + page.reverse_subpage(name, kwargs=kwargs))
                except Exception:  # noqa: BLE001 - a route this guess cannot fill is left out
                    continue
    return found


# Fuzzing


def describe_urls(collected, listing):
    """Print how many URLs of each kind were collected; write them all to ``listing``."""
    listing.write_text("".join(f"{status} {kind} {path}\n" for path, status, kind in collected))
    kinds = Counter()
    for _path, status, content_type in collected:
        kind = content_type or "no body"
        if status != 200:
            kind = f"{status} ({'redirect' if status < 400 else 'error'})"
        kinds[kind] += 1
    print(f"{len(collected)} URLs collected (listed in {listing}):")
    for kind, count in kinds.most_common():
        print(f"  {count:>4} {kind}")
    if len(collected) < 200:
        print(f"  fewer than 200 URLs: {len(collected)}")


def fuzzed(url):
    separator = "&" if "?" in url else "?"
    for name in PARAMETERS:
        for label, value in VALUES.items():
            yield f"{url}{separator}{quote(name)}={value}", name, label


def fuzz(client, urls, threads):
    statuses = Counter()
    failures = []
    lock = threading.Lock()
    tasks = [(url, None, None) for url in urls]
    for url in urls:
        tasks += list(fuzzed(url))
    done = [0]
    started = time.perf_counter()

    def run(task):
        url = task[0]
        status, _content_type, body = client.get(url)
        with lock:
            statuses[status] += 1
            if status == 0 or status >= 500:
                failures.append((status, url, body if status == 0 else ""))
            done[0] += 1
            if done[0] % max(1, len(tasks) // 10) == 0:
                elapsed = time.perf_counter() - started
                print(
                    f"  {done[0]:,} / {len(tasks):,} requests, {elapsed:.0f} s, "
                    f"{done[0] / elapsed:.0f} req/s, failures so far {len(failures)}",
                    flush=True,
                )

    with ThreadPoolExecutor(threads) as executor:
        list(executor.map(run, tasks))
    return len(tasks), time.perf_counter() - started, statuses, failures


INTERNALS = r"/django/(db|template|core/handlers|views/decorators)/|/rest_framework/|/psycopg/"
TRACEBACK_START = re.compile(r"^.* ERROR django\.request Internal Server Error: (\S+)")


def server_tracebacks(log_path):
    """{(exception line, innermost project frame): [paths]} from the server's log."""
    groups = defaultdict(list)
    lines = Path(log_path).read_text(errors="replace").splitlines()
    index = 0
    while index < len(lines):
        match = TRACEBACK_START.match(lines[index])
        index += 1
        if not match:
            continue
        block = []
        while index < len(lines) and not re.match(r"^\d{4}-\d\d-\d\d ", lines[index]):
            block.append(lines[index])
            index += 1
        frames = [line.strip() for line in block if line.strip().startswith("File ")]
        # The innermost frame of the project's code, else of the code that called the
        # database or the template engine (not their own internals).
        project = [
            frame for frame in frames if str(_common.REPO) in frame and "/.venv/" not in frame
        ] or [frame for frame in frames if not re.search(INTERNALS, frame)]
        exception = next((line for line in reversed(block) if line and line[0] != " "), "?")
        place = (project or frames or ["?"])[-1]
        groups[(exception[:300], place)].append(match.group(1))
    return groups


def run_backend(backend, args):
    print(f"\n== {backend} ==", flush=True)
    database_url = create_database(backend)
    env = server_env(database_url, PAGE_CACHE_SECONDS=str(args.page_cache))
    try:
        started = time.perf_counter()
        shutil.rmtree(MEDIA_ROOT, ignore_errors=True)
        child_env = dict(env, **{_common.CHILD_ENV: json.dumps({"step": "load"})})
        subprocess.run([sys.executable, __file__], env=child_env, cwd=_common.REPO, check=True)
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
            env=env,
            cwd=_common.REPO,
            check=True,
        )
        print(f"demo content and static files: {time.perf_counter() - started:.0f} s")
        seeds = json.loads(SEEDS_FILE.read_text())
        log_path = Path(f"/tmp/fuzz-public-gunicorn-{backend}.log")
        server = Server(env, log_path, workers=args.workers, threads=args.gthread)
        try:
            client = Client(server.port, args.threads)
            started = time.perf_counter()
            collected = collect_urls(client, server.base, seeds, args)
            urls = [path for path, _status, _type in collected]
            describe_urls(collected, log_path.with_suffix(".urls.txt"))
            print(f"  in {time.perf_counter() - started:.0f} s")
            requests, seconds, statuses, failures = fuzz(client, urls, args.threads)
        finally:
            server.stop()
    finally:
        if not args.keep:
            drop_database(backend)
    report(backend, len(urls), requests, seconds, statuses, failures, log_path)
    return not failures


def shortened(url, width=150):
    return url if len(url) <= width else url[: width - 1] + "…"


def report(backend, urls, requests, seconds, statuses, failures, log_path):
    print(
        f"\n{backend}: {urls} URLs x {len(PARAMETERS)} parameters x {len(VALUES)} values "
        f"(+ each URL as it is) = {requests:,} requests in {seconds:.0f} s "
        f"({requests / seconds:.0f} req/s)"
    )
    print("status  requests")
    for status, count in sorted(statuses.items()):
        print(f"{status or 'none':>6}  {count:>8,}")
    if not failures:
        print("no 5xx, every request answered")
        return
    listing = log_path.with_suffix(".failures.txt")
    listing.write_text("".join(f"{status or error} {url}\n" for status, url, error in failures))
    print(f"\n{len(failures)} requests failed (5xx or no answer; full URLs in {listing}):")
    for status, url, error in sorted(failures):
        print(f"  {status or error:>4} {shortened(url)}")
    groups = server_tracebacks(log_path)
    if groups:
        print(f"\ntracebacks in {log_path}:")
        for (exception, place), paths in sorted(groups.items(), key=lambda item: -len(item[1])):
            print(f"  {len(paths)} x {exception}\n      at {place}\n      e.g. {paths[0]}")


def main():
    args = parse_args()
    results = [run_backend(backend, args) for backend in args.backends]
    sys.exit(0 if all(results) else 1)


if __name__ == "__main__":
    options = _common.child_options()
    if options and options.get("step") == "load":
        load(options)
    else:
        main()
