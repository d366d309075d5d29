"""Hooks through which shared and domain code caches what it renders, without knowing how.

The page cache (the `pagecache` app) is a cross-cutting feature on top of the domain apps:
nothing below it may import it. The layout tags, the list machinery and the domain pages
call these functions instead; `pagecache` installs its implementation (`install`) when its
app is ready. Without it a fragment is computed on every call and nothing is recorded, which
is also what a project without the page cache gets.
"""

from django.http.request import split_domain_port


class NoCache:
    """The behaviour without a page cache: compute everything, record nothing."""

    def cached(self, name, parts, compute):
        return compute()

    def record_object(self, model, pk):
        pass

    def record_list(self, label):
        pass


_backend = NoCache()


def install(backend):
    """Called by the page cache's AppConfig.ready(): route the hooks below to `backend`."""
    global _backend
    _backend = backend


def cached(name, parts, compute):
    """`compute()`'s value, kept under `name` and `parts` while what it loaded is unchanged.

    The value must be picklable (plain data or an HTML string); `parts` must name every
    input that changes it apart from the objects it loads (site, language, year, ...).
    """
    return _backend.cached(name, parts, compute)


def record_object(model, pk):
    """The response being rendered shows this object (e.g. a setting Wagtail had cached)."""
    _backend.record_object(model, pk)


def record_list(label):
    """The response being rendered lists objects of type `label` ("events.eventpage") as a
    collection, so a new, changed or removed one changes it."""
    _backend.record_list(label)


def host_parts(request):
    """The host and port of `request`: what Wagtail finds the request's Site by."""
    return (split_domain_port(request._get_raw_host())[0], request.get_port())
