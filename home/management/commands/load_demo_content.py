"""`manage.py load_demo_content`: build the portal's demo site in German and English.

The command fills the German home page, creates the standard pages and project teasers, draws
the logos and a chart with Pillow, configures the default site and the portal settings, and
then translates every page and teaser into English through wagtail-localize, just as an
editor's "Translate" button would, with the English strings of `home.demo_content` imported
as the translation.

It is idempotent: objects are found by slug, name or title, and an object that exists is left
as it is, so a second run changes nothing. Everything runs in one transaction.
"""

import importlib
import json
from html import escape
from io import BytesIO

from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings

from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    Translation,
    TranslationSource,
)
from wagtail_localize.operations import TranslationCreator
from wagtail_localize.strings import StringValue

from PIL import Image as PillowImage
from PIL import ImageDraw, ImageFont

from home import demo_content as demo
from home.demo_content import Html, ImageRef, PageRef, Text
from home.models import (
    FooterLink,
    HomePage,
    MainMenuItem,
    PortalSettings,
    ProjectTeaser,
    SocialLink,
    StandardPage,
)

# Apps that add their own demo content, in this order. Each may have a module `<app>/demo.py`
# with `steps(command)` returning (label, callable) pairs; a callable returns a `Tally`. Steps
# can use `command.translate(instance, tally)` after `command.add_english(texts)`.
DEMO_APPS = ["clusters", "locations", "events", "editorial"]

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


class Command(BaseCommand):
    help = (
        "Load the demo site of the Metropolregion Mitteldeutschland portal: the German home "
        "page, nine standard pages, five project teasers with generated logos, the default "
        "site and the portal settings, plus English translations of all pages and teasers "
        "made through wagtail-localize. Existing objects are left unchanged, so the command "
        "can be run again safely."
    )

    def handle(self, *args, **options):
        self.english = {}
        self.add_english([demo.HOME_PAGE, demo.STANDARD_PAGES, demo.PROJECT_TEASERS])
        self.locales = {}
        self.images = {}
        self.pages = {}
        steps = [
            ("Locales", self.load_locales),
            ("Images", self.load_images),
            ("Standard pages (de)", self.load_standard_pages),
            ("Home page (de)", self.load_home_page),
            ("Project teasers (de)", self.load_project_teasers),
            ("Default site", self.load_site),
            ("Portal settings", self.load_portal_settings),
            ("English pages (wagtail-localize)", self.translate_pages),
            ("English project teasers (wagtail-localize)", self.translate_project_teasers),
        ]
        for app_label in DEMO_APPS:
            steps.extend(app_demo_steps(app_label, self))
        changed = 0
        # The translated pages never had their German slugs in public, so wagtail-localize's
        # rename from German to English slug must not leave automatic redirects behind; the
        # redirects are made when the transaction commits, hence the setting around it.
        with override_settings(WAGTAILREDIRECTS_AUTO_CREATE=False), transaction.atomic():
            for number, (label, step) in enumerate(steps, start=1):
                tally = step()
                changed += tally.changed
                self.stdout.write(f"[{number}/{len(steps)}] {label}: {tally}")
        if changed:
            self.stdout.write(
                self.style.SUCCESS(f"Demo content loaded: {changed} objects created or updated.")
            )
        else:
            self.stdout.write(self.style.SUCCESS("Demo content is up to date; nothing changed."))

    # Steps

    def load_locales(self):
        tally = Tally()
        for code in (SOURCE_LANGUAGE, TARGET_LANGUAGE):
            locale, created = Locale.objects.get_or_create(language_code=code)
            self.locales[code] = locale
            if created:
                tally.created += 1
            else:
                tally.present += 1
        return tally

    def load_images(self):
        tally = Tally()
        image_model = get_image_model()
        for key, spec in demo.IMAGES.items():
            image = image_model.objects.filter(title=spec["title"]).order_by("pk").first()
            if image is not None:
                tally.present += 1
            else:
                image = image_model(
                    title=spec["title"],
                    description=spec["description"],
                    file=ImageFile(render_image(spec), name=f"{key}.png"),
                )
                image._set_image_file_metadata()
                image.save()
                tally.created += 1
            self.images[key] = image
        return tally

    def load_standard_pages(self):
        tally = Tally()
        home = self.german_home()
        new_pages = []
        for spec in demo.STANDARD_PAGES:
            slug = spec["slug"].de
            page = home.get_children().filter(slug=slug).specific().first()
            if page is not None:
                tally.present += 1
            else:
                # The body may link to pages created later in this loop, so it is filled in
                # once every page exists; the page gets a single, published revision.
                page = StandardPage(
                    title=spec["title"].de,
                    slug=slug,
                    intro=spec["intro"].de,
                    search_description=spec["search_description"].de,
                    live=False,
                )
                home.add_child(instance=page)
                new_pages.append((page, spec))
                tally.created += 1
            self.pages[slug] = page
        for page, spec in new_pages:
            page.body = self.stream(spec["body"])
            page.save_revision().publish()
        return tally

    def load_home_page(self):
        tally = Tally()
        home = self.german_home()
        if home.intro_heading:
            tally.present += 1
            return tally
        for field, value in demo.HOME_PAGE.items():
            setattr(home, field, self.stream(value) if field == "quotes" else self.german(value))
        home.save_revision().publish()
        tally.updated += 1
        return tally

    def load_project_teasers(self):
        tally = Tally()
        german = self.locales[SOURCE_LANGUAGE]
        for spec in demo.PROJECT_TEASERS:
            name = spec["name"].de
            if ProjectTeaser.objects.filter(locale=german, name=name).exists():
                tally.present += 1
                continue
            teaser = ProjectTeaser(locale=german)
            for field, value in spec.items():
                setattr(teaser, field, self.german(value))
            teaser.save()
            teaser.save_revision().publish()
            tally.created += 1
        return tally

    def load_site(self):
        tally = Tally()
        wanted = {
            "hostname": demo.SITE_HOSTNAME,
            "port": demo.SITE_PORT,
            "site_name": demo.SITE_NAME,
            "root_page_id": self.german_home().pk,
        }
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(is_default_site=True, **wanted)
            tally.created += 1
        elif all(getattr(site, field) == value for field, value in wanted.items()):
            tally.present += 1
        else:
            for field, value in wanted.items():
                setattr(site, field, value)
            site.full_clean()
            site.save()
            tally.updated += 1
        return tally

    def load_portal_settings(self):
        """Fill whatever part of the settings is still empty; never overwrite an entry."""
        tally = Tally()
        site = Site.objects.get(is_default_site=True)
        existed = PortalSettings.objects.filter(site=site).exists()
        settings = PortalSettings.for_site(site)
        spec = demo.PORTAL_SETTINGS
        changed = False
        if settings.logo_id is None:
            settings.logo = self.images[spec["logo"].key]
            changed = True
        if not settings.street:
            for field in ("organisation_name", "street", "postcode", "city", "phone", "email"):
                setattr(settings, field, spec[field])
            changed = True
        menus = [
            ("main_menu_items", MainMenuItem, spec["main_menu"]),
            (
                "footer_links",
                FooterLink,
                [(slug, i) for i, slug in enumerate(spec["footer_links"])],
            ),
        ]
        for relation, model, entries in menus:
            if not getattr(settings, relation).exists():
                setattr(
                    settings,
                    relation,
                    [
                        model(page=self.pages[slug], sort_order=position)
                        for slug, position in entries
                    ],
                )
                changed = True
        if not settings.social_links.exists():
            settings.social_links = [
                SocialLink(platform=platform, url=url, sort_order=index)
                for index, (platform, url) in enumerate(spec["social_links"])
            ]
            changed = True
        if changed:
            settings.full_clean()
            settings.save()
        if not existed:
            tally.created += 1
        elif changed:
            tally.updated += 1
        else:
            tally.present += 1
        return tally

    def translate_pages(self):
        # Parents first: wagtail-localize creates a page's translation under its parent's.
        tally = Tally()
        pages = [self.german_home()] + [self.pages[spec["slug"].de] for spec in demo.STANDARD_PAGES]
        for page in pages:
            # A fresh copy: the source is extracted from the instance as it is in the database.
            self.translate(Page.objects.get(pk=page.pk).specific, tally)
        return tally

    def translate_project_teasers(self):
        tally = Tally()
        names = [spec["name"].de for spec in demo.PROJECT_TEASERS]
        teasers = ProjectTeaser.objects.filter(
            locale=self.locales[SOURCE_LANGUAGE], name__in=names
        ).order_by("sort_order", "pk")
        for teaser in teasers:
            self.translate(teaser, tally)
        return tally

    # wagtail-localize

    def translate(self, instance, tally):
        """Create the English version of `instance` with wagtail-localize, unless it exists.

        The strings are imported as a PO file before `TranslationCreator` runs, so the
        translation it saves is already English; a missing string stops the command instead
        of leaving German text in the English site.
        """
        english = self.locales[TARGET_LANGUAGE]
        if instance.has_translation(english):
            tally.present += 1
            return
        source, _created = TranslationSource.update_or_create_from_instance(instance)
        translation, _created = Translation.objects.get_or_create(
            source=source, target_locale=english
        )
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

    def override_images(self, source, locale):
        """Show the translated variant of a generated image (e.g. the chart) in `locale`."""
        variants = {
            self.images[german].pk: self.images[translated].pk
            for german, translated in demo.IMAGE_TRANSLATIONS.items()
        }
        segments = OverridableSegment.objects.filter(source=source).select_related("context")
        for segment in segments:
            if segment.context.path.endswith(".image") and segment.data in variants:
                SegmentOverride.objects.update_or_create(
                    locale=locale,
                    context=segment.context,
                    defaults={"data_json": json.dumps(variants[segment.data])},
                )

    # Helpers for the apps' demo steps

    def add_english(self, texts):
        """Register the English halves of `Text` pairs (any nesting) for `translate`.

        wagtail-localize exports every string as HTML (plain fields escaped, rich text split
        per paragraph and list item), so both halves are normalised the same way.
        """
        for msgid, msgstr in english_pairs(texts):
            if self.english.setdefault(msgid, msgstr) != msgstr:
                raise CommandError(
                    f"{msgid!r} has two English translations: {self.english[msgid]!r} and "
                    f"{msgstr!r}."
                )

    # Helpers

    def german_home(self):
        try:
            return HomePage.objects.get(locale__language_code=SOURCE_LANGUAGE)
        except HomePage.DoesNotExist as error:
            raise CommandError(
                "There is no German home page; run `manage.py migrate` first (migration "
                "home.0002 creates it)."
            ) from error

    def german(self, value):
        """The German value of a demo-content entry, as a model field or block expects it."""
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
        """StreamField data in its JSON form: chosen pages and images become ids."""
        return [{"type": block_type, "value": self.raw(value)} for block_type, value in blocks]

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


def app_demo_steps(app_label, command):
    """The demo steps of an app's `demo` module, or none if the app has no demo content."""
    try:
        module = importlib.import_module(f"{app_label}.demo")
    except ModuleNotFoundError as error:
        if error.name != f"{app_label}.demo":
            raise
        return []
    return module.steps(command)


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


# Images (drawn locally, no downloads)

TRANSLITERATION = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss", "–": "-"}
)
INK = "#1d2b36"
MUTED = "#5b6770"
BACKGROUND = "#f5f7f9"


def font(size):
    return ImageFont.load_default(size=size)


def drawable(text):
    """Pillow's built-in font covers ASCII only; spell umlauts out rather than draw boxes."""
    text = text.translate(TRANSLITERATION)
    if not text.isascii():
        raise CommandError(f"Cannot draw {text!r} with Pillow's built-in font.")
    return text


def wrap(text, text_font, width):
    lines, line = [], ""
    for word in drawable(text).split():
        candidate = f"{line} {word}".strip()
        if line and text_font.getlength(candidate) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    return [*lines, line]


def render_image(spec):
    renderers = {"project_logo": project_logo, "portal_logo": portal_logo, "chart": chart}
    image = renderers[spec["kind"]](spec)
    buffer = BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    buffer.seek(0)
    return buffer


def project_logo(spec):
    """600 x 400: a coloured badge with the project's initials above its name."""
    image = PillowImage.new("RGB", (600, 400), BACKGROUND)
    draw = ImageDraw.Draw(image)
    colour = spec["colour"]
    draw.rounded_rectangle((240, 40, 360, 160), radius=24, fill=colour)
    draw.text((300, 100), drawable(spec["mark"]), font=font(56), fill="white", anchor="mm")
    name_font = font(42)
    y = 210
    for line in wrap(spec["name"], name_font, 540):
        draw.text((300, y), line, font=name_font, fill=INK, anchor="mt")
        y += 52
    if spec.get("subline"):
        sub_font = font(22)
        for line in wrap(spec["subline"], sub_font, 540):
            draw.text((300, y + 4), line, font=sub_font, fill=MUTED, anchor="mt")
            y += 30
    draw.rectangle((0, 388, 600, 400), fill=colour)
    return image


def portal_logo(spec):
    """480 x 120: three overlapping circles (three federal states) and the region's name."""
    image = PillowImage.new("RGB", (480, 120), "white")
    draw = ImageDraw.Draw(image)
    for (x, y), shade in zip(
        [(22, 20), (52, 20), (37, 46)], ["#00587c", "#2f8fb3", "#7cc3de"], strict=True
    ):
        draw.ellipse((x, y, x + 52, y + 52), fill=shade, outline="white", width=3)
    first, second = spec["lines"]
    draw.text((128, 24), drawable(first), font=font(30), fill=INK)
    draw.text((128, 60), drawable(second), font=font(30), fill=spec["colour"])
    return image


def chart(spec):
    """960 x 540 horizontal bar chart of the IQ Innovationspreis 2019 entries per cluster."""
    image = PillowImage.new("RGB", (960, 540), "white")
    draw = ImageDraw.Draw(image)
    draw.text((40, 30), drawable(spec["heading"]), font=font(32), fill=INK)
    label_font, value_font = font(24), font(24)
    english = spec["language"] == "en"
    maximum = max(count for _de, _en, count in demo.IQ_2019_ENTRIES)
    left, right, top, bar, gap = 320, 860, 110, 48, 28
    for index, (german_label, english_label, count) in enumerate(demo.IQ_2019_ENTRIES):
        y = top + index * (bar + gap)
        label = english_label if english else german_label
        draw.text((left - 16, y + bar / 2), drawable(label), font=label_font, fill=INK, anchor="rm")
        length = (right - left) * count / maximum
        draw.rectangle((left, y, left + length, y + bar), fill="#00587c")
        draw.text(
            (left + length + 10, y + bar / 2), str(count), font=value_font, fill=INK, anchor="lm"
        )
    draw.line((left, top - 10, left, top + 5 * (bar + gap) - gap + 10), fill=MUTED, width=2)
    draw.text((40, 500), drawable(spec["total"]), font=font(22), fill=MUTED)
    return image
