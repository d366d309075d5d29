from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuotesConfig(AppConfig):
    """Quotes of business leaders, chosen on the home page, on cluster pages and in bodies."""

    name = "quotes"
    label = "quotes"
    verbose_name = _("Quotes")
