"""The query parameters the portal's views read, so any other parameter bypasses the cache.

Collected from every django-filter ``FilterSet`` in the ``filters`` modules of the project's
own apps (those in the checkout, not Wagtail's admin filters)
(the listings' filters, the GeoJSON feed's `bbox`, `pool`, `kind`), plus
``PAGE_CACHE_QUERY_PARAMS`` for parameters read outside a FilterSet (`page`). A new filter in
any app is picked up without touching the page cache.
"""

import functools
import importlib
import importlib.util

from django.apps import apps
from django.conf import settings

import django_filters

from . import conf


@functools.cache
def _filter_params():
    base_dir = str(settings.BASE_DIR)
    modules = set()
    for config in apps.get_app_configs():
        if not str(config.path).startswith(base_dir) or ".venv" in str(config.path):
            continue
        module_name = f"{config.name}.filters"
        try:
            if importlib.util.find_spec(module_name) is None:
                continue
        except ModuleNotFoundError:
            continue
        importlib.import_module(module_name)
        modules.add(module_name)
    names = set()
    pending = [django_filters.FilterSet]
    while pending:
        filterset = pending.pop()
        pending.extend(filterset.__subclasses__())
        if filterset.__module__ in modules:
            names.update(filterset.base_filters)
    return frozenset(names)


def known_query_params():
    return _filter_params() | conf.extra_query_params()
