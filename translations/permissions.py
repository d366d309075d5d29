"""Who may act on a translation, by Wagtail's own permissions and the snippets' locale rule.

A user may sync, import into or machine-translate a translation only if they may edit the
target page or snippet. Creating a translation that does not exist yet also needs
wagtail-localize's "submit translation" permission (as its "Translate" button does) and
permission to add pages under the translated parent.

Pages are scoped by locale through Wagtail's page permissions (each locale has its own tree).
Snippet permissions are per model in Wagtail, so for snippets the target locale is checked
too, through the scopes of `portal.viewsets` (the editorial roles: `editorial.viewsets.
LocaleScope`): the user must be allowed to translate into the target locale and to change
(or, for a new translation, add) snippets of that model in it. Publishing a translation needs
the page's publish permission, or the snippet's publish permission in the target locale:
translators publish their own locale's translations, never German content.

Viewing the source: Wagtail has no view permission for pages, and wagtail-localize's editor
shows the source to whoever may edit the target, so every admin user may read a page's
source strings; editing a snippet's translation implies access to its source.
"""

from wagtail.models import DraftStateMixin, Page
from wagtail.snippets.permissions import get_permission_name
from wagtail_localize.views.edit_translation import user_can_edit_instance

from portal.viewsets import may_translate_into, scoped_permission

SUBMIT_TRANSLATION = "wagtail_localize.submit_translation"


def translated_parent(page, locale):
    """The nearest ancestor of `page` that exists in `locale` (where its translation goes)."""
    for ancestor in page.get_ancestors(inclusive=False).reverse():
        translated = ancestor.get_translation_or_none(locale)
        if translated is not None and not translated.is_root():
            return translated
    return None


def existing_target(instance, locale):
    target = instance.get_translation_or_none(locale)
    if isinstance(target, Page) and target.alias_of_id:
        # An alias shows the source; syncing turns it into a translation (a new page version).
        return target, True
    return target, False


def can_act_on(user, instance, locale):
    """Whether `user` may sync or fill the translation of `instance` into `locale`."""
    if not isinstance(instance, Page):
        return can_act_on_snippet(user, instance, locale)
    target, is_alias = existing_target(instance, locale)
    if target is not None and not is_alias:
        return user_can_edit_instance(user, target)
    if not user.has_perm(SUBMIT_TRANSLATION):
        return False
    if is_alias:
        return target.permissions_for_user(user).can_edit()
    parent = translated_parent(instance, locale)
    return parent is not None and parent.permissions_for_user(user).can_add_subpage()


def can_act_on_snippet(user, instance, locale):
    """Snippets: the model permission, and the locale rule for the target locale."""
    model = type(instance)
    if not may_translate_into(user, locale.pk):
        return False
    target = instance.get_translation_or_none(locale)
    if target is not None:
        return user_can_edit_instance(user, target) and scoped_permission(
            user, model, "change", locale.pk
        )
    return (
        user.has_perm(SUBMIT_TRANSLATION)
        and user.has_perm(get_permission_name("add", model))
        and scoped_permission(user, model, "add", locale.pk)
    )


def can_publish_translation(user, instance, locale):
    """Whether `user` may publish the translation of `instance` into `locale`."""
    target, is_alias = existing_target(instance, locale)
    if isinstance(instance, Page):
        if target is not None:
            return target.permissions_for_user(user).can_publish()
        parent = translated_parent(instance, locale)
        return parent is not None and parent.permissions_for_user(user).can_publish_subpage()
    if isinstance(instance, DraftStateMixin):
        return user.has_perm(get_permission_name("publish", type(instance))) and scoped_permission(
            user, type(instance), "publish", locale.pk
        )
    return True
