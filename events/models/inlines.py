"""The inline rows of an event page: categories, organisers, photos and presentations."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable, TranslatableMixin

from .categories import EventCategory


class EventCategoryLink(TranslatableMixin, Orderable):
    """Links an event to a category; the category follows the event's language."""

    page = ParentalKey("events.EventPage", on_delete=models.CASCADE, related_name="category_links")
    category = models.ForeignKey(
        EventCategory,
        verbose_name=_("category"),
        on_delete=models.CASCADE,
        related_name="event_links",
    )

    panels = [FieldPanel("category")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("category")
        verbose_name_plural = _("categories")


class EventOrganiser(TranslatableMixin, Orderable):
    """An organiser of an event, with an optional link to its website."""

    page = ParentalKey("events.EventPage", on_delete=models.CASCADE, related_name="organisers")
    name = models.CharField(_("name"), max_length=200)
    url = models.URLField(_("website"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("url")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("organiser")
        verbose_name_plural = _("organisers")


class EventGalleryImage(TranslatableMixin, Orderable):
    """A photo of the event's documentation."""

    page = ParentalKey("events.EventPage", on_delete=models.CASCADE, related_name="gallery_images")
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("image"), on_delete=models.CASCADE, related_name="+"
    )
    alt_text = models.CharField(
        _("alternative text"),
        max_length=255,
        help_text=_("Describe what the photo shows for people who cannot see it."),
    )
    caption = models.CharField(_("caption"), max_length=255, blank=True)

    panels = [FieldPanel("image"), FieldPanel("alt_text"), FieldPanel("caption")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("photo")
        verbose_name_plural = _("photos")


class EventPresentation(TranslatableMixin, Orderable):
    """A presentation or other document from the event, offered for download."""

    page = ParentalKey("events.EventPage", on_delete=models.CASCADE, related_name="presentations")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    title = models.CharField(
        _("title"),
        max_length=200,
        blank=True,
        help_text=_("Leave empty to use the document's title."),
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("presentation")
        verbose_name_plural = _("presentations")

    @property
    def label(self):
        return self.title or self.document.title
