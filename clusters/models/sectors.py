"""The industry sectors the clusters belong to and the overview filters by."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from portal.localization import prefer_active_locale

from .common import display_languages


class Sector(TranslatableMixin, models.Model):
    """An industry sector such as "Automotive" or "Life Sciences", used to filter the clusters.

    Editors keep the sectors once and choose one on each cluster page; the name is translated,
    the short name in the address (`?sector=automotive`) is the same in every language so a
    shared filter link works in German and English.
    """

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(
        _("short name in the address"),
        max_length=80,
        allow_unicode=False,
        help_text=_('Used in filter links, e.g. "chemie-kunststoffe"; the same in every language.'),
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]

    override_translatable_fields = [SynchronizedField("slug"), TranslatableField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="unique_sector_slug_per_locale")
        ]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        clash = Sector.objects.filter(slug=self.slug, locale_id=self.locale_id).exclude(pk=self.pk)
        if self.slug and self.locale_id and clash.exists():
            raise ValidationError({"slug": _("Another sector already uses this short name.")})

    @classmethod
    def for_display(cls):
        """The sectors in the active language (German where untranslated), by name."""
        sectors = list(
            cls.objects.filter(locale__language_code__in=display_languages())
            .select_related("locale")
            .order_by("name", "pk")
        )
        return prefer_active_locale(sectors)
