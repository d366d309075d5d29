"""Helpers that pick the active locale's version of pages and snippets in bulk.

Templates must not call `page.localized` once per item: that is one query per teaser. These
helpers resolve a whole list in one query, so a page's query count stays fixed however many
items it shows.
"""

from django.utils import translation

from wagtail.models import Locale, Page


def active_locale():
    """The Locale of the active language, falling back to the default (German) one."""
    return Locale.get_active()


def localize_pages(pages):
    """Return each page's live translation in the active locale, or the page itself.

    `pages` may contain None (an unset chooser); the result keeps positions, so callers can
    unpack it. One query for the whole list.
    """
    present = [page for page in pages if page is not None]
    if not present:
        return list(pages)
    language = translation.get_language()
    keys = {page.translation_key for page in present}
    translations = {
        page.translation_key: page
        for page in Page.objects.live()
        .filter(translation_key__in=keys, locale__language_code=language)
        .select_related("locale")
    }
    return [
        None if page is None else translations.get(page.translation_key, page) for page in pages
    ]


def prefer_active_locale(objects, default_locale_code=None):
    """Keep one object per translation key: the active locale's, else the source's.

    Used for snippets such as project teasers: a teaser not yet translated into English is
    shown in German rather than left out. `objects` must already be limited to the active
    and default locales and be in display order.
    """
    language = translation.get_language()
    chosen = {}
    for obj in objects:
        current = chosen.get(obj.translation_key)
        if current is None or obj.locale.language_code == language:
            chosen[obj.translation_key] = obj
    return [obj for obj in objects if chosen[obj.translation_key] is obj]
