"""Event categories (Wirtschaft, Wissenschaft, …), a translatable snippet."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import DraftStateMixin, RevisionMixin, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from portal.localization import prefer_active_locale


class EventCategory(TranslatableMixin, DraftStateMixin, RevisionMixin, models.Model):
    """A topic of events, such as Wirtschaft, Wissenschaft, Kultur or Sport.

    Editors assign categories to events; visitors filter the calendar by them and subscribe
    to one category's feed. The name is translated; the short name in addresses (slug) stays
    the same in every language so that filter links and feed subscriptions keep working.
    """

    name = models.CharField(_("name"), max_length=80, help_text=_("For example “Wirtschaft”."))
    slug = models.SlugField(
        _("short name for addresses"),
        max_length=80,
        allow_unicode=False,
        help_text=_(
            "Lower-case letters, digits and hyphens; used in filter links and feed addresses."
        ),
    )
    sort_order = models.PositiveIntegerField(
        _("sort order"), default=100, help_text=_("Lower numbers are listed first.")
    )

    # Deleting a category deletes its revisions too (Wagtail's recommended pattern for snippets).
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="event_category")

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]

    override_translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("slug"),
        SynchronizedField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("event category")
        verbose_name_plural = _("event categories")
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="events_category_unique_slug")
        ]

    def __str__(self):
        return self.name

    @property
    def revisions(self):
        return self._revisions

    @classmethod
    def for_display(cls):
        """Live categories in the active language (source version where untranslated), in order.

        One query: the language codes come from the settings, not from the Locale table.
        """
        codes = {translation.get_language(), settings.LANGUAGE_CODE}
        categories = list(
            cls.objects.filter(live=True, locale__language_code__in=codes).select_related("locale")
        )
        return prefer_active_locale(categories)
