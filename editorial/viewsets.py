"""The scope that limits a translatable snippet's admin views to the user's locales, and the
page view Wagtail guards with the publish permission alone (privacy)."""

import functools

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import URLPattern

from wagtail.admin.views.page_privacy import SetPrivacyView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Locale, Page
from wagtail.permissions import policy_registry, register_permission_policy

from .permissions import LocaleScopedPermissionPolicy, may_restructure_pages, translation_locales

# Views that show no single object; Wagtail's model permissions are enough for them.
UNSCOPED_VIEWS = {"list", "list_results", "choose", "choose_results", "chosen"}

# What each view does to its object; every other view with an object needs "change".
ACTION_BY_VIEW = {
    "add": "add",
    "preview_on_add": "add",
    "copy": "add",
    "delete": "delete",
    "unpublish": "publish",
    "revisions_unschedule": "publish",
}


class LocaleScope:
    """Scopes a translatable snippet's admin views by locale (`PORTAL_SNIPPET_SCOPES`).

    `portal.viewsets.TranslatableSnippetViewSet` calls it for every snippet viewset. It
    registers a `LocaleScopedPermissionPolicy` for the model (Wagtail 8 looks policies up in
    `wagtail.permissions.policy_registry`; setting `permission_policy` on a viewset is
    deprecated) and guards every view of one object. Wagtail's generic views check most
    permissions per model only ("may change quotes"), so each URL is wrapped with a check on
    the object's locale, or, for the add views, on the locale being created in. Publishing
    through the edit or add form also needs the publish permission in that locale.

    The translation report asks it the same questions outside these views
    (`portal.viewsets.scoped_permission` and `may_translate_into`).
    """

    def register_permissions(self, viewset):
        if policy_registry.get_by_type(viewset.model, fallback=False) is None:
            register_permission_policy(
                viewset.model, LocaleScopedPermissionPolicy(viewset.model), exact_class=True
            )

    def user_has_permission_for_locale(self, user, model, action, locale_id):
        policy = policy_registry.get_by_type(model)
        if not isinstance(policy, LocaleScopedPermissionPolicy):
            return True
        return policy.user_has_permission_for_locale(user, action, locale_id)

    def user_may_translate_into(self, user, locale_id):
        return locale_id in translation_locales(user)

    def wrap_urlpatterns(self, viewset, patterns):
        return [self._scoped(viewset.model, pattern) for pattern in patterns]

    def _scoped(self, model, pattern):
        if not isinstance(pattern, URLPattern) or pattern.name in UNSCOPED_VIEWS:
            return pattern
        action = ACTION_BY_VIEW.get(pattern.name, "change")
        view = pattern.callback

        @functools.wraps(view)
        def scoped_view(request, *args, **kwargs):
            check_locale_permission(request, model, action, kwargs.get("pk"))
            return view(request, *args, **kwargs)

        return URLPattern(pattern.pattern, scoped_view, pattern.default_args, pattern.name)


def check_locale_permission(request, model, action, pk=None):
    """Raise PermissionDenied unless the user may do `action` in the object's locale."""
    policy = policy_registry.get_by_type(model)
    if not isinstance(policy, LocaleScopedPermissionPolicy):
        return
    if pk is not None:
        locale_id = (
            model._default_manager.filter(pk=unquote(str(pk)))
            .values_list("locale_id", flat=True)
            .first()
        )
        if locale_id is None:
            return  # the view answers 404
    else:
        code = request.GET.get("locale")
        locale = Locale.objects.filter(language_code=code).first() if code else None
        locale_id = (locale or Locale.get_default()).pk
    actions = [action]
    if request.method == "POST" and "action-publish" in request.POST:
        actions.append("publish")
    for needed in actions:
        if not policy.user_has_permission_for_locale(request.user, needed, locale_id):
            raise PermissionDenied


# Pages


def check_restructuring(request, page_id):
    page = get_object_or_404(Page, id=page_id)
    if not may_restructure_pages(request.user, page.locale_id):
        raise PermissionDenied


class RestructuringSetPrivacyView(SetPrivacyView):
    """A password or login restriction takes a page offline for visitors: like unpublishing,
    only editors of the page's locale set it (Wagtail asks for "publish" alone)."""

    def dispatch(self, request, page_id, *args, **kwargs):
        check_restructuring(request, page_id)
        return super().dispatch(request, page_id, *args, **kwargs)


class EditorialPageViewSet(PageViewSet):
    """Wagtail's page views for every page type, with privacy restricted to editors of the
    page's locale (`editorial.permissions.may_restructure_pages`). Registered after Wagtail's
    own base viewset, so it answers for `Page` and its subclasses. (Reordering needs no guard:
    Wagtail's move action asks for "add" in the tree, which translators never have.)
    """

    set_privacy_view_class = RestructuringSetPrivacyView
