from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    """Roles, permissions and the review workflow of the communications team and translators."""

    name = "editorial"
    label = "editorial"
    verbose_name = _("Editorial roles and workflow")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals

        signals.connect()
