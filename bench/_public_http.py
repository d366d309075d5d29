"""The HTTP side of `bench/fuzz_public.py`: gunicorn on a free loopback port, a client with
keep-alive connections for many threads (urllib3), and the crawl that collects the URLs.
"""

import re
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import _common
import urllib3

GUNICORN_CONFIG = _common.REPO / "deploy" / "gunicorn.conf.py"
# Paths that are not the public site's pages or are not served by Django.
SKIP_PREFIXES = ("/admin/", "/static/", "/media/", "/django-admin/")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """gunicorn with deploy/gunicorn.conf.py on a free loopback port, stopped on exit."""

    def __init__(self, env, log_path, workers=0, threads=0):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_path = log_path
        # gunicorn's access log (stdout) apart from its and Django's messages (stderr).
        self.access_log = open(log_path.with_suffix(".access.log"), "w")  # noqa: SIM115
        self.log = open(log_path, "w")  # noqa: SIM115 - closed in stop()
        gunicorn = Path(sys.executable).with_name("gunicorn")
        env = dict(env, GUNICORN_BIND=f"127.0.0.1:{self.port}")
        if workers:
            env["WEB_CONCURRENCY"] = str(workers)
        self.process = subprocess.Popen(
            [
                str(gunicorn),
                "-c",
                str(GUNICORN_CONFIG),
                # Each server its own control socket: the default path is shared.
                f"--control-socket=/tmp/fuzz-public-gunicorn-{self.port}.ctl",
                # Sync workers (the configuration's) close every connection; gthread
                # workers keep them open and serve several requests per process at once.
                *(["--worker-class=gthread", f"--threads={threads}"] if threads else []),
            ],
            env=env,
            stdout=self.access_log,
            stderr=self.log,
            cwd=_common.REPO,
        )
        deadline = time.monotonic() + 90
        pool = urllib3.HTTPConnectionPool("127.0.0.1", self.port, retries=False, timeout=5)
        while True:
            try:
                if pool.request("GET", "/health/").status == 200:
                    break
            except urllib3.exceptions.HTTPError:
                pass
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"gunicorn did not start, see {log_path}")
            time.sleep(0.2)

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()
        self.access_log.close()


class Client:
    """GETs over keep-alive connections to the server, from many threads."""

    def __init__(self, port, threads):
        self.errors = urllib3.exceptions.HTTPError
        self.pool = urllib3.HTTPConnectionPool(
            "127.0.0.1",
            port,
            maxsize=threads,
            block=True,
            retries=False,
            timeout=urllib3.Timeout(connect=5, read=60),
            headers={"User-Agent": "fuzz_public", "Accept": "*/*"},
        )

    def get(self, url):
        """(status, content type, body) of a GET, redirects not followed; status 0 with
        the error's name as the body when the server did not answer."""
        try:
            response = self.pool.request("GET", url, redirect=False, preload_content=True)
        except self.errors as error:
            return 0, "", type(error).__name__
        return response.status, response.headers.get("Content-Type", ""), response.data


class LinkParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name in ("href", "action", "src", "data-url", "data-feed-url", "data-src"):
            value = attributes.get(name)
            if value and tag not in ("img", "script", "source"):
                self.links.append(value)


def local_path(url, base, own_hosts):
    """``url`` as path and query if it is one of the site's own public URLs, else None."""
    if url.startswith(("mailto:", "tel:", "javascript:", "data:", "#")):
        return None
    parts = urlsplit(urljoin(base, url))
    if parts.scheme not in ("http", "https") or parts.hostname not in own_hosts:
        return None
    path = parts.path or "/"
    if path.startswith(SKIP_PREFIXES):
        return None
    return path + (f"?{parts.query}" if parts.query else "")


def collect_urls(client, base, seeds, args):
    """The seeds, then what a crawl from /de/ and /en/ and the sitemaps finds: at most
    ``args.max_urls`` URLs that answered (redirects and errors of seeds included, a crawled
    link only if it answered below 400), at most ``args.variants`` query strings per path;
    (path, status, content type) each."""
    own_hosts = {"127.0.0.1", "localhost"}
    found, per_path, queue, seen = [], Counter(), [], set()
    seeds = set(seeds)

    def add(path):
        bare = path.split("?", 1)[0]
        if path in seen or ("?" in path and per_path[bare] >= args.variants):
            return
        seen.add(path)
        per_path[bare] += 1
        queue.append(path)

    for seed in ["/de/", "/en/", *sorted(seeds)]:
        add(seed)
    fetched = 0
    with ThreadPoolExecutor(args.threads) as executor:
        while queue and fetched < args.max_crawl:
            batch = queue[: args.max_crawl - fetched]
            del queue[: len(batch)]
            fetched += len(batch)
            for path, (status, content_type, body) in zip(
                batch, executor.map(client.get, batch), strict=True
            ):
                if status and (status < 400 or path in seeds):
                    found.append((path, status, content_type.split(";")[0]))
                if status != 200:
                    continue
                text = body.decode("utf-8", "replace")
                if "xml" in content_type:
                    # Sitemaps: their locations name the site's host, which counts as ours.
                    locations = re.findall(r"<loc>\s*([^<\s]+)\s*</loc>", text)
                    own_hosts.update(urlsplit(location).hostname for location in locations)
                    links = locations
                elif "html" in content_type:
                    parser = LinkParser()
                    parser.feed(text)
                    links = parser.links
                else:
                    continue
                for link in links:
                    local = local_path(link, base + path, own_hosts)
                    if local:
                        add(local)
    return found[: args.max_urls]
