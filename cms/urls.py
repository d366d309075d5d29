from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms import health
from search import views as search_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Load balancers and probes: database and cache status as JSON (cms/health.py).
    path("health/", health.health, name="health"),
    # sitemap.xml, robots.txt and the read-only API (seo/urls.py)
    path("", include("seo.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Every public page lives under its language prefix: /de/… and /en/…. A request for `/`
# is redirected by LocaleMiddleware to the visitor's language (German otherwise).
urlpatterns += i18n_patterns(
    # Translators: URL path of the search page, keep the trailing slash.
    path(_("search/"), search_views.search, name="search"),
    path(_("search/suggest/"), search_views.autocomplete, name="search_autocomplete"),
    path("api/", include("locations.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler500 = "portal.views.server_error"
