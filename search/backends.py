"""One search backend per language.

Wagtail's database backend takes its PostgreSQL text search configuration (``SEARCH_CONFIG``:
stemming, stop words) per backend, not per object, and every backend writes into the same
``IndexEntry`` table. With two plain backends ("german" and "english") each one would index
every page and the last one to save would win. This backend wraps the database backend chosen
for the current database and only indexes objects of its own ``LOCALE``: German pages are
indexed with the German configuration by the German backend, English pages with the English
one, and no row is written twice. Objects without a locale (images, documents, users) and
locales no backend claims are indexed by the backend configured with ``INDEX_OTHER``.

Settings::

    WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "search.backends", "LOCALE": "de",
                    "SEARCH_CONFIG": "german", "INDEX_OTHER": True},
        "en": {"BACKEND": "search.backends", "LOCALE": "en", "SEARCH_CONFIG": "english"},
    }

Search with ``search.backends.backend_for_language()`` (the active language by default).
On SQLite and MySQL ``SEARCH_CONFIG`` is ignored and both backends share the same behaviour.

``WRAPS`` names another backend module to restrict to the locale instead of the database
backend, e.g. ``"wagtail.search.backends.elasticsearch8"`` or ``"…opensearch2"`` with that
backend's own settings (``URLS``, ``INDEX_PREFIX``, ``INDEX_SETTINGS``); see docs/search.md.
"""

from functools import cache

from django.conf import settings
from django.db import connection
from django.utils import translation
from django.utils.module_loading import import_string

from wagtail.models import Locale

from modelsearch.backends import get_search_backend
from modelsearch.backends.database import SearchBackend as database_backend_for_connection


def _configured_backends():
    return getattr(settings, "WAGTAILSEARCH_BACKENDS", {"default": {}})


def claimed_locales():
    """Language codes that have a backend of their own."""
    return {
        params["LOCALE"]
        for params in _configured_backends().values()
        if params.get("BACKEND") == __name__ and params.get("LOCALE")
    }


def backend_name_for_language(language_code=None):
    """The name of the backend that indexes ``language_code`` (the active one by default)."""
    language_code = language_code or translation.get_language() or settings.LANGUAGE_CODE
    for name, params in _configured_backends().items():
        if params.get("BACKEND") == __name__ and params.get("LOCALE") == language_code:
            return name
    return "default"


def backend_for_language(language_code=None):
    return get_search_backend(backend_name_for_language(language_code))


class LocaleIndexMixin:
    """Leaves out the objects another language's backend indexes."""

    def add_items(self, model, objs):
        objs = self.backend.objects_to_index(list(objs))
        if objs:
            super().add_items(model, objs)

    def add_item(self, obj):
        # The database index adds one object through add_items; Elasticsearch does not.
        if self.backend.objects_to_index([obj]):
            super().add_item(obj)


def searchable_query(query, vendor):
    """A query string any caller hands in (the site search, the API's `?search=`, the
    admin), as the database can take it: control characters (NUL included) dropped, which
    PostgreSQL refuses in a string and SQLite's FTS5 reads as the end of one, and on SQLite
    double quotes made spaces (FTS5 quotes each term, so a quote in a term breaks the
    MATCH expression), whitespace folded."""
    kept = "".join(ch for ch in query if ch.isprintable() or ch.isspace())
    if vendor == "sqlite":
        kept = kept.replace('"', " ")
    # Whitespace folded: a query of spaces only is the empty query, which finds nothing
    # (the database backends fail on a query without terms).
    return " ".join(kept.split())


class LocaleBackendMixin:
    def __init__(self, params):
        super().__init__(params)
        self.locale = params.get("LOCALE")
        self.index_other = params.get("INDEX_OTHER", False)

    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        if isinstance(query, str):
            query = searchable_query(query, connection.vendor)
        return super()._search(query_compiler_class, query, model_or_queryset, **kwargs)

    def objects_to_index(self, objs):
        locale_ids = {getattr(obj, "locale_id", None) for obj in objs} - {None}
        codes = {}
        if locale_ids:
            # One query per batch; locales are looked up fresh because their ids differ
            # between databases (and between test runs).
            codes = dict(
                Locale.objects.filter(pk__in=locale_ids).values_list("pk", "language_code")
            )
        claimed = claimed_locales() if self.index_other else set()
        kept = []
        for obj in objs:
            locale_id = getattr(obj, "locale_id", None)
            if locale_id is None:
                if self.index_other:
                    kept.append(obj)
                continue
            code = codes.get(locale_id)
            if code == self.locale or (self.index_other and code not in claimed):
                kept.append(obj)
        return kept


@cache
def _locale_aware_class(backend_class):
    index_class = type(
        f"Locale{backend_class.index_class.__name__}",
        (LocaleIndexMixin, backend_class.index_class),
        {},
    )
    return type(
        f"Locale{backend_class.__name__}",
        (LocaleBackendMixin, backend_class),
        {"index_class": index_class},
    )


def SearchBackend(params):  # noqa: N802 - the name Wagtail's backend loader looks up
    """The database backend for the current database (or the backend module named in
    ``WRAPS``), restricted to one locale."""
    wrapped = params.pop("WRAPS", None)
    if wrapped:
        backend_class = import_string(f"{wrapped}.SearchBackend")
    else:
        backend_class = type(database_backend_for_connection(params))
    return _locale_aware_class(backend_class)(params)
