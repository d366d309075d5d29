"""URLs outside the language prefixes: sitemaps, robots.txt and the read-only API."""

urlpatterns = []
