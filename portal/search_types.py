"""The result types of the site search, declared by the apps whose pages they are.

The search (the `search` app) sits on top of the domain apps and may not import them; it
still shows a type filter ("Cluster", "Commercial site", ...) and puts upcoming events
first. So each domain app registers its page types here, in its `AppConfig.ready()`, and
the search reads them back::

    search_types.register(
        LocationPage, "hall", pgettext_lazy("search result type", "Hall property"),
        order=30, where={"kind": Kind.HALL},
    )

A type is one page model, optionally narrowed to the pages whose fields equal `where`
(one page model may give several types, e.g. sites and halls of the pool: the types with a
`where` are tried first, the one without takes the rest). `upcoming` says which pages of
the model are still ahead, for the tie rule of the ranking, once as a query condition
(`Q` on the model's own fields, for the database) and once as a test of a loaded page.
The search lists the types by `order`, then its own "Page" type for every other page.

This module is the bottom layer's half of the hook: it imports no app, and knows nothing
of how the search uses a type.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Model, Q

# Order of the registered types, for apps without an opinion: after the ones that have one.
DEFAULT_ORDER = 100


@dataclass(frozen=True)
class Upcoming:
    """Which pages of a model are still ahead at `now`: `condition(now)` is a `Q` on the
    model's fields (for the database), `test(page, now)` the same for a loaded page."""

    condition: Callable[..., Q]
    test: Callable[..., bool]


@dataclass(frozen=True)
class SearchType:
    key: str  # the `type` GET value of the search page
    label: str  # shown on the filter and the result, usually a lazy translation
    model: type[Model]
    order: int = DEFAULT_ORDER
    where: dict = field(default_factory=dict)  # field name → value, on `model`'s own fields
    upcoming: Upcoming | None = None

    def matches(self, page):
        """Whether a (specific) page is of this type."""
        return isinstance(page, self.model) and all(
            getattr(page, name) == value for name, value in self.where.items()
        )


_types = {}


def register(model, key, label, *, order=DEFAULT_ORDER, where=None, upcoming=None):
    """Make pages of `model` (those whose fields equal `where`, if given) a result type."""
    if key in _types and _types[key].model is not model:
        raise ValueError(f"search type {key!r} is already registered for {_types[key].model}")
    _types[key] = SearchType(key, label, model, order, dict(where or {}), upcoming)


def unregister(key):
    """Forget a type (tests that register their own)."""
    _types.pop(key, None)


def registered():
    """Every registered type, in the order the search lists them."""
    return sorted(_types.values(), key=lambda search_type: search_type.order)


def in_matching_order():
    """The registered types in the order a page is matched against them: per model, the
    types with a `where` before the one without (which takes the rest of the model)."""
    by_model = {}
    for search_type in registered():
        by_model.setdefault(search_type.model, []).append(search_type)
    return [
        search_type
        for types in by_model.values()
        for search_type in sorted(types, key=lambda search_type: not search_type.where)
    ]
