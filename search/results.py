"""What the search page shows about a result: its type label and an excerpt."""

import re
from collections.abc import Mapping

from django.utils import timezone
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import pgettext_lazy

from portal import search_types

EXCERPT_LENGTH = 220

# The type of every page that is of no registered type.
OTHER_TYPE = "page"
OTHER_LABEL = pgettext_lazy("search result type", "Page")


class TypeLabels(Mapping):
    """The type filters, in the order the page lists them: key (the `type` GET value) →
    label. The domain apps' types come from the registry (portal/search_types.py), read
    when used, then the search's own type for every other page."""

    def _labels(self):
        labels = {search_type.key: search_type.label for search_type in search_types.registered()}
        labels[OTHER_TYPE] = OTHER_LABEL
        return labels

    def __getitem__(self, key):
        return self._labels()[key]

    def __iter__(self):
        return iter(self._labels())

    def __len__(self):
        return len(self._labels())


TYPE_LABELS = TypeLabels()


def type_of(page):
    """The registered type of a (specific) page, or None for any other page."""
    for search_type in search_types.in_matching_order():
        if search_type.matches(page):
            return search_type
    return None


def type_key(page):
    """The type filter key of a (specific) page."""
    search_type = type_of(page)
    return search_type.key if search_type else OTHER_TYPE


def is_upcoming(page, now=None):
    """Whether a (specific) page is still ahead (an event that has not ended yet)."""
    search_type = type_of(page)
    if search_type is None or search_type.upcoming is None:
        return False
    return search_type.upcoming.test(page, now or timezone.now())


def plain_text(page):
    for name in ("search_description", "summary", "intro", "documentation_summary"):
        value = getattr(page, name, "") or ""
        text = " ".join(strip_tags(str(value)).split())
        if text:
            return text
    return ""


def query_terms(query):
    return [term for term in re.findall(r"\w+", query) if len(term) > 1][:10]


def excerpt(page, query):
    """A short plain-text excerpt around the first hit with the query's words in <mark>."""
    text = plain_text(page)
    if not text:
        return ""
    terms = query_terms(query)
    # Words starting with a query term: "Cluster" also marks "Clustern" (German endings).
    pattern = (
        re.compile(r"\b(?:" + "|".join(re.escape(t) for t in terms) + r")\w*", re.IGNORECASE)
        if terms
        else None
    )
    if pattern and (match := pattern.search(text)) and match.start() > EXCERPT_LENGTH // 2:
        start = text.rfind(" ", 0, match.start() - EXCERPT_LENGTH // 3) + 1
        text = "… " + text[start:]
    text = Truncator(text).chars(EXCERPT_LENGTH)
    if not pattern:
        return escape(text)
    parts, last = [], 0
    for match in pattern.finditer(text):
        parts.append(escape(text[last : match.start()]))
        parts.append(f"<mark>{escape(match.group(0))}</mark>")
        last = match.end()
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))  # noqa: S308 - every piece is escaped above


def annotate(results, query):
    for page in results:
        page.search_type = type_key(page)
        page.search_type_label = TYPE_LABELS[page.search_type]
        page.search_excerpt = excerpt(page, query)
        page.search_upcoming = is_upcoming(page)
    return results
