"""The query parameters a response may be cached for: those the view that rendered it accepted.

There is no global list of parameters. A view that reads a parameter validates it and, when
every value given for it is valid, accepts it (`portal.caching.accept_query`, which the list
machinery calls for its filters and page numbers, `listings`). The middleware stores the
response to an address with a query string only when every parameter of the query, tracking
parameters aside, was accepted while it rendered; anything else (a parameter the view does not
read, an invalid value, a value given twice where the view reads one, an out-of-range page)
is served but not stored, so junk in the address cannot fill the cache.
"""

from . import conf

ATTRIBUTE = "pagecache_accepted"


def accept(request, names):
    """Record on `request` that its view accepted the query parameters `names`."""
    accepted = getattr(request, ATTRIBUTE, None)
    if accepted is None:
        accepted = set()
        setattr(request, ATTRIBUTE, accepted)
    accepted.update(names)


def accepted(request):
    """The query parameters the view answering `request` accepted so far."""
    return frozenset(getattr(request, ATTRIBUTE, ()))


def is_tracking(name):
    """Parameters that only tell analytics where a visitor came from."""
    return name in conf.TRACKING_PARAMS or name.startswith(conf.TRACKING_PREFIXES)


def unaccepted(request):
    """The parameters of the request's query string (tracking ones aside) not accepted."""
    names = {name for name in request.GET if not is_tracking(name)}
    return names - accepted(request)
