"""The translation state of every page and translatable snippet, for the report.

One row per (source object, target locale): the source objects are the pages and
translatable snippets of the default (source) locale, the target locales every other content
language. A row's state is one of:

- ``missing``: "never translated": there is no instance in the target locale (or only an
  alias of the source, which shows the German content).
- ``unmanaged``: a translation exists but is not synchronised by wagtail-localize (made by
  copying, or its synced translation was stopped). A bulk sync would overwrite the
  translator's text with the source, so these rows are never synced in bulk.
- ``changed``: "source changed since last sync", see `source_changed_at` and `synced_at`.
- ``current``: "up to date".

Definition of "changed" (cheap: timestamps only, no content comparison for most models):
the source content that a sync extracts is the database row of the source (wagtail-localize's
`TranslationSource.update_from_db`). That row changes when a live page or snippet is
published (`last_published_at`) and, for an object that is not live, on every saved draft
(the latest revision's time). A row is "changed" when that time is later than the last sync
into that locale: the earlier of `TranslationSource.last_updated_at` (when the strings were
last extracted; the source is shared by all locales) and the latest `TranslationLog` of the
target locale (when the target was last built from the source). Snippets without revisions
(sectors) carry no timestamp; their few fields are compared with the stored source instead.
Publishing a source without changing translatable text also counts as changed; a sync then
changes nothing a translator sees.

Everything is read with a fixed number of queries, whatever the number of rows; progress is
computed for the rows of one listing page only.
"""

import json
from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import F, Max
from django.utils.translation import gettext_lazy as _

from modelcluster.models import get_serializable_data_for_fields
from wagtail.coreutils import get_content_languages
from wagtail.models import DraftStateMixin, Locale, Page, RevisionMixin, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationLog,
    TranslationSource,
)

CURRENT = "current"
CHANGED = "changed"
MISSING = "missing"
UNMANAGED = "unmanaged"

STATE_CHOICES = [
    (CURRENT, _("Up to date")),
    (CHANGED, _("Source changed since last sync")),
    (MISSING, _("Never translated")),
    (UNMANAGED, _("Translated without sync")),
]
STATE_LABELS = dict(STATE_CHOICES)


@dataclass
class Row:
    """One source object in one target locale."""

    content_type: ContentType
    source_pk: int
    translation_key: object
    title: str
    locale: Locale
    state: str
    is_page: bool
    path: str = ""
    section: Page | None = None
    target_pk: int | None = None
    target_live: bool | None = None
    translation_id: int | None = None
    source_id: int | None = None
    progress: tuple[int, int] | None = field(default=None)

    @property
    def key(self):
        """The value of the row's checkbox: content type, source pk and target locale."""
        return f"{self.content_type.pk}:{self.source_pk}:{self.locale.pk}"

    @property
    def type_label(self):
        return self.content_type.model_class()._meta.verbose_name

    @property
    def state_label(self):
        return STATE_LABELS[self.state]

    @property
    def can_sync(self):
        return self.state != UNMANAGED


def source_locale():
    return Locale.get_default()


def target_locales():
    """Every content language except the source, in the order of the settings."""
    codes = [code for code in get_content_languages() if code != source_locale().language_code]
    locales = {
        locale.language_code: locale for locale in Locale.objects.filter(language_code__in=codes)
    }
    return [locales[code] for code in codes if code in locales]


def translatable_snippet_models():
    return [model for model in get_snippet_models() if issubclass(model, TranslatableMixin)]


def parse_row_key(key):
    """(content type id, source pk, locale id) from a row key; ValueError if malformed."""
    content_type_id, source_pk, locale_id = (int(part) for part in key.split(":"))
    return content_type_id, source_pk, locale_id


def serialised(instance):
    data = get_serializable_data_for_fields(instance)
    return json.loads(json.dumps(data, cls=DjangoJSONEncoder))


def sections(locale=None):
    """The top-level pages under the source locale's root: the report's sections."""
    # Each locale's root (the home page) is at depth 2, its top-level pages at depth 3.
    return Page.objects.filter(locale=locale or source_locale(), depth=3).order_by("path")


class StateIndex:
    """Loads what the states need in bulk, then builds the rows."""

    def __init__(self, locale=None, locales=None):
        self.source_locale = locale or source_locale()
        self.target_locales = locales if locales is not None else target_locales()
        target_ids = [target.pk for target in self.target_locales]
        self.sources = {
            source.object_id: source
            for source in TranslationSource.objects.filter(locale=self.source_locale).only(
                "id", "object_id", "content_json", "last_updated_at", "specific_content_type_id"
            )
        }
        self.translations = {
            (translation.source_id, translation.target_locale_id): translation
            for translation in Translation.objects.filter(
                source__locale=self.source_locale, target_locale_id__in=target_ids
            ).only("id", "uuid", "source_id", "target_locale_id", "enabled")
        }
        self.logs = {
            (log["source_id"], log["locale_id"]): log["last"]
            for log in TranslationLog.objects.filter(
                source__locale=self.source_locale, locale_id__in=target_ids
            )
            .values("source_id", "locale_id")
            .annotate(last=Max("created_at"))
        }

    def state(self, translation_key, target, changed_at=None, changed=None):
        """The state of one row; `changed` overrides the timestamp test (snippets without
        revisions)."""
        target_pk, _live, alias_of = target
        if target_pk is None or alias_of:
            return MISSING
        source = self.sources.get(translation_key)
        translation = source and self.translations.get((source.pk, self._locale_id))
        if translation is None or not translation.enabled:
            return UNMANAGED
        if changed is None:
            last_log = self.logs.get((source.pk, self._locale_id), source.last_updated_at)
            synced_at = min(source.last_updated_at, last_log)
            changed = changed_at is not None and changed_at > synced_at
        return CHANGED if changed else CURRENT

    def _row(self, content_type, values, target, is_page, **extra):
        source = self.sources.get(values["translation_key"])
        translation = source and self.translations.get((source.pk, self._locale_id))
        return Row(
            content_type=content_type,
            source_pk=values["pk"],
            translation_key=values["translation_key"],
            title=values["title"],
            locale=self._locale,
            state=self.state(
                values["translation_key"],
                target,
                changed_at=values.get("changed_at"),
                changed=values.get("changed"),
            ),
            is_page=is_page,
            target_pk=None if target[2] else target[0],
            target_live=target[1] if target[0] and not target[2] else None,
            translation_id=translation.pk if translation and translation.enabled else None,
            source_id=source.pk if source else None,
            **extra,
        )

    def page_rows(self):
        pages = list(
            Page.objects.filter(locale=self.source_locale, depth__gt=1, alias_of__isnull=True)
            .order_by("path")
            .values(
                "pk",
                "title",
                "path",
                "depth",
                "translation_key",
                "content_type_id",
                "live",
                "last_published_at",
                "latest_revision_created_at",
            )
        )
        targets = self._targets(
            Page.objects.filter(
                translation_key__in=Page.objects.filter(locale=self.source_locale).values(
                    "translation_key"
                )
            )
        )
        section_objects = {section.path: section for section in sections(self.source_locale)}
        rows = []
        for page in pages:
            page["changed_at"] = (
                page["last_published_at"] if page["live"] else page["latest_revision_created_at"]
            )
            section = section_objects.get(page["path"][: 3 * Page.steplen])
            content_type = ContentType.objects.get_for_id(page["content_type_id"])
            for locale in self.target_locales:
                self._set_locale(locale)
                target = targets.get((page["translation_key"], locale.pk), (None, None, None))
                rows.append(
                    self._row(content_type, page, target, True, path=page["path"], section=section)
                )
        return rows

    def snippet_rows(self):
        rows = []
        for model in translatable_snippet_models():
            content_type = ContentType.objects.get_for_model(model)
            queryset = model.objects.filter(locale=self.source_locale)
            if issubclass(model, RevisionMixin):
                queryset = queryset.annotate(_revision_at=F("latest_revision__created_at"))
            instances = sorted(queryset, key=lambda obj: (str(obj).lower(), obj.pk))
            targets = self._targets(
                model.objects.filter(
                    translation_key__in=model.objects.filter(locale=self.source_locale).values(
                        "translation_key"
                    )
                )
            )
            for instance in instances:
                values = {
                    "pk": instance.pk,
                    "title": str(instance),
                    "translation_key": instance.translation_key,
                }
                if isinstance(instance, DraftStateMixin):
                    values["changed_at"] = (
                        instance.last_published_at if instance.live else instance._revision_at
                    )
                elif isinstance(instance, RevisionMixin):
                    values["changed_at"] = instance._revision_at
                else:
                    source = self.sources.get(instance.translation_key)
                    values["changed"] = bool(
                        source and json.loads(source.content_json) != serialised(instance)
                    )
                for locale in self.target_locales:
                    self._set_locale(locale)
                    target = targets.get((instance.translation_key, locale.pk), (None, None, None))
                    rows.append(self._row(content_type, values, target, False))
        return rows

    def rows(self):
        return self.page_rows() + self.snippet_rows()

    def _set_locale(self, locale):
        self._locale = locale
        self._locale_id = locale.pk

    def _targets(self, queryset):
        fields = ["translation_key", "locale_id", "pk"]
        model = queryset.model
        has_live = issubclass(model, DraftStateMixin) or issubclass(model, Page)
        if has_live:
            fields.append("live")
        if issubclass(model, Page):
            fields.append("alias_of_id")
        result = {}
        for values in queryset.filter(
            locale__in=[locale.pk for locale in self.target_locales]
        ).values(*fields):
            result[(values["translation_key"], values["locale_id"])] = (
                values["pk"],
                values.get("live", True),
                values.get("alias_of_id"),
            )
        return result


def add_progress(rows):
    """Set `row.progress` to (translated, total) string segments for rows with a translation.

    Two queries for any number of rows: the segments of their sources and the translations
    of those strings in the rows' locales.
    """
    wanted = [row for row in rows if row.translation_id]
    if not wanted:
        return rows
    source_ids = {row.source_id for row in wanted}
    segments = defaultdict(list)
    for segment in StringSegment.objects.filter(source_id__in=source_ids).values(
        "source_id", "string_id", "context_id"
    ):
        segments[segment["source_id"]].append((segment["string_id"], segment["context_id"]))
    translated = set(
        StringTranslation.objects.filter(
            context__object_id__in={row.translation_key for row in wanted},
            locale_id__in={row.locale.pk for row in wanted},
            has_error=False,
        ).values_list("translation_of_id", "context_id", "locale_id")
    )
    for row in wanted:
        required = segments[row.source_id]
        done = sum(
            1 for string, context in required if (string, context, row.locale.pk) in translated
        )
        row.progress = (done, len(required))
    return rows
