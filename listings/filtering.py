"""A list's filters from the address: invalid values dropped and named, never an error."""

from dataclasses import dataclass, field

from django.utils.http import urlencode

from .notices import Notice, ignored_input


@dataclass
class Filters:
    """The filter set a list applies, with what was left out of the visitor's input."""

    filterset: object
    notices: list[Notice] = field(default_factory=list)
    # Names of the parameters whose values were ignored (left out of links and feeds).
    ignored: tuple[str, ...] = ()

    @property
    def form(self):
        return self.filterset.form


def read_filters(make, data, *, names=None):
    """`Filters` from `make(data)`, a callable building the list's filter set.

    Only the parameters in `names` (all when None) are passed on. When a value is invalid the
    filter set is built again without it, so the list, its form and its links show what is
    applied, and a `Notice` says what was not. `make` receives a mutable QueryDict.
    """
    data = data.copy()
    if names is not None:
        for name in list(data):
            if name not in names:
                del data[name]
    filterset = make(data)
    if not filterset.is_bound or filterset.is_valid():
        return Filters(filterset)
    notices = ignored_input(filterset.form, data)
    ignored = tuple(name for name in filterset.form.errors if name in data)
    for name in ignored:
        del data[name]
    return Filters(make(data), notices, ignored)


def filter_query(request, drop=("page",)):
    """The request's non-empty parameters as a query string, without those in `drop`."""
    pairs = [
        (key, value)
        for key in request.GET
        if key not in drop
        for value in request.GET.getlist(key)
        if value != ""
    ]
    return urlencode(pairs)
