"""The vocabulary of the demo data files (`demo/<domain>/content.yaml`) and their reader.

Editors of the demo texts write YAML with a few tags; the loaders get Python values:

* `!text {de: …, en: …}`: one translatable string, the German source and its English
  translation; `!same …` for a name or number that reads the same in both languages.
* `!html [part, …]`: rich text; a part is a paragraph (`!text`) or a bulleted list (a list of
  `!text`). No inline markup, so wagtail-localize offers each paragraph and list item as one
  string and the German and English strings stay in step.
* `!page slug`: a German standard page, by its German slug; `!image key`: a generated image,
  by its key in the home domain's `images`.
* `!decimal "5.20"`: an exact number (areas, prices), never a float.
* `!local 2027-03-28 01:30:00`: a wall-clock time in the site's time zone (`TIME_ZONE`),
  read as an aware datetime.

StreamField values are lists of one-key mappings, block type to block value.
"""

from datetime import datetime
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import NamedTuple

from django.utils import timezone

import yaml


class Text(NamedTuple):
    """One translatable string: the German source and its English translation."""

    de: str
    en: str


class Html(NamedTuple):
    """Rich text: each part is a paragraph (`Text`) or a bulleted list (list of `Text`)."""

    parts: list


class PageRef(NamedTuple):
    """A German standard page, named by its German slug."""

    slug: str


class ImageRef(NamedTuple):
    """A generated image, named by its key in the home domain's `images`."""

    key: str


class Reader(yaml.SafeLoader):
    """PyYAML's safe loader plus the tags above; nothing in a data file can run code."""


def _text(loader, node):
    if isinstance(node, yaml.ScalarNode):
        raise yaml.constructor.ConstructorError(
            None,
            None,
            "!text takes a mapping {de: …, en: …}; use !same for one string",
            node.start_mark,
        )
    value = loader.construct_mapping(node)
    if set(value) != {"de", "en"}:
        raise yaml.constructor.ConstructorError(
            None, None, f"!text needs exactly de and en, not {sorted(value)}", node.start_mark
        )
    return Text(str(value["de"]), str(value["en"]))


def _same(loader, node):
    text = loader.construct_scalar(node)
    return Text(text, text)


def _html(loader, node):
    return Html(loader.construct_sequence(node, deep=True))


Reader.add_constructor("!text", _text)
Reader.add_constructor("!same", _same)
Reader.add_constructor("!html", _html)
Reader.add_constructor("!page", lambda loader, node: PageRef(loader.construct_scalar(node)))
Reader.add_constructor("!image", lambda loader, node: ImageRef(loader.construct_scalar(node)))


def _local(loader, node):
    value = datetime.fromisoformat(loader.construct_scalar(node))
    return timezone.make_aware(value, timezone.get_default_timezone())


Reader.add_constructor("!local", _local)
Reader.add_constructor("!decimal", lambda loader, node: Decimal(loader.construct_scalar(node)))


@cache
def read(path):
    """The content of one data file; read once per process (the loaders never change it)."""
    with Path(path).open(encoding="utf-8") as file:
        return yaml.load(file, Loader=Reader)  # Reader is a SafeLoader: no code runs


def content(module_file):
    """The `content.yaml` beside a loader module (call with `__file__`)."""
    return read(Path(module_file).parent / "content.yaml")
