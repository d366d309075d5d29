from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def create_configured_locales(using="default", apps=None, **kwargs):
    """Give every language in ``WAGTAIL_CONTENT_LANGUAGES`` its Wagtail Locale.

    Adding a language is configuration only (README "Adding a language"): after
    ``migrate`` its Locale exists, so editors can translate into it at once.
    """
    from django.conf import settings

    from wagtail.models import Locale

    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.using(using).get_or_create(language_code=code)


class PortalConfig(AppConfig):
    """The portal's shared building blocks: the models, fields, StreamField blocks, settings,
    menus, localisation helpers and hooks that every other app builds on. It imports none of
    them."""

    name = "portal"
    label = "portal"
    verbose_name = _("Portal")

    def ready(self):
        post_migrate.connect(create_configured_locales, sender=self)
