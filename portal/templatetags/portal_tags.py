"""Template tags for the portal's layout: language switcher, hreflang, menus, footer."""

import json
import logging

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.template.loader import render_to_string
from django.urls import translate_url
from django.utils import timezone, translation
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.safestring import mark_safe

from wagtail.images.models import SourceImageIOError
from wagtail.models import Page, Site
from wagtail.whitelist import check_url

from portal import caching
from portal.localization import fallback_language, localize_pages, localized_url
from portal.models import PortalSettings

# The site's name where no Site names one (a fresh database, tests).
DEFAULT_SITE_NAME = "Metropolregion Mitteldeutschland"

register = template.Library()
logger = logging.getLogger(__name__)

# The characters that could end the <script> element or open a comment, escaped as in
# Django's `json_script`, so a quote containing "</script>" cannot break out of it.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def json_ld(data):
    """`{{ quote.structured_data|json_ld }}`: a schema.org JSON-LD script element."""
    if not data:
        return ""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(
        JSON_SCRIPT_ESCAPES
    )
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


@register.simple_tag(takes_context=True)
def language_links(context):
    """One entry per language: the current page's translation, else that language's home.

    Each entry has `code`, `name` (in its own language), `url`, `is_current` and
    `is_translation` (False when the link falls back to the home page, so hreflang
    alternates are only given for real translations).
    """
    request = context.get("request")
    if request is None:
        return []
    page = context.get("page")
    current = translation.get_language()
    translations = {}
    if isinstance(page, Page) and page.pk:
        # Plain pages with the few columns a URL needs: the specific rows of an event or a
        # site are wide, and this runs on every page.
        translations = {
            p.locale.language_code: p
            for p in Page.objects.live()
            .filter(translation_key=page.translation_key)
            .select_related("locale")
            .only("id", "path", "depth", "url_path", "locale__language_code")
        }
    links = []
    for code, _name in settings.LANGUAGES:
        target = translations.get(code)
        url = None
        is_translation = target is not None
        if target is not None:
            url = target.get_url(request)
        elif context.get("translatable_view"):
            # Django views under i18n_patterns (search) exist in every language; they pass
            # the query parameters worth keeping, already cleaned and capped.
            url = translate_url(request.path, code)
            if context.get("translatable_query"):
                url = f"{url}?{urlencode(context['translatable_query'])}"
            is_translation = True
        if not url:
            # Every language's home page answers at its prefix (a site root that is not yet
            # translated is served in the source language there).
            url = f"/{code}/"
        with translation.override(code):
            own_name = translation.gettext(dict(settings.LANGUAGES)[code])
        links.append(
            {
                "code": code,
                "name": own_name,
                "url": url,
                "absolute_url": request.build_absolute_uri(url),
                "is_current": code == current,
                "is_translation": is_translation,
            }
        )
    return links


def _layout_parts(request):
    """What the shared layout depends on besides the objects it loads: the host and port the
    site is found by, and the language."""
    return (*caching.host_parts(request), translation.get_language() or "")


def _footer_parts(request):
    return (*_layout_parts(request), timezone.localdate().year)


def layout_fragments(request):
    """The layout fragments of every page (``PAGECACHE_LAYOUT_FRAGMENTS``): the site's
    middleware looks them up with the Site in one cache call."""
    parts = _layout_parts(request)
    return [("site_brand", parts), ("main_menu", parts), ("site_footer", _footer_parts(request))]


def _portal_settings(request):
    """The site's settings, tagged on the fragment being computed: Wagtail keeps them on the
    request, so a fragment computed after another part of the page used them sees no load."""
    portal_settings = PortalSettings.for_request(request)
    caching.record_object(PortalSettings, portal_settings.pk)
    return portal_settings


def _menu_entries(request):
    portal_settings = _portal_settings(request)
    items = list(portal_settings.main_menu_items.select_related("page"))
    pages = [p for p in localize_pages([item.page for item in items]) if p.live]
    return [{"title": p.title, "url": localized_url(p, request), "path": p.path} for p in pages]


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """The main menu; its entries come from the layout cache (`portal.caching`)."""
    request = context["request"]
    entries = caching.cached("main_menu", _layout_parts(request), lambda: _menu_entries(request))
    current_path = getattr(context.get("page"), "path", "")
    return {
        "menu_pages": [
            dict(entry, active=current_path.startswith(entry["path"])) for entry in entries
        ],
    }


def _footer_html(request):
    portal_settings = _portal_settings(request)
    links = list(portal_settings.footer_links.select_related("page"))
    pages = [p for p in localize_pages([link.page for link in links]) if p.live]
    return render_to_string(
        "includes/footer.html",
        {
            "portal_settings": portal_settings,
            "footer_pages": [{"page": p, "url": localized_url(p, request)} for p in pages],
            "social_links": list(portal_settings.social_links.all()),
            "year": timezone.localdate().year,
        },
    )


@register.simple_tag(takes_context=True)
def site_footer(context):
    """The footer, rendered once per site, language and year (`portal.caching`)."""
    request = context["request"]
    return mark_safe(
        caching.cached("site_footer", _footer_parts(request), lambda: _footer_html(request))
    )


def _brand_html(request, site):
    site_name = (site.site_name if site else "") or DEFAULT_SITE_NAME
    logo = _portal_settings(request).logo
    if logo is not None:
        caching.record_object(type(logo), logo.pk)
        try:
            rendition = logo.get_rendition("height-56")
        except SourceImageIOError:
            # The file is gone from the storage: show the name rather than a broken image.
            logger.warning("Logo image %s has no file", logo.pk)
        else:
            return rendition.img_tag({"class": "brand__logo", "alt": site_name})
    return format_html('<span class="brand__name">{}</span>', site_name)


@register.simple_tag(takes_context=True)
def site_brand(context):
    """The header's logo (or the site's name), rendered once per site and language."""
    request = context["request"]
    site = Site.find_for_request(request)
    return mark_safe(
        caching.cached("site_brand", _layout_parts(request), lambda: _brand_html(request, site))
    )


@register.simple_tag(takes_context=True)
def link_block_url(context, value):
    """The URL of a call-to-action's link (``LinkStructValue``), resolved with the request."""
    return value.url_for(context.get("request"))


@register.simple_tag(takes_context=True)
def localized_pageurl(context, page):
    """`{% pageurl %}` for a page from `localize_pages`: marks a fallback to the source."""
    return localized_url(page, context.get("request"))


@register.inclusion_tag("includes/language_fallback_notice.html", takes_context=True)
def language_fallback_notice(context):
    """A note, in the visitor's language, that this page is not translated into it yet.

    Shown when a link from the visitor's language fell back to this page (`?from=en`).
    """
    request = context.get("request")
    page = context.get("page")
    page_language = translation.get_language()
    code = fallback_language(request, page_language) if isinstance(page, Page) else None
    if code is None:
        return {"visitor_language": None}
    names = dict(settings.LANGUAGES)
    with translation.override(code):
        page_language_name = translation.gettext(names[page_language])
    return {
        "visitor_language": code,
        "page_language_name": page_language_name,
        "visitor_home_url": f"/{code}/",
    }


@register.filter
def safe_url(value):
    """The URL if its scheme is harmless (http(s), mailto, tel, relative), else "".

    Model URL fields are validated by the admin forms, but translation overrides and
    imports can store values that never passed a form; links must not become scripts.
    """
    return check_url(str(value or "")) or ""
