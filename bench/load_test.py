"""Load test: 60 s at 8 connections over pages, feeds and searches, with a Redis outage mid-run.

    .venv/bin/python bench/load_test.py                 # reuses load_bench's data if present
    .venv/bin/python bench/load_test.py --duration 20 --no-fault
    .venv/bin/python bench/load_test.py --rebuild       # build load_bench's data first

Runs against the data of `bench/load_bench.py` (PostgreSQL database `load_bench`, built first
if missing) and the same production server: gunicorn with 2 sync workers on a free loopback
port, the page cache on. The cache is a Redis server of its own that the script starts
(`redis-server --port 6390 --save ''`, nothing written to disk) so that it can stop it:
wrk (loopback only, `--duration` seconds, `--connections`) requests a mix of pages (home pages
in both languages, cluster overview and page, the list of 6,000 sites and a filtered page of
it, halls, the calendar of 5,000 events with a page, a month and the archive, single events,
sites and standard pages), feeds (iCal of all events and of one category, GeoJSON of a map
section and of all 10,000 locations) and searches (a different query on every request, and
autocomplete). A third of the way in, Redis is stopped; at two thirds it is started again,
empty. Meanwhile a probe asks for the home page and the site list twice a second and records
status and `X-Cache`.

Prints requests, errors (socket errors and answers other than 2xx/3xx; must be 0), the status
codes, latency percentiles, and per phase (Redis up, down, back) the probe's statuses and
`X-Cache` values: during the outage pages are rendered uncached (PASS), never a 5xx; after the
restart they are stored again (MISS) and served from the cache (HIT).
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import _common
import load_bench

REDIS_PORT = 6390
REDIS_URL = f"redis://127.0.0.1:{REDIS_PORT}/0"
SEARCH = "SEARCH"  # marker in the mix: a rotating search query


def mix(urls):
    """(kind, path) pairs; repeated entries weigh more. About 70% pages, 15% feeds, 15%
    searches and autocomplete."""
    sites, calendar = urls["location list"], urls["event index"]
    search = urls["search"]
    pages = [
        "/de/",
        "/de/",
        "/en/",
        "/de/cluster/",
        urls["cluster page"],
        sites,
        sites,
        f"{sites}?state=ST&page=3",
        sites.replace("bench-flaechen", "bench-hallen"),
        f"{sites}bench-flaechen-42/",
        calendar,
        calendar,
        f"{calendar}?page=5",
        f"{calendar}kalender/2027/06/",
        f"{calendar}archiv/",
        f"{calendar}bench-termin-17/",
        "/de/seite-123/",
        "/en/page-12/",
    ]
    feeds = [
        f"{calendar}ical/",
        f"{calendar}ical/sport/",
        "/de/api/locations.geojson?bbox=11.8,51.2,12.6,51.6",
        "/de/api/locations.geojson",
    ]
    # The German autocomplete URL ("search/suggest/" translated).
    autocomplete = urls.get("autocomplete", f"{search}vorschlaege/")
    searches = [SEARCH, SEARCH, SEARCH, f"{autocomplete}?q=Wa"]
    return (
        [("page", path) for path in pages]
        + [("feed", path) for path in feeds]
        + [("search", path) for path in searches]
    )


def lua_mix(entries, search_path, words):
    paths = ", ".join(f'"{path}"' for _kind, path in entries)
    quoted = ", ".join(f'"{word}"' for word in words)
    return f"""
local paths = {{{paths}}}
local words = {{{quoted}}}
local counter = 0
local offset = 0
local threads = {{}}
statuses = {{}}
function setup(thread)
  thread:set("offset", #threads * 7919)
  table.insert(threads, thread)
end
function request()
  counter = counter + 1
  local n = counter + offset
  local path = paths[(n % #paths) + 1]
  if path == "{SEARCH}" then
    local m = math.floor(n / #paths)
    local a = words[(m % #words) + 1]
    local b = words[(math.floor(m / #words) % #words) + 1]
    path = "{search_path}?q=" .. a .. "+" .. b
  end
  return wrk.format("GET", path)
end
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end
function done(summary, latency, requests)
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      io.write(string.format("STATUS %d %d\\n", status, count))
    end
  end
  for _, p in ipairs({{50, 90, 99, 99.9}}) do
    io.write(string.format("PERCENTILE %s %.3f\\n", p, latency:percentile(p) / 1000))
  end
  io.write(string.format("MAX %.3f\\n", latency.max / 1000))
end
"""


class Redis:
    """A throwaway redis-server on REDIS_PORT that writes nothing to disk."""

    def __init__(self):
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(REDIS_PORT), "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _attempt in range(100):
            ping = subprocess.run(
                ["redis-cli", "-p", str(REDIS_PORT), "ping"], capture_output=True, text=True
            )
            if ping.stdout.strip() == "PONG":
                return
            time.sleep(0.1)
        raise RuntimeError("redis-server did not start")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


class Probe(threading.Thread):
    """Asks for a few pages twice a second and records (phase, status, X-Cache)."""

    def __init__(self, base, paths):
        super().__init__(daemon=True)
        self.base, self.paths = base, paths
        self.phase = "Redis up"
        self.records = []
        self.stopped = threading.Event()

    def run(self):
        while not self.stopped.is_set():
            for path in self.paths:
                started = time.perf_counter()
                try:
                    status, headers = load_bench.fetch(self.base + path)
                    cache = headers.get("X-Cache", "-")
                except OSError as error:
                    status, cache = f"error {error.__class__.__name__}", "-"
                elapsed = (time.perf_counter() - started) * 1000
                self.records.append((self.phase, status, cache, elapsed))
            self.stopped.wait(0.5)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=60)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--no-fault", action="store_true", help="keep Redis up")
    # 2 as in load_bench; deploy/gunicorn.conf.py starts 2 x cores + 1 (5 on 2 cores).
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers")
    parser.add_argument("--rebuild", action="store_true", help="rebuild load_bench's data")
    for name, default in (("--locations", 10_000), ("--events", 5_000), ("--pages", 10_000)):
        parser.add_argument(name, type=int, default=default)
    args = parser.parse_args()
    args.reuse = not args.rebuild
    if shutil.which("wrk") is None:
        sys.exit("wrk is missing: apt-get install wrk")
    fault = not args.no_fault
    if fault and shutil.which("redis-server") is None:
        print("redis-server is missing: running without the Redis outage")
        fault = False
    print(f"load before the run: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    urls = load_bench.prepare(args)
    entries = mix(urls)

    redis = Redis()
    redis.start()
    log_path = "/tmp/load-test-gunicorn.log"
    server = load_bench.Server(
        load_bench.server_env(CACHE_URL=REDIS_URL, PAGE_CACHE_SECONDS="600"),
        log_path,
        workers=args.workers,
    )
    try:
        for _kind, path in entries:
            if path == SEARCH:
                path = f"{urls['search']}?q=Wasserstoff"
            status, _headers = load_bench.fetch(server.base + path)
            if status != 200:
                raise RuntimeError(f"{path}: {status}")
        script = lua_mix(entries, urls["search"], load_bench.SEARCH_WORDS)
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script_file:
            script_file.write(script)
        probe = Probe(server.base, ["/de/", urls["location list"]])
        probe.start()
        wrk = subprocess.Popen(
            [
                "wrk",
                "--threads=2",
                f"--connections={args.connections}",
                f"--duration={args.duration}s",
                "--timeout=10s",
                "--latency",
                f"--script={script_file.name}",
                server.base + "/",
            ],
            stdout=subprocess.PIPE,
            text=True,
        )
        started = time.monotonic()
        if fault:
            time.sleep(args.duration / 3)
            probe.phase = "Redis down"
            redis.stop()
            print(f"{time.monotonic() - started:5.1f} s: Redis stopped", flush=True)
            time.sleep(max(0, 2 * args.duration / 3 - (time.monotonic() - started)))
            redis.start()
            probe.phase = "Redis back"
            print(f"{time.monotonic() - started:5.1f} s: Redis started again", flush=True)
        output, _ = wrk.communicate(timeout=args.duration + 60)
        probe.stopped.set()
        probe.join()
        os.unlink(script_file.name)
        rss = server.worker_rss_mb()
    finally:
        server.stop()
        redis.stop()
    report(args, output, probe, entries, rss, log_path, fault)


def report(args, output, probe, entries, rss, log_path, fault):
    result = load_bench.parse_wrk(output)
    statuses = Counter()
    for code, count in re.findall(r"STATUS (\d+) (\d+)", output):
        statuses[int(code)] += int(count)  # one line per wrk thread
    percentiles = dict(re.findall(r"PERCENTILE ([\d.]+) ([\d.]+)", output))
    maximum = float(re.search(r"MAX ([\d.]+)", output).group(1))
    errors = result["socket_errors"] + result["non_2xx"]
    kinds = Counter(kind for kind, _path in entries)
    server_errors = len(re.findall(r"Traceback|\bERROR\b", Path(log_path).read_text()))
    print(
        f"\n== load test: {args.duration} s, {args.connections} connections, wrk on loopback, "
        f"gunicorn {args.workers} sync workers, page cache on Redis; "
        f"load {os.getloadavg()[0]:.2f} =="
    )
    print(
        f"mix of {len(entries)} entries: {kinds['page']} pages, {kinds['feed']} feeds, "
        f"{kinds['search']} searches/autocomplete"
    )
    print(f"requests: {result['requests']:,} ({result['rps']:.1f} req/s)")
    print(
        f"errors: {errors} (socket {result['socket_detail']}; non-2xx/3xx {result['non_2xx']}); "
        f"errors in the server log: {server_errors}"
    )
    print("status codes: " + ", ".join(f"{code}: {n:,}" for code, n in sorted(statuses.items())))
    print(
        "latency ms: "
        + ", ".join(f"p{p} {float(ms):.1f}" for p, ms in percentiles.items())
        + f", max {maximum:.1f}"
    )
    print("worker RSS at the end: " + ", ".join(f"{size:.0f} MB" for size in rss))
    if fault:
        print("\nprobe (/de/ and the site list, twice a second) per phase:")
        rows = []
        for phase in ("Redis up", "Redis down", "Redis back"):
            records = [record for record in probe.records if record[0] == phase]
            codes = Counter(str(record[1]) for record in records)
            caches = Counter(record[2] for record in records)
            times = [record[3] for record in records]
            rows.append(
                (
                    phase,
                    len(records),
                    ", ".join(f"{code}: {n}" for code, n in sorted(codes.items())),
                    ", ".join(f"{cache}: {n}" for cache, n in sorted(caches.items())),
                    _common.median(times),
                    max(times),
                )
            )
        _common.print_table(
            [
                ("phase", -11, ""),
                ("probes", 6, "d"),
                ("status", -10, ""),
                ("X-Cache", -20, ""),
                ("p50 ms", 7, ".0f"),
                ("max ms", 7, ".0f"),
            ],
            rows,
        )
        back = [record[2] for record in probe.records if record[0] == "Redis back"]
        down = [record[1] for record in probe.records if record[0] == "Redis down"]
        resumed = "HIT" in back
        print(
            f"outage without 5xx: {'yes' if all(s == 200 for s in down) else 'NO'}; "
            f"caching resumed after the restart: {'yes' if resumed else 'NO'}"
        )
    print(f"\nresult: {'PASS' if errors == 0 and server_errors == 0 else 'FAIL'}")


if __name__ == "__main__":
    main()
