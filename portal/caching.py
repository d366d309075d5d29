"""Hooks through which shared and domain code caches what it renders, without knowing how.

The page cache (the `pagecache` app) is a cross-cutting feature on top of the domain apps:
nothing below it may import it. The layout tags, the list machinery and the domain pages
call these functions instead; `pagecache` installs its implementation (`install`) when its
app is ready. Without it a fragment is computed on every call and nothing is recorded, which
is also what a project without the page cache gets.

What a response lists as a collection (so that a new, changed or removed object of a type
changes it, even where it loaded none, e.g. an empty event list) is declared, not recorded:

- a page type names the types it lists in a class attribute, read from the page class::

      class EventIndexPage(Page):
          cache_lists = ["events.eventpage", "events.eventcategory"]

- a view that is no page declares them by its URL name, in its app's `AppConfig.ready()`
  (`declare_url_lists`).

Which query parameters a response depends on is declared by the view that reads them: it
calls `accept_query(request, names)` with the parameters it read and found valid (the list
machinery does so for its filters and page numbers). The page cache stores a response to an
address with a query string only when every parameter in it was accepted, so input no view
uses (unknown names, invalid values, repeated values) is served but never stored.
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

    def accept_query(self, request, names):
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


def accept_query(request, names):
    """The view answering `request` read the query parameters `names` and found every value
    given for them valid: the response may be kept for this query string.

    Name a parameter only when the view used all its values: one given twice where the view
    reads one value, or a value the view ignored (with a notice or silently), must not be
    named. A query string holding any parameter that was not accepted is never cached.
    """
    _backend.accept_query(request, names)


# URL name → the type labels its view lists (`declare_url_lists`).
_url_lists = {}


def declare_url_lists(url_name, labels):
    """The view named `url_name` lists objects of the types `labels` ("events.eventpage") as
    a collection, whatever it loads."""
    _url_lists[url_name] = tuple(labels)


def url_lists(url_name):
    """The type labels the view named `url_name` lists (none when it declared none)."""
    return _url_lists.get(url_name, ())


def page_lists(page_class):
    """The type labels a page type lists (its `cache_lists`)."""
    return tuple(getattr(page_class, "cache_lists", ()))


def host_parts(request):
    """The host and port of `request`: what Wagtail finds the request's Site by."""
    return (split_domain_port(request._get_raw_host())[0], request.get_port())
