"""Syncing translations with their source, in bulk, and filling them by machine translation.

Built on wagtail-localize: `TranslationSource.update_from_db` extracts the current source
strings, `Translation.save_target` publishes a target, `apply_machine_translation` (the
editor's "Machine translate" button) fills the untranslated strings.

Publishing mirrors wagtail-localize's "Sync translated pages" (`UpdateTranslationsView`): the
translations are published only when the user asks for it ("publish") and may publish the
target; otherwise the target gets a new draft revision built from the current strings, which
the language's translators (or the Chefredaktion) review and publish: translators publish
their own locale's translations directly, which is their approval, or ask a colleague through
the language's approval workflow; they never publish German pages. wagtail-localize's own
`save_target(publish=False)` would save a live page's database row (changing the public page)
and set a live snippet to "not live", so drafts are saved here as a revision only.

A sync never loses a translator's text: string translations are stored per (source string,
field, locale) and are neither deleted nor overwritten by a sync. An unchanged string keeps its
translation; a changed string is a new source string without translation (shown as "needs
translation" in the editor, German in the draft), while the translation of its old wording is
kept as an obsolete entry (offered in PO exports for reference). Translations that are not
synchronised by wagtail-localize (state "unmanaged") are refused, because a sync would replace
their hand-made content with the source.
"""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.text import slugify

from wagtail.coreutils import find_available_slug
from wagtail.models import DraftStateMixin, Page
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import Translation, TranslationLog, TranslationSource
from wagtail_localize.views.edit_translation import apply_machine_translation

from . import permissions


@dataclass
class Result:
    """What a bulk action did, for the message shown to the user."""

    created: int = 0
    published: int = 0
    drafts: int = 0
    machine: int = 0
    unchanged: int = 0
    failed: list = field(default_factory=list)

    @property
    def total(self):
        return self.created + self.published + self.drafts


def is_draftable(instance):
    return isinstance(instance, Page | DraftStateMixin)


def save_draft(translation, user=None):
    """Save the target as a new draft revision; its live version stays as it is.

    Objects without drafts (e.g. sectors) are saved directly: they have no other state.
    """
    source = translation.source
    target_locale = translation.target_locale
    instance = source.get_ephemeral_translated_instance(target_locale, fallback=True)
    if not is_draftable(instance):
        translation.save_target(user=user, publish=True)
        return
    if isinstance(instance, Page):
        # As wagtail-localize does when saving: a translated (or machine-marked) slug must
        # still be a valid, free slug under the parent.
        instance.slug = find_available_slug(
            instance.get_parent(), slugify(instance.slug), ignore_page_id=instance.pk
        )
    revision = instance.save_revision(user=user)
    TranslationLog.objects.create(source=source, locale=target_locale, revision=revision)


def ensure_translation(instance, locale, user, publish):
    """Create the translation of a never-translated `instance` in `locale`.

    The target is a draft unless `publish`; parent pages that are not translated yet are
    copied, as wagtail-localize's "Translate this page" does.
    """
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    translation, _created = Translation.objects.update_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    source.create_or_update_translation(
        locale,
        user=user,
        publish=publish or not is_draftable(instance),
        fallback=True,
        copy_parent_pages=True,
    )
    return translation


class Syncer:
    """Syncs rows (source instance, target locale) for one user.

    `publish` is honoured only where the user may publish the target; such rows are saved as
    drafts instead and counted as drafts. Every source is extracted from the database once.
    """

    def __init__(self, user, publish=False):
        self.user = user
        self.publish = publish
        self.refreshed = set()
        self.result = Result()

    def refresh(self, source):
        if source.pk not in self.refreshed:
            source.update_from_db()

    def sync(self, instance, locale):
        publish = self.publish and permissions.can_publish_translation(self.user, instance, locale)
        try:
            with transaction.atomic():
                translation = self.translation_for(instance, locale)
                if translation is None:
                    ensure_translation(instance, locale, self.user, publish)
                    source = TranslationSource.objects.get_for_instance(instance)
                    outcome = "created"
                else:
                    source = translation.source
                    self.refresh(source)
                    if publish or not is_draftable(instance):
                        translation.save_target(user=self.user, publish=True)
                        outcome = "published"
                    else:
                        save_draft(translation, self.user)
                        outcome = "drafts"
        except ValidationError as error:
            self.result.failed.append((instance, locale, error))
            return
        # Counted once saved: a failure rolls the whole item back.
        self.refreshed.add(source.pk)
        setattr(self.result, outcome, getattr(self.result, outcome) + 1)

    def machine_translate(self, instance, locale, translator):
        """Fill the untranslated strings by machine and save the target as a draft."""
        try:
            with transaction.atomic():
                translation = self.translation_for(instance, locale)
                created = translation is None
                if created:
                    translation = ensure_translation(instance, locale, self.user, publish=False)
                filled = apply_machine_translation(translation.pk, self.user, translator)
                if is_draftable(instance):
                    save_draft(translation, self.user)
            # Counted once saved: a failure rolls the whole item back.
            self.result.created += created
            self.result.machine += filled
            self.result.unchanged += not filled
        except ValidationError as error:
            self.result.failed.append((instance, locale, error))

    def translation_for(self, instance, locale):
        """The enabled translation of `instance` into `locale`, None if never translated.

        Raises PermissionDenied for a translation made without sync (see the module doc).
        """
        source = TranslationSource.objects.get_for_instance_or_none(instance)
        translation = (
            source and Translation.objects.filter(source=source, target_locale=locale).first()
        )
        target = instance.get_translation_or_none(locale)
        is_alias = isinstance(target, Page) and target.alias_of_id
        if target is None or is_alias:
            return None
        if translation is None or not translation.enabled:
            raise PermissionDenied("This translation is not synchronised with its source.")
        return translation


def sync_items(user, items, publish=False):
    """Sync `items`, pairs of (source instance, target locale); returns a `Result`."""
    syncer = Syncer(user, publish=publish)
    for instance, locale in items:
        syncer.sync(instance, locale)
    return syncer.result


def machine_translate_items(user, items):
    """Machine-translate `items` into drafts; returns a `Result` (None without a backend)."""
    translator = get_machine_translator()
    if translator is None:
        return None
    syncer = Syncer(user)
    for instance, locale in items:
        syncer.machine_translate(instance, locale, translator)
    return syncer.result


def sync_existing_translations(user, instance):
    """Sync every enabled translation of `instance` the user may edit, as drafts.

    Used by "Publish and sync" after the source was published.
    """
    source = TranslationSource.objects.get_for_instance_or_none(instance)
    if source is None:
        return Result()
    items = []
    for translation in source.translations.filter(enabled=True).select_related("target_locale"):
        locale = translation.target_locale
        if permissions.can_act_on(user, instance, locale):
            items.append((instance, locale))
    return sync_items(user, items, publish=False)
