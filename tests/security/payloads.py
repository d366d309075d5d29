"""Building the payload site: one row of every model of the project's apps, every text
field and every block of every StreamField filled with a script payload (test_payloads.py).
"""

import json
from collections import deque
from importlib import import_module

from django.apps import apps
from django.db import models

from wagtail import blocks
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.fields import RichTextField, StreamField
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Page
from wagtail.rich_text import features as feature_registry
from wagtail.snippets.blocks import SnippetChooserBlock

import factory

from home.models import HomePage

PROJECT_APPS = ["portal", "quotes", "home", "clusters", "locations", "events"]
# Facts parsed by code, not shown as text; a payload there is refused by the admin's form.
NOT_TEXT = {
    ("locations.LocationPage", "location"): "map point, parsed as coordinates",
    ("events.EventPage", "location"): "map point, parsed as coordinates",
    ("events.EventPage", "recurrence_rule"): "RRULE, parsed",
    ("events.EventPage", "exception_dates"): "list of dates, parsed",
}
# Page fields every page type has and shows.
PAGE_FIELDS = ["title", "draft_title", "seo_title", "search_description"]
MAX_URLS = 250
# Marker in every payload, so that the output can be traced back to the field it came from.
MARK = "alert"


class Payloads:
    """Numbered payloads: `alert(N)` in the output names the field that put it there."""

    def __init__(self, javascript_urls=False):
        self.fields = {}
        self.javascript_urls = javascript_urls

    def number(self, label):
        self.fields.setdefault(label, len(self.fields) + 1)
        return self.fields[label]

    def text(self, label, max_length=None):
        n = self.number(label)
        candidates = [
            f'<script>{MARK}({n})</script>"><img src=x onerror={MARK}({n})>',
            f'"><img src=x onerror={MARK}({n})>',
            f"<svg onload={MARK}({n})>",
            f"<b onclick={MARK}({n})>",
        ]
        for candidate in candidates:
            if max_length is None or len(candidate) <= max_length:
                return candidate
        return None

    def url(self, label):
        """A URL the admin accepts with the payload in its query, or a `javascript:` URL."""
        n = self.number(label)
        if self.javascript_urls:
            return f"javascript:{MARK}({n})"
        return f'https://example.org/?q="><script>{MARK}({n})</script>'

    def rich_text(self, label, features=None):
        """Rich text as the admin's editor stores it: the payload typed in, plus a link."""
        n = self.number(label)
        text = f'<script>{MARK}({n})</script>"><img src=x onerror={MARK}({n})> Link'
        contentstate = {
            "blocks": [
                {
                    "key": "a1b2c",
                    "type": "unstyled",
                    "text": text,
                    "depth": 0,
                    "inlineStyleRanges": [],
                    "entityRanges": [{"offset": len(text) - 4, "length": 4, "key": 0}],
                    "data": {},
                }
            ],
            "entityMap": {
                "0": {
                    "type": "LINK",
                    "mutability": "MUTABLE",
                    "data": {"url": f"javascript:{MARK}({n})"},
                }
            },
        }
        features = features or feature_registry.get_default_features()
        return ContentstateConverter(features).to_database_format(json.dumps(contentstate))


class UnknownBlock(Exception):
    pass


class SkipBlock(Exception):
    pass


class StreamFiller:
    """Raw stream data with every block type of a stream block, payloads in every text."""

    def __init__(self, payloads, references):
        self.payloads = payloads
        self.references = references

    def raw(self, block, label):
        label = f"{label}.{block.name}" if block.name else label
        if isinstance(block, blocks.StreamBlock):
            stream = []
            for name, child in block.child_blocks.items():
                try:
                    stream.append({"type": name, "value": self.raw(child, label)})
                except SkipBlock:
                    continue
            return stream
        if isinstance(block, blocks.ListBlock):
            return [self.raw(block.child_block, label)]
        if isinstance(block, blocks.StructBlock):
            value = {}
            for name, child in block.child_blocks.items():
                value[name] = self.raw(child, label)
            return value
        if isinstance(block, EmbedBlock):
            return self.embed(block, label)
        if isinstance(block, TableBlock):
            cell = self.payloads.text(label)
            return {
                "first_row_is_table_header": True,
                "first_col_is_header": True,
                "table_caption": cell,
                "data": [[cell, cell], [cell, cell]],
            }
        if isinstance(block, blocks.RichTextBlock):
            return self.payloads.rich_text(label, block.features)
        if isinstance(block, blocks.URLBlock):
            return self.payloads.url(label)
        if isinstance(block, (blocks.CharBlock, blocks.TextBlock, blocks.EmailBlock)):
            return self.payloads.text(label, block.field.max_length)
        if isinstance(block, blocks.ChoiceBlock):
            return block.field.choices[-1][0]
        if isinstance(block, blocks.BooleanBlock):
            return True
        if isinstance(block, (blocks.IntegerBlock, blocks.DecimalBlock, blocks.FloatBlock)):
            return 1
        if isinstance(block, blocks.DateBlock):
            return "2027-03-01"
        if isinstance(block, blocks.PageChooserBlock):
            return self.references["page"].pk
        if isinstance(block, ImageChooserBlock):
            return self.references["image"].pk
        if isinstance(block, DocumentChooserBlock):
            return self.references["document"].pk
        if isinstance(block, SnippetChooserBlock):
            instance = block.target_model.objects.first()
            if instance is None:
                raise SkipBlock
            return instance.pk
        if isinstance(block, blocks.StaticBlock):
            return None
        raise UnknownBlock(f"{label}: teach the payload test about {type(block).__name__}")

    def embed(self, block, label):
        """An embed as Wagtail stores it after asking the provider, which is not asked here."""
        url = f"https://www.youtube.com/watch?v=payload{self.payloads.number(label)}"
        text = self.payloads.text(label, 255)
        max_width = getattr(block.meta, "max_width", None)
        max_height = getattr(block.meta, "max_height", None)
        Embed.objects.update_or_create(
            hash=get_embed_hash(url, max_width, max_height),
            defaults={
                "url": url,
                "max_width": max_width,
                "type": "video",
                "html": '<iframe src="https://www.youtube-nocookie.com/embed/x"></iframe>',
                "title": text,
                "author_name": text,
                "provider_name": text,
                "thumbnail_url": self.payloads.url(label),
            },
        )
        return url


def project_models():
    for app_label in PROJECT_APPS:
        yield from apps.get_app_config(app_label).get_models()


def factories_by_model():
    found = {}
    for app_label in PROJECT_APPS:
        try:
            module = import_module(f"{app_label}.factories")
        except ModuleNotFoundError:
            continue
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, factory.base.Factory):
                model = getattr(value._meta, "model", None)
                if isinstance(model, type) and issubclass(model, models.Model):
                    found.setdefault(model, value)
    return found


def build_one_of_everything(home):
    """One live page of every page type under a parent it allows, and one row per factory."""
    factories = factories_by_model()
    page_models = [
        model
        for model in project_models()
        if issubclass(model, Page) and not model._meta.abstract and model is not HomePage
    ]
    missing = [model._meta.label for model in page_models if model not in factories]
    assert not missing, f"page types without a factory: {missing}"

    pages = {HomePage: home}
    pending = deque(page_models)
    stalled = 0
    while pending and stalled <= len(pending):
        model = pending.popleft()
        parent = next(
            (pages[parent] for parent in model.allowed_parent_page_models() if parent in pages),
            None,
        )
        if parent is None:
            pending.append(model)
            stalled += 1
            continue
        stalled = 0
        pages[model] = factories[model](parent=parent)
    assert not pending, f"no parent page for: {[model._meta.label for model in pending]}"

    for model, model_factory in factories.items():
        if issubclass(model, Page) or model._meta.label not in {
            m._meta.label for m in project_models()
        }:
            continue
        kwargs = {}
        for field in model._meta.concrete_fields:
            related = field.related_model
            if field.is_relation and related is not None and issubclass(related, Page):
                target = pages.get(related) or next(
                    (page for cls, page in pages.items() if issubclass(cls, related)), None
                )
                if target is not None:
                    kwargs[field.name] = target
        model_factory(**kwargs)
    return pages


def is_text_field(field):
    return (
        isinstance(field, (models.CharField, models.TextField))
        and not isinstance(field, models.SlugField)
        and not field.choices
    )


def fill_with_payloads(payloads, references):
    """Every text field and stream of every row of the project's models, payloads in."""
    filler = StreamFiller(payloads, references)
    for model in project_models():
        if model._meta.abstract or model._meta.proxy:
            continue
        own_fields = [
            field
            for field in model._meta.concrete_fields
            if field.model._meta.app_label in PROJECT_APPS
            or (issubclass(model, Page) and field.name in PAGE_FIELDS)
        ]
        for instance in model.objects.all():
            if isinstance(instance, Page):
                instance = instance.specific
            changed = []
            for field in own_fields:
                label = f"{model._meta.label}.{field.name}"
                if (model._meta.label, field.name) in NOT_TEXT:
                    continue
                if isinstance(field, StreamField):
                    raw = filler.raw(field.stream_block, label)
                    setattr(instance, field.name, raw)
                elif isinstance(field, RichTextField):
                    setattr(instance, field.name, payloads.rich_text(label, field.features))
                elif isinstance(field, models.URLField):
                    setattr(instance, field.name, payloads.url(label))
                elif is_text_field(field):
                    value = payloads.text(label, field.max_length)
                    if value is None:
                        continue
                    setattr(instance, field.name, value)
                else:
                    continue
                changed.append(field.name)
            if changed:
                if isinstance(instance, Page):
                    # Page.save() validates URLs as the admin does; imports do not.
                    instance.save(clean=False)
                else:
                    instance.save()
