"""The engine of `manage.py load_demo_content`: what every domain loader of the demo uses.

`Demo` holds what the steps share (locales, generated images, German standard pages, the
English strings of every data file) and creates or finds objects idempotently. English
versions are made through wagtail-localize, as an editor's "Translate" button would, with the
English halves of the data files imported as a PO file: one routine for pages, snippets with
revisions and snippets without. `run` executes the steps in one transaction and prints a
progress line per step.
"""

import json
from html import escape

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from django.db import transaction
from django.test.utils import override_settings

from wagtail.models import Locale, Page
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    Translation,
    TranslationSource,
)
from wagtail_localize.operations import TranslationCreator
from wagtail_localize.strings import StringValue

from demo.data import Html, ImageRef, PageRef, Text
from home.models import HomePage

SOURCE_LANGUAGE = "de"
TARGET_LANGUAGE = "en"
TOOL_NAME = "demo content"


class Tally:
    """What one step did, for its progress line."""

    def __init__(self):
        self.created = 0
        self.updated = 0
        self.present = 0

    @property
    def changed(self):
        return self.created + self.updated

    def __str__(self):
        if not self.changed:
            return f"{self.present} present, nothing changed"
        parts = [
            f"{count} {label}"
            for count, label in (
                (self.created, "created"),
                (self.updated, "updated"),
                (self.present, "present"),
            )
            if count
        ]
        return ", ".join(parts)


def run(steps, stdout, style):
    """Run (label, callable) steps in one transaction; each callable returns a `Tally`."""
    changed = 0
    # The translated pages never had their German slugs in public, so wagtail-localize's
    # rename from German to English slug must not leave automatic redirects behind; the
    # redirects are made when the transaction commits, hence the setting around it.
    with override_settings(WAGTAILREDIRECTS_AUTO_CREATE=False), transaction.atomic():
        for number, (label, step) in enumerate(steps, start=1):
            tally = step()
            changed += tally.changed
            stdout.write(f"[{number}/{len(steps)}] {label}: {tally}")
    if changed:
        stdout.write(style.SUCCESS(f"Demo content loaded: {changed} objects created or updated."))
    else:
        stdout.write(style.SUCCESS("Demo content is up to date; nothing changed."))
    return changed


class Demo:
    """The state the domain loaders share while the demo site is built."""

    def __init__(self, stdout):
        self.stdout = stdout
        self.english = {}
        self.locales = {}
        self.images = {}
        self.pages = {}
        # German image key -> key of its variant shown in the English version (see
        # `override_images`); the home loader fills it from its data file.
        self.image_variants = {}

    # Finding things

    def locale(self, code):
        if code not in self.locales:
            self.locales[code] = Locale.objects.get(language_code=code)
        return self.locales[code]

    def german_home(self):
        try:
            return HomePage.objects.get(locale__language_code=SOURCE_LANGUAGE)
        except HomePage.DoesNotExist as error:
            raise CommandError(
                "There is no German home page; run `manage.py migrate` first (migration "
                "home.0002 creates it)."
            ) from error

    # Values of the data files

    def german(self, value):
        """The German value of a data-file entry, as a model field or block expects it."""
        if isinstance(value, Text):
            return value.de
        if isinstance(value, Html):
            return render_html(value)
        if isinstance(value, PageRef):
            return self.pages[value.slug]
        if isinstance(value, ImageRef):
            return self.images[value.key]
        return value

    def stream(self, blocks):
        """StreamField data in its JSON form from `{block type: value}` items of a data file;
        chosen pages and images become ids."""
        data = []
        for block in blocks:
            ((block_type, value),) = block.items()
            data.append({"type": block_type, "value": self.raw(value)})
        return data

    def raw(self, value):
        if isinstance(value, PageRef | ImageRef):
            return self.german(value).pk
        if isinstance(value, Text | Html):
            return self.german(value)
        if isinstance(value, dict):
            return {key: self.raw(item) for key, item in value.items()}
        if isinstance(value, list | tuple):
            return [self.raw(item) for item in value]
        return value

    # wagtail-localize

    def add_english(self, texts):
        """Register the English halves of the `Text`s in `texts` (any nesting) for `translate`.

        wagtail-localize exports every string as HTML (plain fields escaped, rich text split
        per paragraph and list item), so both halves are normalised the same way. A German
        string has one English translation across all data files.
        """
        for msgid, msgstr in english_pairs(texts):
            if self.english.setdefault(msgid, msgstr) != msgstr:
                raise CommandError(
                    f"{msgid!r} has two English translations: {self.english[msgid]!r} and "
                    f"{msgstr!r}."
                )

    def translate(self, instance, tally):
        """Create the English version of `instance` with wagtail-localize, unless it exists.

        The strings are imported as a PO file before `TranslationCreator` runs, so the
        translation it saves is already English; a missing string stops the command instead
        of leaving German text in the English site.
        """
        english = self.locale(TARGET_LANGUAGE)
        if instance.has_translation(english):
            tally.present += 1
            return
        source, _created = TranslationSource.update_or_create_from_instance(instance)
        translation, _created = Translation.objects.get_or_create(
            source=source, target_locale=english
        )
        self.import_english(translation, instance)
        self.override_images(source, english)
        # Left to itself, TranslationCreator publishes a live source's translation only when
        # the transaction commits (`transaction.on_commit`), which never happens inside a test
        # case. Saved as a draft here and published right away, the English version is live
        # as soon as the command returns, in whatever transaction it runs.
        with override_settings(WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE=False):
            TranslationCreator(user=None, target_locales=[english]).create_translations(instance)
        translated = instance.get_translation_or_none(english)
        if translated is None:
            # TranslationCreator swallows validation errors; save again to report them.
            try:
                translation.save_target(publish=False)
            except ValidationError as error:
                raise CommandError(f"Translating {instance!r}: {error}") from error
            raise CommandError(f"wagtail-localize did not create an English {instance!r}.")
        translated.get_latest_revision().publish()
        tally.created += 1

    def translate_unversioned(self, instance, tally):
        """`translate` for snippets without drafts and revisions (sectors)."""
        english = self.locale(TARGET_LANGUAGE)
        if instance.has_translation(english):
            tally.present += 1
            return
        source, _created = TranslationSource.update_or_create_from_instance(instance)
        translation, _created = Translation.objects.get_or_create(
            source=source, target_locale=english
        )
        self.import_english(translation, instance)
        translation.save_target(publish=True)
        tally.created += 1

    def sync_translation(self, instance):
        """Bring the English version of a changed German page up to date (wagtail-localize
        sync); nothing happens if it has none."""
        english = self.locale(TARGET_LANGUAGE)
        source, _created = TranslationSource.update_or_create_from_instance(instance)
        translation = Translation.objects.filter(source=source, target_locale=english).first()
        if translation is None:
            return
        self.import_english(translation, instance)
        if isinstance(instance, Page):
            # save_target(publish=True) publishes when the transaction commits, which would
            # put an old revision live over the later demo steps' changes; publish now.
            translation.save_target(publish=False)
            instance.get_translation(english).get_latest_revision().publish()
        else:
            translation.save_target(publish=True)

    def import_english(self, translation, instance):
        """Fill the translation's PO file with the registered English strings and import it."""
        po = translation.export_po()
        missing = []
        for entry in po:
            if entry.obsolete:
                continue
            try:
                entry.msgstr = self.english[entry.msgid]
            except KeyError:
                missing.append(f"{entry.msgctxt}: {entry.msgid!r}")
        if missing:
            raise CommandError(
                f"No English text for these strings of {instance!r}:\n  " + "\n  ".join(missing)
            )
        warnings = translation.import_po(po, tool_name=TOOL_NAME)
        if warnings:
            raise CommandError(f"Importing the English strings of {instance!r}: {warnings}")

    def override_images(self, source, locale):
        """Show the translated variant of a generated image (e.g. the chart) in `locale`."""
        variants = {
            self.images[german].pk: self.images[translated].pk
            for german, translated in self.image_variants.items()
        }
        segments = OverridableSegment.objects.filter(source=source).select_related("context")
        for segment in segments:
            if segment.context.path.endswith(".image") and segment.data in variants:
                SegmentOverride.objects.update_or_create(
                    locale=locale,
                    context=segment.context,
                    defaults={"data_json": json.dumps(variants[segment.data])},
                )


def render_html(value):
    """Rich text from plain paragraphs and bulleted lists (German)."""
    parts = []
    for part in value.parts:
        if isinstance(part, Text):
            parts.append(f"<p>{escape(part.de, quote=False)}</p>")
        else:
            items = "".join(f"<li>{escape(item.de, quote=False)}</li>" for item in part)
            parts.append(f"<ul>{items}</ul>")
    return "".join(parts)


def english_pairs(value):
    """(German msgid, English msgstr) for every `Text` in `value`, as wagtail-localize exports."""
    for text in iter_texts(value):
        yield StringValue.from_plaintext(text.de).data, StringValue.from_plaintext(text.en).data


def iter_texts(value):
    if isinstance(value, Text):
        yield value
    elif isinstance(value, Html):
        yield from iter_texts(value.parts)
    elif isinstance(value, dict):
        for item in value.values():
            yield from iter_texts(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from iter_texts(item)
