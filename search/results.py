"""What the search page shows about a result: its type label and an excerpt."""

import re

from django.utils import timezone
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import pgettext_lazy

from clusters.models import ClusterPage
from events.models import EventPage
from locations.models import Kind, LocationPage

EXCERPT_LENGTH = 220

# The type filters, in the order the page lists them. Keys are the `type` GET values.
TYPE_LABELS = {
    "cluster": pgettext_lazy("search result type", "Cluster"),
    "site": pgettext_lazy("search result type", "Commercial site"),
    "hall": pgettext_lazy("search result type", "Hall property"),
    "event": pgettext_lazy("search result type", "Event"),
    "page": pgettext_lazy("search result type", "Page"),
}


def type_key(page):
    """The type filter key of a (specific) page."""
    if isinstance(page, ClusterPage):
        return "cluster"
    if isinstance(page, LocationPage):
        return "hall" if page.kind == Kind.HALL else "site"
    if isinstance(page, EventPage):
        return "event"
    return "page"


def is_upcoming(page, now=None):
    if not isinstance(page, EventPage):
        return False
    end = page.end or page.start
    return end is not None and end >= (now or timezone.now())


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
