"""Text that pages show from other records, gathered for their search index entry.

A quote is written once as a snippet and shown on cluster pages, on the home page and in any
body through the "Quote" block; a cluster's key figures live in child rows. Visitors search
for what they read on the page, so these texts are indexed with the page that shows them
(``index.SearchField`` on the helper methods of the page models), in the page's language.
"""

from django.utils import translation


def page_language(page):
    locale = getattr(page, "locale", None)
    return locale.language_code if locale is not None else translation.get_language()


def chosen_quote_ids(stream_value):
    """Ids of the quote snippets chosen in a StreamField (top-level `quote_snippet` blocks)."""
    return [
        item["value"]
        for item in stream_value.raw_data
        if item.get("type") == "quote_snippet" and item.get("value")
    ]


def quotes_text(page, pks=()):
    """Text, name, role and organisation of the live quotes ``page`` shows, in one string.

    Each quote is taken in the page's language where a live translation exists, else in the
    source language, as the page itself shows it. No query for a page without quotes (most
    pages), three at most however many quotes.
    """
    from clusters.models import Quote  # the clusters app imports the page models' modules

    if not pks:
        return ""
    keys = set(Quote.objects.filter(pk__in=pks).values_list("translation_key", flat=True))
    language = page_language(page)
    chosen = {}
    for quote in Quote.objects.filter(live=True, translation_key__in=keys).select_related("locale"):
        current = chosen.get(quote.translation_key)
        if current is None or quote.locale.language_code == language:
            chosen[quote.translation_key] = quote
    parts = []
    for quote in chosen.values():
        parts.extend([quote.text, quote.full_name, quote.role, quote.organisation])
    return " ".join(part for part in parts if part)


def key_figures_text(figures, language):
    """Label (or the kind's name), value, unit, year and source of a cluster's key figures.

    The kind's name is translated into the page's language, whatever language the editor
    who publishes the page uses in the admin.
    """
    parts = []
    with translation.override(language):
        for figure in figures:
            value = figure.value.normalize() if figure.value is not None else ""
            parts.extend(
                [
                    str(figure.display_label),
                    f"{value:f}" if value != "" else "",
                    figure.unit,
                    str(figure.year or ""),
                    figure.source,
                ]
            )
    return " ".join(part for part in parts if part)
