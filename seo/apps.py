from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SeoConfig(AppConfig):
    """Sitemaps with hreflang, robots.txt, canonical and social meta tags, the read-only API."""

    name = "seo"
    label = "seo"
    verbose_name = _("Search engines and reuse")
