"""The search-engine and social-media tags of every page's <head> (docs/seo.md).

``{% seo_meta languages %}`` renders ``seo/templates/seo/meta.html``: description, canonical URL,
hreflang alternates with x-default, Open Graph and Twitter cards, all from page fields.
``{% seo_robots %}`` marks filtered and paginated list addresses noindex.
"""

from django import template
from django.conf import settings
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from wagtail.images.models import SourceImageIOError
from wagtail.models import Page

from pagecache.conf import TRACKING_PARAMS, TRACKING_PREFIXES
from portal.localization import FALLBACK_PARAMETER

register = template.Library()

NOINDEX = '<meta name="robots" content="noindex, follow">'

DESCRIPTION_LENGTH = 300
# Open Graph's recommended size; wide enough for "summary_large_image" cards.
SHARE_IMAGE_FILTER = "fill-1200x630"
# Page fields that hold a picture worth sharing, best first, with their alt text field.
SHARE_IMAGE_FIELDS = [("hero_image", "hero_alt_text"), ("teaser_image", "teaser_alt_text")]
SHARE_IMAGE_FIELDS += [("image", None)]
# Query parameters that do not make a different page: the language a link came from
# (`?from=en`, see home/localization.py) and analytics campaign parameters.
NEUTRAL_PARAMS = frozenset({FALLBACK_PARAMETER}) | TRACKING_PARAMS
# The home page and the lists are "website"s; a cluster, site, event or text is an "article".
WEBSITE_PAGE_TYPES = frozenset(
    {
        "home.homepage",
        "clusters.clusterindexpage",
        "locations.locationindexpage",
        "events.eventindexpage",
    }
)
# Open Graph names a locale with its territory.
OG_TERRITORIES = {"de": "de_DE", "en": "en_GB", "cs": "cs_CZ", "pl": "pl_PL"}


def og_locale(code):
    return OG_TERRITORIES.get(code, f"{code}_{code.upper()}")


def page_description(page):
    """The search description, else the page's summary or intro as plain text."""
    for name in ("search_description", "summary", "intro"):
        value = getattr(page, name, None)
        if value:
            text = " ".join(strip_tags(str(value)).split())
            if text:
                return Truncator(text).chars(DESCRIPTION_LENGTH)
    return ""


def share_image(page, context):
    """The picture and its alt text for social cards, or (None, "")."""
    for field, alt_field in SHARE_IMAGE_FIELDS:
        if getattr(page, f"{field}_id", None):
            image = getattr(page, field)
            alt = getattr(page, alt_field, "") if alt_field else ""
            return image, alt or getattr(image, "description", "")
    # Location pages have a gallery; their context already holds it.
    gallery = context.get("gallery")
    if gallery:
        image = gallery[0].image
        return image, getattr(image, "description", "")
    return None, ""


def share_image_data(request, page, context):
    """Absolute URL, size and alt text of the shared picture's rendition, or None."""
    if context.get("og_image"):
        # Cluster pages prepare it in get_context (clusters/models/cluster.py).
        return context["og_image"]
    image, alt = share_image(page, context)
    if image is None or image.is_svg():
        # Social networks do not show SVG previews.
        return None
    try:
        rendition = image.get_rendition(SHARE_IMAGE_FILTER)
    except SourceImageIOError:
        return None
    return {
        "url": request.build_absolute_uri(rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": alt,
    }


def canonical_url(request, page):
    """This address without its query string; an alias points at its original page.

    Filtered and paginated list addresses therefore name the unfiltered list (and carry
    noindex, see ``seo_robots``); routable sub-pages (a pool's map) keep their own path.
    """
    if page.alias_of_id:
        original = page.alias_of
        url = original.get_url(request) if original.live else None
        if url:
            return request.build_absolute_uri(url)
    return request.build_absolute_uri(request.path)


def has_distinct_query(request):
    for name in request.GET:
        if name in NEUTRAL_PARAMS or name.startswith(TRACKING_PREFIXES):
            continue
        return True
    return False


@register.inclusion_tag("seo/meta.html", takes_context=True)
def seo_meta(context, languages=()):
    """The <head> tags of a page; ``languages`` comes from ``{% language_links %}``."""
    request = context.get("request")
    page = context.get("page")
    current = context.get("LANGUAGE_CODE") or settings.LANGUAGE_CODE
    # Real translations only (a fallback to another language's home page is not one); the
    # x-default alternate is declared in the sitemaps, which search engines read as well.
    alternates = [language for language in languages if language["is_translation"]]
    data = {"alternates": alternates, "is_page": False}
    if request is None or not isinstance(page, Page):
        # Search and error pages: no canonical or social tags, only the alternates.
        return data
    site = context.get("current_site")
    site_name = getattr(site, "site_name", "") or getattr(settings, "WAGTAIL_SITE_NAME", "")
    image = share_image_data(request, page, context)
    data.update(
        {
            "is_page": True,
            "title": page.seo_title or page.title,
            "description": page_description(page),
            "canonical": canonical_url(request, page),
            "og_type": "website" if _label(page) in WEBSITE_PAGE_TYPES else "article",
            "og_locale": og_locale(current),
            "og_locale_alternates": [
                og_locale(a["code"]) for a in alternates if a["code"] != current
            ],
            "site_name": site_name,
            "image": image,
        }
    )
    return data


def _label(page):
    return page.specific_class._meta.label_lower if page.specific_class else ""


@register.simple_tag(takes_context=True)
def seo_robots(context):
    """noindex, follow for a page whose address has filters or a page number in it."""
    request = context.get("request")
    page = context.get("page")
    if request is None or not isinstance(page, Page) or not has_distinct_query(request):
        return ""
    return mark_safe(NOINDEX)


@register.simple_tag
def noindex_tag():
    return mark_safe(NOINDEX)
