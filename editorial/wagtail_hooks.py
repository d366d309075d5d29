"""Admin hooks that enforce the editorial roles where Wagtail has no permission of its own.

- Translators publish their own locale's pages (their "publish" page permission on that
  locale's home page is the translator's approval) but never take pages offline or change the
  tree: they do not unpublish, delete, move or copy pages (Wagtail lets anyone with "change"
  delete unpublished pages and anyone with "publish" unpublish them), whether one at a time,
  as a bulk action or through the admin API's page actions, and they set no page privacy
  (`viewsets.EditorialPageViewSet`). German pages they cannot publish at all: they have no
  permission in the German tree.
- Deleting images and documents needs the delete permission (`MediaPermissionPolicy`;
  Wagtail alone lets everyone who may change an image delete it).
- wagtail-localize only asks for its one "submit translation" permission: its views are
  shadowed here so translations are created and synced only into the user's locales, its
  string and PO-file endpoints only change snippets of the user's locales, and only editors
  of a page's locale may turn the page back into an alias of its source ("convert to alias"
  replaces the translated page with the source language's content).

Every data-changing admin URL and the rule that guards it is listed in `endpoints.py`.
"""

import functools

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import HttpResponseForbidden
from django.shortcuts import get_object_or_404
from django.urls import path

from wagtail import hooks
from wagtail.admin.api.views import PagesAdminAPIViewSet
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import DraftStateMixin, Page, TranslatableMixin
from wagtail.permissions import register_permission_policy
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.views import (
    convert,
    edit_translation,
    submit_translations,
    update_translations,
)

from .permissions import (
    ANY_LOCALE,
    MediaPermissionPolicy,
    may_restructure_pages,
    translation_locales,
    user_can_on_instance,
)
from .viewsets import EditorialPageViewSet

# Pages


def refuse_restructuring(request, page):
    if not may_restructure_pages(request.user, page.locale_id):
        raise PermissionDenied


hooks.register("before_delete_page", refuse_restructuring)
hooks.register("before_copy_page", refuse_restructuring)
# Translators publish their locale's translations but may not take pages offline.
hooks.register("before_unpublish_page", refuse_restructuring)

# The admin API's page actions that the hooks above guard in the views.
RESTRUCTURING_API_ACTIONS = {"delete", "move", "copy", "create_alias", "unpublish"}
# Page bulk actions that restructure the tree or take pages offline.
RESTRUCTURING_BULK_ACTIONS = {"delete", "move", "unpublish"}


@hooks.register("before_move_page")
def refuse_move(request, page_to_move, destination):
    refuse_restructuring(request, page_to_move)


@hooks.register("before_bulk_action")
def check_bulk_action(request, action_type, objects, action_class_instance):
    for obj in objects:
        if isinstance(obj, Page):
            if action_type in RESTRUCTURING_BULK_ACTIONS and not may_restructure_pages(
                request.user, obj.locale_id
            ):
                return HttpResponseForbidden()
        elif isinstance(obj, TranslatableMixin):
            action = {"delete": "delete", "unpublish": "publish", "publish": "publish"}.get(
                action_type, "change"
            )
            if not user_can_on_instance(request.user, action, obj):
                return HttpResponseForbidden()
    return None


class GuardedPagesAdminAPIViewSet(PagesAdminAPIViewSet):
    """The admin API's pages endpoint; its actions (`/admin/api/main/pages/<id>/action/…/`)
    run Wagtail's page actions without the `before_*_page` hooks, so the restructuring ones
    are checked here as in the views."""

    def action_view(self, request, pk, action_name):
        if action_name in RESTRUCTURING_API_ACTIONS:
            page = self.get_object()
            if not may_restructure_pages(request.user, page.locale_id):
                raise PermissionDenied
        return super().action_view(request, pk, action_name)


@hooks.register("register_admin_viewset")
def register_page_viewset():
    # After Wagtail's base page viewset (order -1), so its privacy view is checked.
    return EditorialPageViewSet()


@hooks.register("construct_admin_api")
def guard_page_api_actions(router):
    router.register_endpoint("pages", GuardedPagesAdminAPIViewSet)


# Images and documents


@hooks.register("register_admin_urls", order=-200)
def register_media_policies():
    """Deleting images and documents needs the delete permission (`MediaPermissionPolicy`).

    Registered with the admin's URLs: Wagtail's images and documents apps register their own
    policies in `ready()`, which runs after this module is imported (the snippets app imports
    every `wagtail_hooks` in its `ready()`), and before any admin request.
    """
    register_permission_policy(
        get_image_model(),
        MediaPermissionPolicy(
            get_image_model(), auth_model="wagtailimages.Image", owner_field_name="uploaded_by_user"
        ),
    )
    register_permission_policy(
        get_document_model(),
        MediaPermissionPolicy(
            get_document_model(),
            auth_model="wagtaildocs.Document",
            owner_field_name="uploaded_by_user",
        ),
    )
    return []


# wagtail-localize


class LocaleScopedSubmitMixin:
    """Offers and accepts only target locales the user may translate into."""

    def dispatch(self, request, *args, **kwargs):
        allowed = translation_locales(request.user)
        if request.method == "POST" and allowed is not ANY_LOCALE:
            requested = set(request.POST.getlist("locales"))
            if not requested <= {str(locale_id) for locale_id in allowed}:
                raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form(self):
        form = super().get_form()
        allowed = translation_locales(self.request.user)
        if allowed is not ANY_LOCALE:
            field = form.fields["locales"]
            field.queryset = field.queryset.filter(pk__in=allowed)
        return form


class SubmitPageTranslationView(
    LocaleScopedSubmitMixin, submit_translations.SubmitPageTranslationView
):
    pass


class SubmitSnippetTranslationView(
    LocaleScopedSubmitMixin, submit_translations.SubmitSnippetTranslationView
):
    pass


class UpdateTranslationsView(update_translations.UpdateTranslationsView):
    """ "Sync translated pages" writes every enabled translation, and may publish them: the
    user must be allowed to translate into each of their locales and, to publish, to publish
    each translated page or snippet (translators publish in their own locale only).
    """

    def dispatch(self, request, *args, **kwargs):
        source = get_object_or_404(TranslationSource, id=kwargs["translation_source_id"])
        allowed = translation_locales(request.user)
        publish = request.method == "POST" and request.POST.get("publish_translations")
        for translation in source.translations.filter(enabled=True):
            if translation.target_locale_id not in allowed:
                raise PermissionDenied
            if publish:
                try:
                    target = translation.get_target_instance()
                except ObjectDoesNotExist:
                    continue  # not created yet: nothing to publish
                publishable = isinstance(target, Page | DraftStateMixin)
                if publishable and not user_can_on_instance(request.user, "publish", target):
                    raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def target_editable(view):
    """Wrap a view taking `translation_id`: the user must be able to change its target."""

    @functools.wraps(view)
    def scoped_view(request, *args, translation_id, **kwargs):
        translation = get_object_or_404(Translation, id=translation_id)
        if translation.target_locale_id not in translation_locales(request.user):
            raise PermissionDenied
        try:
            target = translation.get_target_instance()
        except ObjectDoesNotExist:
            target = None
        if target is not None and not user_can_on_instance(request.user, "change", target):
            raise PermissionDenied
        return view(request, *args, translation_id=translation_id, **kwargs)

    return scoped_view


def page_restructurable(view):
    """Wrap a view taking `page_id`: the user must be an editor of the page's locale
    (`may_restructure_pages`); everyone else gets 403 and nothing changes."""

    @functools.wraps(view)
    def guarded_view(request, *args, page_id, **kwargs):
        page = get_object_or_404(Page, id=page_id)
        if not may_restructure_pages(request.user, page.locale_id):
            return HttpResponseForbidden()
        return view(request, *args, page_id=page_id, **kwargs)

    return guarded_view


@hooks.register("register_admin_urls", order=-100)
def register_localize_guards():
    # Same paths as wagtail-localize's own; admin URLs from hooks are tried in hook order,
    # so these answer first and `reverse("wagtail_localize:…")` still gives the same URL.
    prefix = "localize/translate/<int:translation_id>/"
    return [
        path("localize/submit/page/<int:page_id>/", SubmitPageTranslationView.as_view()),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            SubmitSnippetTranslationView.as_view(),
        ),
        path("localize/update/<int:translation_source_id>/", UpdateTranslationsView.as_view()),
        path(
            prefix + "strings/<int:string_segment_id>/edit/",
            target_editable(edit_translation.edit_string_translation),
        ),
        path(
            prefix + "overrides/<int:overridable_segment_id>/edit/",
            target_editable(edit_translation.edit_override),
        ),
        path(prefix + "pofile/download/", target_editable(edit_translation.download_pofile)),
        path(prefix + "pofile/upload/", target_editable(edit_translation.upload_pofile)),
        path(prefix + "machine_translate/", target_editable(edit_translation.machine_translate)),
        path(prefix + "preview/", target_editable(edit_translation.preview_translation)),
        path(
            prefix + "preview/<str:mode>/",
            target_editable(edit_translation.preview_translation),
        ),
        path(prefix + "disable/", target_editable(edit_translation.stop_translation)),
        # Turns a translated page back into an alias of its source: the page then shows the
        # source language and its translation record is deleted. Editors of the locale only.
        path(
            "localize/page/<int:page_id>/convert_to_alias/",
            page_restructurable(convert.convert_to_alias),
        ),
    ]
