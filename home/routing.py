"""Routing from a language's home page to the requested page in two queries, at any depth.

Wagtail routes a URL one path segment at a time: every level loads the child by its slug and
then its specific page, two queries per level (six for /de/termine/forum-2026/). The home page
of each language tree instead loads every page that could lie on the way in one query (each
segment's slug at its depth below the home page), walks the chain in Python, and hands the
rest of the path to the deepest page found, which routes it as Wagtail would (its own
sub-routes, or a 404).

Wagtail's order is kept: a page with sub-routes (RoutablePageMixin) on the way gets to
resolve the rest of the path itself before any of its children is considered, exactly as
when Wagtail walks the tree.
"""

from django.db.models import Q
from django.utils import translation

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page

# Longer paths than this are routed level by level (a junk URL of 200 segments must not
# become a query with 200 conditions).
MAX_SHORTCUT_DEPTH = 8


def _is_routable(page):
    specific_class = page.specific_class
    return specific_class is not None and issubclass(specific_class, RoutablePageMixin)


class ShortcutRoutingMixin:
    """For the root page of a language tree: resolve the way down in one query."""

    @property
    def localized_draft(self):
        # Wagtail routes every request through `site.root_page.localized`, which looks the
        # active Locale up in the database. A request in the root page's own language (the
        # source language, most requests) needs no lookup: the page's locale is known.
        try:
            language = get_supported_content_language_variant(translation.get_language())
        except LookupError:
            language = None
        if language is not None and language == self.locale.language_code:
            return self
        return super().localized_draft

    def route(self, request, path_components):
        if not path_components and self.get_deferred_fields():
            # The cached Site's root page carries only the common page fields
            # (pagecache.middleware.CachedSiteMiddleware); the page served needs them all.
            return type(self).objects.get(pk=self.pk).route(request, path_components)
        if not path_components or len(path_components) > MAX_SHORTCUT_DEPTH:
            return super().route(request, path_components)
        condition = Q()
        for offset, slug in enumerate(path_components, start=1):
            condition |= Q(depth=self.depth + offset, slug=slug)
        candidates = {
            (page.path[: -Page.steplen], page.slug): page
            for page in Page.objects.filter(condition, path__startswith=self.path)
        }

        parent = self
        for position, slug in enumerate(path_components):
            if parent is not self and _is_routable(parent):
                # Its sub-routes come before its children: let it route the rest itself.
                return parent.specific.route(request, path_components[position:])
            child = candidates.get((parent.path, slug))
            if child is None:
                break
            child._cached_parent_obj = parent
            parent = child
        else:
            position = len(path_components)
        if parent is self:
            return super().route(request, path_components)
        return parent.specific.route(request, path_components[position:])
