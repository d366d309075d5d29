"""One sitemap per language, each URL with its hreflang alternates (docs/seo.md).

Wagtail's own sitemap lists the default Site's tree only (the German one) and names no
translations. Here each configured language gets a sitemap of its own tree: the live, public,
non-alias pages of that locale, each with an ``<xhtml:link rel="alternate">`` for every live
public translation and ``x-default`` pointing at the German page.

The query count does not depend on the number of pages: one for the site, one for the
locale's root, the count and the page of items, one for the translations of that page of
items, and one each for the view restrictions that ``public()`` reads.
"""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.utils.functional import cached_property

from wagtail.models import Locale, Page, Site


class LocaleSitemap(Sitemap):
    """The pages of one language tree of the request's Wagtail site."""

    def __init__(self, language_code, request=None):
        self.language_code = language_code
        self.request = request

    @property
    def limit(self):
        return getattr(settings, "SEO_SITEMAP_LIMIT", 50_000)

    # Which pages

    @cached_property
    def site(self):
        site = Site.find_for_request(self.request) if self.request is not None else None
        if site is None:
            site = Site.objects.select_related("root_page").get(is_default_site=True)
        return site

    @cached_property
    def root(self):
        """The site's root page in this language, or None where the tree is not translated.

        An untranslated language's home address shows the German home page; that page is
        listed in the German sitemap, so this language's sitemap stays empty.
        """
        return (
            Page.objects.filter(
                translation_key=self.site.root_page.translation_key,
                locale__language_code=self.language_code,
            )
            .only("pk", "path", "depth")
            .first()
        )

    @staticmethod
    def indexable(queryset):
        # Aliases repeat their original's content at another address; only the original is
        # listed. A page in a private section (password, login, groups) is not public.
        return queryset.live().public().filter(alias_of__isnull=True)

    def items(self):
        if self.root is None:
            return Page.objects.none()
        return (
            self.indexable(Page.objects.descendant_of(self.root, inclusive=True))
            .filter(locale__language_code=self.language_code)
            .select_related("locale")
            .only(
                "pk",
                "path",
                "depth",
                "url_path",
                "translation_key",
                "last_published_at",
                "latest_revision_created_at",
                "locale__language_code",
            )
            .order_by("path")
        )

    # What each URL says

    def absolute_url(self, page):
        url = page.get_url(self.request)
        if url is None:
            return None
        return self.request.build_absolute_uri(url) if self.request is not None else url

    def lastmod(self, page):
        return page.last_published_at or page.latest_revision_created_at

    def get_latest_lastmod(self):
        # Django's default evaluates every item; one aggregate query does the same.
        if self.root is None:
            return None
        return self.items().order_by().aggregate(latest=Max("last_published_at"))["latest"]

    def translations_of(self, pages):
        """Live public translations of ``pages`` by translation key, in one query."""
        languages = {code for code, _name in settings.LANGUAGES}
        found = {}
        translations = (
            self.indexable(Page.objects.all())
            .filter(
                translation_key__in={page.translation_key for page in pages},
                locale__language_code__in=languages,
            )
            .select_related("locale")
            .only("pk", "path", "depth", "url_path", "translation_key", "locale__language_code")
        )
        for translation in translations:
            found.setdefault(translation.translation_key, []).append(translation)
        return found

    def alternates(self, page, translations):
        """hreflang links for ``page``: every language version (itself included), then
        x-default, the German version, which visitors of any other language can read."""
        by_language = {t.locale.language_code: t for t in translations}
        by_language[page.locale.language_code] = page
        links = []
        for code, _name in settings.LANGUAGES:
            version = by_language.get(code)
            url = self.absolute_url(version) if version is not None else None
            if url:
                links.append({"lang_code": code, "location": url})
        if len(links) < 2:
            # A page in a single language has no alternates to declare.
            return []
        default = next(
            (link for link in links if link["lang_code"] == settings.LANGUAGE_CODE), None
        )
        if default is not None:
            links.append({"lang_code": "x-default", "location": default["location"]})
        return links

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        translations = self.translations_of(pages)
        urls = []
        latest = None
        for item in pages:
            location = self.absolute_url(item)
            if location is None:
                continue
            lastmod = self.lastmod(item)
            if lastmod is not None and (latest is None or lastmod > latest):
                latest = lastmod
            urls.append(
                {
                    "item": item,
                    "location": location,
                    "lastmod": lastmod,
                    "changefreq": None,
                    "priority": "",
                    "alternates": self.alternates(item, translations.get(item.translation_key, ())),
                }
            )
        if latest is not None:
            self.latest_lastmod = latest
        return urls


def locale_sitemaps(request):
    """The sitemaps of every configured language with a Locale, by language code."""
    codes = set(Locale.objects.values_list("language_code", flat=True))
    return {
        code: LocaleSitemap(code, request) for code, _name in settings.LANGUAGES if code in codes
    }
