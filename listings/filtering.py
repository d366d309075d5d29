"""A list's filters from the address: invalid values dropped and named, never an error.

The parameters a list applied are accepted for the page cache (`portal.caching.accept_query`):
an address with any other parameter, an invalid value or a value given twice where the filter
takes one is served but never cached.
"""

from dataclasses import dataclass, field

from django.utils.http import urlencode

from portal import caching

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


def read_filters(make, request, *, names=None):
    """`Filters` from `make(data)`, a callable building the list's filter set from the
    query of `request`.

    Only the parameters in `names` (all when None) are passed on. When a value is invalid the
    filter set is built again without it, so the list, its form and its links show what is
    applied, and a `Notice` says what was not. `make` receives a mutable QueryDict.

    The filters applied are accepted for the page cache (`accept_filters`). `request` may also
    be a QueryDict (tests, input that is not the address): then nothing is accepted.
    """
    query = getattr(request, "GET", request)
    data = query.copy()
    if names is not None:
        for name in list(data):
            if name not in names:
                del data[name]
    filterset = make(data)
    if not filterset.is_bound or filterset.is_valid():
        filters = Filters(filterset)
    else:
        notices = ignored_input(filterset.form, data)
        ignored = tuple(name for name in filterset.form.errors if name in data)
        for name in ignored:
            del data[name]
        filters = Filters(make(data), notices, ignored)
    if query is not request:
        accept_filters(request, filters.form, data)
    return filters


def takes_several(form_field):
    """Whether a form field reads every value of its parameter (checkboxes, multi-selects)."""
    return bool(getattr(form_field.widget, "allow_multiple_selected", False))


def valid_parameters(form, data):
    """The parameters of `data` that the bound `form` read in full and found valid.

    A parameter counts when it is a field of the form, its field has no error, and it is
    given once, or, for a field that takes several values, with no value twice. A form with
    an error of its own (not a field's) accepts nothing.
    """
    if not form.is_bound or form.non_field_errors():
        return []
    errors = form.errors
    accepted = []
    for name in data:
        form_field = form.fields.get(name)
        if form_field is None or name in errors:
            continue
        values = data.getlist(name)
        if len(values) > 1 and not (takes_several(form_field) and len(set(values)) == len(values)):
            continue
        accepted.append(name)
    return accepted


def accept_filters(request, form, data=None):
    """Accept for the page cache the parameters of `data` (the request's query by default)
    that the bound filter `form` read and found valid (`valid_parameters`)."""
    if data is None:
        data = request.GET
    caching.accept_query(request, valid_parameters(form, data))


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
