"""sitemap.xml, the per-language sitemaps and robots.txt (docs/seo.md)."""

from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views
from django.http import Http404, HttpResponse
from django.urls import reverse, translate_url
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from wagtail.models import get_page_models

from pagecache import tags as pagecache_tags

from .sitemaps import locale_sitemaps

# Crawlers and clients may keep these for a while; the page cache purges its copy on publish.
MAX_AGE = 60 * 60


def _list_every_page_type():
    """Tag the response with the list tag of every page type instead of one tag per page.

    A sitemap shows every page of a language: any publish, unpublish, move or restriction
    change must purge it, and 50,000 page tags would exceed what the page cache stores.
    """
    collector = pagecache_tags.current()
    if collector is not None:
        labels = {"wagtailcore.page"} | {model._meta.label_lower for model in get_page_models()}
        collector.add_lists(sorted(labels))


@require_safe
def sitemap_index(request):
    _list_every_page_type()
    response = sitemap_views.index(
        request, locale_sitemaps(request), sitemap_url_name="seo_sitemap"
    )
    patch_cache_control(response, max_age=MAX_AGE)
    return response


@require_safe
def sitemap(request, section):
    _list_every_page_type()
    sitemaps = locale_sitemaps(request)
    if section not in sitemaps:
        raise Http404("No sitemap for this language")
    response = sitemap_views.sitemap(request, sitemaps, section=section)
    patch_cache_control(response, max_age=MAX_AGE)
    return response


def disallowed_paths():
    """The search result pages and the autocomplete of every language, and the admin.

    Search results are endless combinations of a query with the pages they list; the API
    answers are data for programs, not pages for search engines.
    """
    paths = ["/admin/", "/django-admin/", "/api/v2/"]
    search = reverse("search")
    suggest = reverse("search_autocomplete")
    for code, _name in settings.LANGUAGES:
        for path in (search, suggest):
            translated = translate_url(path, code)
            if translated not in paths:
                paths.append(translated)
    return paths


@require_safe
def robots_txt(request):
    lines = ["User-agent: *", "Allow: /"]
    lines += [f"Disallow: {path}" for path in disallowed_paths()]
    lines += ["", f"Sitemap: {request.build_absolute_uri(reverse('seo_sitemap_index'))}", ""]
    response = HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
    patch_cache_control(response, max_age=MAX_AGE)
    return response
