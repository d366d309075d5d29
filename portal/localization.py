"""Helpers that pick the active locale's version of pages and snippets in bulk.

Templates must not call `page.localized` once per item: that is one query per teaser. These
helpers resolve a whole list in one query, so a page's query count stays fixed however many
items it shows.
"""

import contextlib

from django.conf import settings
from django.utils import translation
from django.utils.http import urlencode

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page

from . import caching

# Query parameter on a link that falls back to the source page because the visitor's
# language has no translation yet; the page then tells the visitor so, in their language.
FALLBACK_PARAMETER = "from"


def active_locale():
    """The Locale of the active language, falling back to the default (German) one."""
    return Locale.get_active()


def display_language_codes():
    """The language codes whose content may be shown: the active one and the source (German).

    Computed from the settings, without the two Locale queries of `Locale.get_active()` and
    `Locale.get_default()`: callers filter on `locale__language_code__in`, where a code that
    has no Locale simply matches nothing.
    """
    codes = {get_supported_content_language_variant(settings.LANGUAGE_CODE)}
    with contextlib.suppress(LookupError):
        codes.add(get_supported_content_language_variant(translation.get_language()))
    return codes


def page_language(page):
    """The language code of `page` (or of any translatable object), else the active one."""
    locale = getattr(page, "locale", None)
    return locale.language_code if locale is not None else translation.get_language()


def localize_pages(pages):
    """Return each page's live translation in the active locale, or the page itself.

    `pages` may contain None (an unset chooser); the result keeps positions, so callers can
    unpack it. One query for the whole list. A page returned in another language than the
    active one carries `fallback_from` (the active language), which `localized_url` turns
    into a link that makes the page show a note.
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
    localized = []
    for page in pages:
        if page is not None:
            chosen = translations.get(page.translation_key)
            if chosen is None:
                # Not live in the active language (a page already in that language would
                # have been found by the query above): the source stands in for it.
                page.fallback_from = language
                chosen = page
            page = chosen
        localized.append(page)
    return localized


def localized_url(page, request=None):
    """The page's URL; a fallback page's URL carries the visitor's language (see above)."""
    url = page.get_url(request)
    language = getattr(page, "fallback_from", None)
    if url and language:
        url = f"{url}?{urlencode({FALLBACK_PARAMETER: language})}"
    return url


def fallback_language(request, page_language):
    """The language a visitor came from when a link fell back to this page, or None.

    Only configured languages other than the page's own count; anything else in the
    parameter is ignored.
    """
    if request is None:
        return None
    codes = request.GET.getlist(FALLBACK_PARAMETER)
    code = codes[0] if len(codes) == 1 else ""
    if code != page_language and code in dict(settings.LANGUAGES):
        # One of a few values, made by the portal's own links: the page may be cached.
        caching.accept_query(request, [FALLBACK_PARAMETER])
        return code
    return None


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
