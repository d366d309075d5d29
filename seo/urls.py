"""URLs outside the language prefixes: sitemaps, robots.txt and the read-only API."""

from django.urls import path

from .api import api_router
from .views import robots_txt, sitemap, sitemap_index

urlpatterns = [
    path("robots.txt", robots_txt, name="seo_robots"),
    path("sitemap.xml", sitemap_index, name="seo_sitemap_index"),
    # One per language: sitemap-de.xml, sitemap-en.xml, …
    path("sitemap-<str:section>.xml", sitemap, name="seo_sitemap"),
    path("api/v2/", api_router.urls),
]
