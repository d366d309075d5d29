"""Throughput of the portal under gunicorn on PostgreSQL, cached and uncached, against a bare view.

    .venv/bin/python bench/load_bench.py                       # build the data, then measure
    .venv/bin/python bench/load_bench.py --reuse               # measure the data of the last run
    .venv/bin/python bench/load_bench.py --duration 5 --locations 1000 --events 500 --pages 1000

Builds the PostgreSQL database `load_bench` (dropped and recreated): the demo content
(`load_demo_content`) plus 10,000 locations, 5,000 events and 10,000 German and 1,000 English
standard pages (bulk inserts with the builders of locations_bench, events_bench and
search_bench; the standard pages indexed for the search), collects the static files into
/tmp/load-bench-static, then starts gunicorn (2 sync workers, production settings through
bench/bench_settings.py, Redis database 7 as the cache) on a free port on 127.0.0.1 twice:
with the page cache off (PAGE_CACHE_SECONDS=0) and on (warmed). Against each server, wrk
(loopback, `--connections`, `--duration` seconds per row) requests the bare 30 KB view of
bench_urls.py (the ceiling of that server), the home page, a text page (the lightest
rendered page), a cluster page, the list of 6,000 commercial sites, the calendar of 5,000
events and a search. It prints req/s, the ratio to the ceiling, p50/p99 latency, errors and
the workers' RSS, and PASS/FAIL against the targets: uncached pages at least 130 req/s (3 x the
reference demo's 43), cached pages at least half the ceiling.

Search is never served by the page cache (pagecache/conf.py: every query is a new key and the
search counts its queries): its "uncached" row asks a different two-word query on every
request (the results cache cannot help), its "cached" row repeats one query (answered from the
search's results cache, search/cache.py, within its minute).
"""

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import _common

PG_DB = "load_bench"
STATIC_ROOT = Path("/tmp/load-bench-static")
MEDIA_ROOT = Path("/tmp/load-bench-media")
URLS_FILE = Path("/tmp/load-bench-urls.json")
CACHE_URL = "redis://127.0.0.1:6379/7"
UNCACHED_TARGET = 130  # req/s: 3 x the reference demo's 43
CACHED_TARGET = 0.5  # of the bare ceiling
# ASCII words of search_bench's vocabulary, for queries that need no percent-encoding.
SEARCH_WORDS = [
    "Chemie",
    "Kunststoff",
    "Wasserstoff",
    "Logistik",
    "Halle",
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
    "Software",
    "Hafen",
    "Leipzig",
    "Dresden",
    "Jena",
    "Leuna",
]


def add_arguments(parser):
    parser.add_argument("--reuse", action="store_true", help="keep the database of the last run")
    parser.add_argument("--duration", type=int, default=10, help="seconds per row")
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--locations", type=int, default=10_000)
    parser.add_argument("--events", type=int, default=5_000)
    parser.add_argument("--pages", type=int, default=10_000)


def server_env(**extra):
    """The environment of the production servers (and of the data load)."""
    env = {
        "DJANGO_SETTINGS_MODULE": "bench.bench_settings",
        "SECRET_KEY": "load-bench-only-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "False",
        "DEBUG": "False",
        "DATABASE_URL": _common.pg_url(PG_DB),
        "CACHE_URL": CACHE_URL,
        "MEDIA_ROOT": str(MEDIA_ROOT),
        "STATIC_ROOT": str(STATIC_ROOT),
        "LOG_LEVEL": "WARNING",
        "LOG_FORMAT": "plain",
    }
    env.update(extra)
    return env


# Data


def prepare(args):
    """Build the database and the static files unless --reuse finds them."""
    if args.reuse and URLS_FILE.exists() and STATIC_ROOT.exists():
        # The data of an earlier run, brought up to the code's migrations (new indexes).
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
            env=dict(os.environ, **server_env()),
            cwd=_common.REPO,
            check=True,
        )
        return json.loads(URLS_FILE.read_text())
    _common.recreate_pg_database(PG_DB)
    shutil.rmtree(MEDIA_ROOT, ignore_errors=True)
    started = time.perf_counter()
    _common.run_child(
        __file__,
        {
            "step": "load",
            "locations": args.locations,
            "events": args.events,
            "pages": args.pages,
        },
        env=server_env(CACHE_URL="locmemcache://load-bench"),
    )
    print(f"data loaded in {time.perf_counter() - started:.0f} s")
    shutil.rmtree(STATIC_ROOT, ignore_errors=True)
    manage = [sys.executable, "manage.py"]
    subprocess.run(
        [*manage, "collectstatic", "--noinput", "-v0"],
        env=dict(os.environ, **server_env()),
        cwd=_common.REPO,
        check=True,
    )
    return json.loads(URLS_FILE.read_text())


def load(options):
    """Child: the demo content plus the bulk data; writes the URLs to measure."""
    _common.setup_django()
    from django.core.management import call_command
    from django.urls import reverse
    from django.utils import translation

    import events_bench
    import locations_bench
    import search_bench

    from clusters.models import ClusterPage
    from home.models import StandardPage

    timings = {}
    started = time.perf_counter()
    call_command("load_demo_content", verbosity=0)
    timings["demo content"] = time.perf_counter() - started
    started = time.perf_counter()
    total = options["locations"]
    pools = locations_bench.create_locations(total, halls=total * 2 // 5)
    timings[f"{total:,} locations"] = time.perf_counter() - started
    started = time.perf_counter()
    calendar, dates = events_bench.create_events(options["events"])
    timings[f"{options['events']:,} events ({dates:,} dates)"] = time.perf_counter() - started
    started = time.perf_counter()
    model = search_bench.create_pages(options["pages"])
    search_bench.index_pages(model)
    timings[f"{options['pages']:,} + {options['pages'] // 10:,} pages, indexed"] = (
        time.perf_counter() - started
    )
    _common.analyze()
    for label, seconds in timings.items():
        print(f"  {label}: {seconds:.1f} s")
    cluster = ClusterPage.objects.live().filter(locale__language_code="de").first()
    # The lightest rendered page (title, rich text, the layout): the floor of the others.
    text_page = (
        StandardPage.objects.live().filter(locale__language_code="de").order_by("path").first()
    )
    with translation.override("de"):
        search, autocomplete = reverse("search"), reverse("search_autocomplete")
    URLS_FILE.write_text(
        json.dumps(
            {
                "home page": "/de/",
                "text page": text_page.url,
                "cluster page": cluster.url,
                "location list": pools["site"].url,
                "event index": calendar.url,
                "search": search,
                "autocomplete": autocomplete,
            }
        )
    )


# Servers and load


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """gunicorn with 2 sync workers on a free loopback port, stopped on exit."""

    def __init__(self, env, log_path, workers=2):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = open(log_path, "w")  # noqa: SIM115 - closed in stop()
        gunicorn = Path(sys.executable).with_name("gunicorn")
        self.process = subprocess.Popen(
            [
                str(gunicorn),
                "cms.wsgi:application",
                f"--bind=127.0.0.1:{self.port}",
                f"--workers={workers}",
                "--worker-class=sync",
                # Each server its own control socket: the default path is shared.
                f"--control-socket=/tmp/load-bench-gunicorn-{self.port}.ctl",
                "--chdir",
                str(_common.REPO),
            ],
            env=dict(os.environ, **env),
            stdout=self.log,
            stderr=subprocess.STDOUT,
            cwd=_common.REPO,
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                fetch(self.base + "/bench/bare/")
                break
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError(f"gunicorn did not start, see {log_path}") from None
                time.sleep(0.2)

    def worker_rss_mb(self):
        """Resident memory of each worker (from /proc), in MB."""
        pid = self.process.pid
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        sizes = []
        for child in children:
            status = Path(f"/proc/{child}/status").read_text()
            sizes.append(int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024)
        return sizes

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


def fetch(url):
    """Status and headers of a GET, without following redirects."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(url, timeout=30) as response:
            response.read()
            return response.status, response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.headers


def flush_redis(url):
    match = re.match(r"redis://([^:/]+):(\d+)/(\d+)", url)
    host, port, db = match.groups()
    subprocess.run(
        ["redis-cli", "-h", host, "-p", port, "-n", db, "flushdb"],
        check=True,
        capture_output=True,
    )


def lua_rotating_search(path, words):
    """A wrk script asking a different two-word query on every request (threads apart)."""
    quoted = ", ".join(f'"{word}"' for word in words)
    return f"""
local words = {{{quoted}}}
local counter = 0
local offset = 0
local threads = 0
function setup(thread)
  thread:set("offset", threads * 7919)
  threads = threads + 1
end
function request()
  counter = counter + 1
  local n = counter + offset
  local a = words[(n % #words) + 1]
  local b = words[(math.floor(n / #words) % #words) + 1]
  local page = (math.floor(n / (#words * #words)) % 3) + 1
  return wrk.format("GET", "{path}?q=" .. a .. "+" .. b .. "&page=" .. page)
end
"""


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def parse_duration(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * UNITS[unit]


def run_wrk(url, duration, connections, script=None):
    """wrk's req/s, p50/p99 latency (ms), requests and errors (socket errors + non-2xx/3xx)."""
    command = [
        "wrk",
        f"--threads={min(2, connections)}",
        f"--connections={connections}",
        f"--duration={duration}s",
        "--timeout=10s",
        "--latency",
    ]
    script_file = None
    if script:
        script_file = tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False)  # noqa: SIM115
        script_file.write(script)
        script_file.close()
        command.append(f"--script={script_file.name}")
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    if script_file:
        os.unlink(script_file.name)
    return parse_wrk(output)


def parse_wrk(output):
    latency = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+[a-z]+)\s*$", output, re.MULTILINE))
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
        # No distribution when no request finished within the run.
        "p50": parse_duration(latency["50"]) if "50" in latency else float("nan"),
        "p99": parse_duration(latency["99"]) if "99" in latency else float("nan"),
        "socket_errors": sum(map(int, socket_errors.groups())) if socket_errors else 0,
        "socket_detail": socket_errors.group(0) if socket_errors else "none",
        "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
        "output": output,
    }


def measure(args, urls):
    rows = []
    rss = {}
    for mode in ("uncached", "cached"):
        flush_redis(CACHE_URL)
        env = server_env(PAGE_CACHE_SECONDS="0" if mode == "uncached" else "600")
        server = Server(env, f"/tmp/load-bench-gunicorn-{mode}.log")
        try:
            targets = [("bare Django view (ceiling)", server.base + "/bench/bare/", None)]
            for label, path in urls.items():
                if label == "autocomplete":
                    continue
                if label == "search":
                    query = f"{server.base}{path}?q=Wasserstoff"
                    rotating = lua_rotating_search(path, SEARCH_WORDS)
                    script = rotating if mode == "uncached" else None
                    targets.append((label, query, script))
                else:
                    targets.append((label, server.base + path, None))
            for label, url, _script in targets:
                # Warm up: templates, connections, renditions, and in the cached run the
                # page cache (the second answer must be a hit).
                for _warm_up in range(3):
                    status, headers = fetch(url)
                    if status != 200:
                        raise RuntimeError(f"{url}: {status}")
                if mode == "cached" and label not in ("search",) and "bare" not in label:
                    assert headers.get("X-Cache") == "HIT", (url, headers.get("X-Cache"))
            for label, url, script in targets:
                result = run_wrk(url, args.duration, args.connections, script)
                rows.append((mode, label, result))
                print(
                    f"  {mode:<9}{label:<28}{result['rps']:>9.1f} req/s  "
                    f"p50 {result['p50']:.1f} ms  p99 {result['p99']:.1f} ms",
                    flush=True,
                )
            rss[mode] = server.worker_rss_mb()
        finally:
            server.stop()
    return rows, rss


def report(rows, rss, args):
    ceilings = {mode: result["rps"] for mode, label, result in rows if "bare" in label}
    table = []
    for mode, label, result in rows:
        ceiling = ceilings[mode]
        ratio = result["rps"] / ceiling
        errors = result["socket_errors"] + result["non_2xx"]
        if "bare" in label:
            verdict = "-"
        elif mode == "uncached":
            verdict = "PASS" if result["rps"] >= UNCACHED_TARGET and not errors else "FAIL"
        else:
            verdict = "PASS" if ratio >= CACHED_TARGET and not errors else "FAIL"
        table.append(
            (
                mode,
                label,
                result["rps"],
                f"{ratio:.0%}",
                result["p50"],
                result["p99"],
                result["requests"],
                errors,
                verdict,
            )
        )
    print(
        f"\n== gunicorn 2 sync workers, wrk {args.connections} connections x "
        f"{args.duration} s per row, PostgreSQL `{PG_DB}`, Redis cache; load "
        f"{os.getloadavg()[0]:.2f} =="
    )
    _common.print_table(
        [
            ("page cache", -10, ""),
            ("request", -27, ""),
            ("req/s", 8, ".1f"),
            ("ceiling", 7, ""),
            ("p50 ms", 7, ".1f"),
            ("p99 ms", 7, ".1f"),
            ("requests", 8, ","),
            ("errors", 6, "d"),
            ("target", 6, ""),
        ],
        table,
    )
    print(
        f"targets: uncached >= {UNCACHED_TARGET} req/s, cached >= {CACHED_TARGET:.0%} of the "
        "ceiling of the same server"
    )
    for mode, sizes in rss.items():
        listed = ", ".join(f"{size:.0f}" for size in sizes)
        print(f"worker RSS after the {mode} rows: {listed} MB")


def main():
    args = _common.parse_args(__doc__, backends=("postgres",), add_arguments=add_arguments)
    if shutil.which("wrk") is None:
        sys.exit("wrk is missing: apt-get install wrk")
    print(f"load before the run: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    urls = prepare(args)
    rows, rss = measure(args, urls)
    report(rows, rss, args)


if __name__ == "__main__":
    options = _common.child_options()
    if options:
        load(options)
    else:
        main()
