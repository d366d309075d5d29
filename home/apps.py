from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """The home page of each language, the standard content pages below it and the project
    teasers (logos) its "Projekte" row shows."""

    name = "home"
    label = "home"
    verbose_name = _("Home page")
