"""Which locales each editorial group works in.

Wagtail scopes page permissions by tree (and each locale has its own tree), but it has no
notion of a locale for snippets: a group that may change quotes may change every quote in
every language. `LocaleRole` adds that scope. `editorial.permissions` reads it for the
translatable snippets, for wagtail-localize's translation views and for the rule that
translators never delete, move or copy pages.
"""

from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale


class LocaleRole(models.Model):
    """Gives a group its locale: the languages whose snippets and translations it may edit.

    Administrators rarely touch these rows: `manage.py setup_editorial_roles` creates them for
    "Redaktion" and "Chefredaktion" and for one "Übersetzung <language>" group per configured
    target language. A group with no locale role at all is not restricted by locale (Wagtail's
    plain model permissions apply), so groups made by hand keep working as before.
    """

    class Kind(models.TextChoices):
        EDITOR = "editor", _("Editing")
        TRANSLATOR = "translator", _("Translating")

    group = models.ForeignKey(
        Group,
        on_delete=models.CASCADE,
        related_name="locale_roles",
        verbose_name=_("group"),
    )
    locale = models.ForeignKey(
        Locale,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("locale"),
    )
    kind = models.CharField(
        _("kind of role"),
        max_length=20,
        choices=Kind.choices,
        default=Kind.EDITOR,
        help_text=_(
            "Translators edit and translate content of this locale but never delete, move or "
            "copy its pages; editors work under the group's usual permissions."
        ),
    )

    class Meta:
        verbose_name = _("locale role")
        verbose_name_plural = _("locale roles")
        constraints = [
            models.UniqueConstraint(fields=["group", "locale"], name="unique_locale_role")
        ]

    def __str__(self):
        return f"{self.group} – {self.locale} ({self.get_kind_display()})"
