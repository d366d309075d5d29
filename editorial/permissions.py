"""Locale-scoped permissions for snippets, translations and page restructuring.

Wagtail decides snippet permissions per model: "may change quotes" means every quote in every
language. The portal's translators must only touch their own language, and the editorial
team only the German source, so the rules here combine Django's model permissions with the
groups' `LocaleRole` rows:

- a permission granted through a group that has locale roles holds only in those locales;
- a permission granted through a group without locale roles, or directly to the user, holds
  in every locale (plain Wagtail behaviour, for groups made by hand);
- superusers may do everything.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q

from wagtail.models import Page, TranslatableMixin
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy
from wagtail.permissions import policy_registry

from .models import LocaleRole


class AnyLocale:
    """Stands for "every locale" in a set of locale ids."""

    def __contains__(self, locale_id):
        return True

    def __repr__(self):
        return "ANY_LOCALE"


ANY_LOCALE = AnyLocale()

SUBMIT_TRANSLATION = "wagtail_localize.submit_translation"


def _grants(user, permissions):
    """{codename: locale ids (or ANY_LOCALE)} for `permissions` granted to `user`."""
    grants = {}
    if not user.is_active or user.is_anonymous:
        return grants
    for codename in permissions.filter(user=user).values_list("codename", flat=True):
        grants[codename] = ANY_LOCALE
    roles = {}
    for group_id, locale_id in LocaleRole.objects.filter(group__user=user).values_list(
        "group_id", "locale_id"
    ):
        roles.setdefault(group_id, set()).add(locale_id)
    for group_id, codename in permissions.filter(group__user=user).values_list("group", "codename"):
        current = grants.get(codename, set())
        if current is ANY_LOCALE:
            continue
        if group_id not in roles:
            grants[codename] = ANY_LOCALE
        else:
            grants[codename] = current | roles[group_id]
    return grants


class LocaleScopedPermissionPolicy(ModelPermissionPolicy):
    """Model permissions that hold only in the locales of the group that grants them.

    Model-level checks (`user_has_permission`) stay as in Wagtail, so menus and listings work;
    every check on an instance, or on a locale, also requires the instance's locale. The
    snippet views are guarded with these instance checks by
    `editorial.viewsets.LocaleScope`.
    """

    def check_model(self, model):
        super().check_model(model)
        if not issubclass(model, TranslatableMixin):
            raise TypeError(f"{model.__name__} is not translatable; it has no locale to scope by.")

    @property
    def _cache_name(self):
        return f"_editorial_locale_grants_{self.app_label}_{self.model_name}"

    def locale_grants(self, user):
        """{action: locale ids or ANY_LOCALE}, cached on the user object for the request."""
        if user.is_superuser and user.is_active:
            return _AllActions()
        if not hasattr(user, self._cache_name):
            codenames = _grants(user, Permission.objects.filter(content_type=self._content_type))
            setattr(
                user,
                self._cache_name,
                {codename.rsplit("_", 1)[0]: locales for codename, locales in codenames.items()},
            )
        return getattr(user, self._cache_name)

    def locales_for(self, user, action):
        return self.locale_grants(user).get(action, set())

    def user_has_permission_for_locale(self, user, action, locale_id):
        return locale_id in self.locales_for(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission_for_locale(user, action, instance.locale_id)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(
            self.user_has_permission_for_instance(user, action, instance) for action in actions
        )

    def instances_user_has_any_permission_for(self, user, actions):
        queryset = self.model._default_manager.all()
        locale_ids = set()
        for action in actions:
            locales = self.locales_for(user, action)
            if locales is ANY_LOCALE:
                return queryset
            locale_ids |= locales
        return queryset.filter(locale_id__in=locale_ids)

    def users_with_any_permission_for_instance(self, actions, instance):
        permissions = self._get_permission_objects_for_actions(actions)
        in_locale = Q(groups__locale_roles__isnull=True) | Q(
            groups__locale_roles__locale_id=instance.locale_id
        )
        return (
            self.users_with_any_permission(actions)
            .filter(
                Q(is_superuser=True)
                | Q(user_permissions__in=permissions)
                | (Q(groups__permissions__in=permissions) & in_locale)
            )
            .distinct()
        )


class _AllActions(dict):
    """A superuser's grants: every action in every locale."""

    def get(self, action, default=None):
        return ANY_LOCALE


class MediaPermissionPolicy(CollectionOwnershipPermissionPolicy):
    """Images and documents: deleting needs the "delete" permission on the collection.

    Wagtail's own policy treats deleting as changing, so everyone who may change an image
    (the Redaktion) could also delete it, although only the Chefredaktion has the delete
    permission (`editorial.roles.COLLECTION_PERMISSIONS`). Here deleting needs that
    permission; uploaders still delete what they uploaded themselves (undoing an upload).
    Every other action is Wagtail's.
    """

    def _may_delete(self, user, instance):
        collection = instance.collection
        if self._check_perm(user, ["delete"], collection=collection):
            return True
        owner = getattr(instance, self.owner_field_name)
        return owner == user and self._check_perm(user, ["add"], collection=collection)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        others = [action for action in actions if action != "delete"]
        if len(others) < len(actions) and self._may_delete(user, instance):
            return True
        return bool(others) and super().user_has_any_permission_for_instance(user, others, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        if "delete" not in actions or (user.is_active and user.is_superuser):
            return super().instances_user_has_any_permission_for(user, actions)
        if not user.is_authenticated:
            return self.model._default_manager.none()
        deletable = self.model._default_manager.filter(
            Q(collection__in=self._collections_with_perm(user, ["delete"]))
            | (
                Q(collection__in=self._collections_with_perm(user, ["add"]))
                & Q(**{self.owner_field_name: user})
            )
        )
        others = [action for action in actions if action != "delete"]
        if not others:
            return deletable
        return super().instances_user_has_any_permission_for(user, others) | deletable

    def users_with_any_permission_for_instance(self, actions, instance):
        others = [action for action in actions if action != "delete"]
        users = self._users_with_perm(["delete"], collection=instance.collection)
        owner = getattr(instance, self.owner_field_name)
        if owner is not None and self._check_perm(owner, ["add"], collection=instance.collection):
            users = users | get_user_model().objects.filter(pk=owner.pk)
        if others:
            users = users | super().users_with_any_permission_for_instance(others, instance)
        return users.distinct()


def policy_for(model):
    """The registered policy of `model` (a LocaleScopedPermissionPolicy or Wagtail's own)."""
    return policy_registry.get_by_type(model)


def user_can_on_instance(user, action, instance):
    """Whether `user` may do `action` on a snippet or page `instance`, locale included."""
    if isinstance(instance, Page):
        tester = instance.permissions_for_user(user)
        return {
            "change": tester.can_edit,
            "publish": tester.can_publish,
            "delete": tester.can_delete,
        }[action]()
    policy = policy_for(type(instance))
    if isinstance(policy, LocaleScopedPermissionPolicy):
        return policy.user_has_permission_for_instance(user, action, instance)
    return policy.user_has_permission(user, action)


def translation_locales(user):
    """The locales `user` may create and sync translations into with wagtail-localize."""
    if user.is_superuser and user.is_active:
        return ANY_LOCALE
    grants = _grants(
        user,
        Permission.objects.filter(
            content_type__app_label="wagtail_localize", codename="submit_translation"
        ),
    )
    return grants.get("submit_translation", set())


def may_restructure_pages(user, locale_id):
    """Whether `user` may delete, move or copy pages of the locale (translators may not).

    Users whose groups have no locale roles follow Wagtail's page permissions alone; a user
    with locale roles needs an editor role for the page's locale.
    """
    if user.is_superuser and user.is_active:
        return True
    roles = list(LocaleRole.objects.filter(group__user=user).values_list("locale_id", "kind"))
    if not roles:
        return True
    return (locale_id, LocaleRole.Kind.EDITOR) in roles
