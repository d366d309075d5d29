from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """The portal's base: home page, standard pages, shared blocks, project teasers, settings."""

    name = "home"
    label = "home"
    verbose_name = _("Portal")
