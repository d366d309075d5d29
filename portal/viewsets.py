"""The admin viewset every translatable snippet is registered with.

Who may do what in which language is the editorial app's business, and the editorial app sits
above the apps that define snippets: they must not import it. So this base class offers a hook
instead: each scope named in the setting ``PORTAL_SNIPPET_SCOPES`` (dotted paths, resolved when
the viewset is registered) registers the model's permission policy and wraps each of the
viewset's URL patterns. `editorial.viewsets.LocaleScope` is the project's one scope: it limits
each group to its locales. A test (tests/editorial) checks that every translatable snippet's
viewset derives from this class, so no snippet is left unscoped.

Code below the editorial app that acts on snippets outside these views (the translation
report's sync, PO import and machine translation) asks the same scopes through
`scoped_permission()` and `may_translate_into()`.
"""

from functools import cache

from django.conf import settings
from django.utils.module_loading import import_string

from wagtail.snippets.views.snippets import SnippetViewSet


@cache
def snippet_scopes():
    """The configured scopes, each an object with `register_permissions(viewset)` and
    `wrap_urlpatterns(viewset, patterns)`."""
    return tuple(import_string(path)() for path in getattr(settings, "PORTAL_SNIPPET_SCOPES", ()))


def scoped_permission(user, model, action, locale_id):
    """Whether every scope lets `user` do `action` ("add", "change", "publish", …) on objects
    of the snippet `model` in the locale (the model permission itself is checked apart)."""
    return all(
        scope.user_has_permission_for_locale(user, model, action, locale_id)
        for scope in snippet_scopes()
    )


def may_translate_into(user, locale_id):
    """Whether every scope lets `user` create and sync translations into the locale."""
    return all(scope.user_may_translate_into(user, locale_id) for scope in snippet_scopes())


class TranslatableSnippetViewSet(SnippetViewSet):
    """A `SnippetViewSet` whose permissions and views the configured scopes decide."""

    def register_permissions(self):
        for scope in snippet_scopes():
            scope.register_permissions(self)
        super().register_permissions()

    def get_urlpatterns(self):
        patterns = super().get_urlpatterns()
        for scope in snippet_scopes():
            patterns = scope.wrap_urlpatterns(self, patterns)
        return patterns
