"""Template tags for the portal's layout: language switcher, hreflang, menus, footer."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.http import urlencode

from wagtail.models import Page
from wagtail.whitelist import check_url

from home.localization import fallback_language, localize_pages, localized_url
from home.models import PortalSettings

register = template.Library()


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
        translations = {
            p.locale.language_code: p
            for p in page.get_translations(inclusive=True).live().select_related("locale")
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


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    request = context["request"]
    portal_settings = PortalSettings.for_request(request)
    items = list(portal_settings.main_menu_items.select_related("page"))
    pages = [p for p in localize_pages([item.page for item in items]) if p.live]
    current = context.get("page")
    current_path = getattr(current, "path", "")
    return {
        "menu_pages": [
            {
                "page": p,
                "url": localized_url(p, request),
                "active": current_path.startswith(p.path),
            }
            for p in pages
        ],
    }


@register.inclusion_tag("includes/footer.html", takes_context=True)
def site_footer(context):
    request = context["request"]
    portal_settings = PortalSettings.for_request(request)
    links = list(portal_settings.footer_links.select_related("page"))
    pages = [p for p in localize_pages([link.page for link in links]) if p.live]
    return {
        "request": request,
        "portal_settings": portal_settings,
        "footer_pages": [{"page": p, "url": localized_url(p, request)} for p in pages],
        "social_links": list(portal_settings.social_links.all()),
    }


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
