"""Quotes of business leaders about the region: one snippet, shown wherever editors choose it.

Editors write a quote once, have it reviewed as a draft and publish it; they choose it on the
home page, on cluster pages and in any body through the "Quote" block
(`portal.blocks.QuoteChooserBlock`). The pages that show a quote index its text with their own
(`quotes_text`), so visitors find a page by what they read on it.
"""

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PageChooserPanel
from wagtail.images import get_image_model
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
)
from wagtail_localize.fields import SynchronizedField, TranslatableField

from portal.fields import optional_link
from portal.localization import (
    display_language_codes,
    localize_pages,
    localized_url,
    page_language,
    prefer_active_locale,
)

ALT_TEXT_REQUIRED = _("Describe the image for people who cannot see it.")


def image_with_renditions():
    """Images with their renditions prefetched, so `{% image %}` needs no query per item."""
    return get_image_model().objects.prefetch_related("renditions")


class Quote(
    TranslatableMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    ClusterableModel,
):
    """A statement of a business leader about the region, reused across the portal.

    Editors write the quote once, have it reviewed as a draft and publish it; they choose it on
    the home page, on cluster pages (where it is then listed under "Clusters") and in any text
    through the "Quote" block. The quote text, role and alternative text are translated.
    """

    text = models.TextField(
        _("quote"), max_length=1200, help_text=_("Without quotation marks; they are added.")
    )
    academic_title = models.CharField(
        _("academic title"), max_length=40, blank=True, help_text=_("For example “Dr.-Ing.”.")
    )
    name = models.CharField(_("name"), max_length=120, help_text=_("First name and surname."))
    role = models.CharField(
        _("role"), max_length=200, blank=True, help_text=_("For example “Managing director”.")
    )
    organisation = models.CharField(
        _("organisation"), max_length=200, blank=True, help_text=_("Company or institution.")
    )
    portrait = optional_link("wagtailimages.Image", _("portrait"))
    portrait_alt_text = models.CharField(
        _("alternative text of the portrait"),
        max_length=255,
        blank=True,
        help_text=_("Required with a portrait, e.g. “Portrait of Dr. Erika Musterfrau”."),
    )
    link_page = optional_link(
        "wagtailcore.Page",
        _("internal page"),
        _("Where visitors read more, e.g. the organisation's member profile."),
    )
    link_url = models.URLField(_("external address"), blank=True)
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="quote")

    person_panels = [
        FieldRowPanel([FieldPanel("academic_title"), FieldPanel("name")]),
        FieldPanel("role"),
        FieldPanel("organisation"),
        MultiFieldPanel(
            [FieldPanel("portrait"), FieldPanel("portrait_alt_text")], heading=_("Portrait")
        ),
    ]
    link_panels = [
        MultiFieldPanel(
            [PageChooserPanel("link_page"), FieldPanel("link_url")],
            heading=_("Link"),
            help_text=_("Choose an internal page or enter an external address, not both."),
        ),
    ]
    panels = [FieldPanel("text")] + person_panels + link_panels

    override_translatable_fields = [
        TranslatableField("text"),
        TranslatableField("role"),
        TranslatableField("portrait_alt_text"),
        SynchronizedField("academic_title"),
        SynchronizedField("name"),
        SynchronizedField("organisation"),
        SynchronizedField("portrait"),
        SynchronizedField("link_page"),
        SynchronizedField("link_url"),
    ]

    class Meta(TranslatableMixin.Meta):
        db_table = "clusters_quote"  # the model moved from the clusters app with its table
        verbose_name = _("quote")
        verbose_name_plural = _("quotes")
        ordering = ["name", "pk"]

    def __str__(self):
        excerpt = self.text if len(self.text) <= 50 else self.text[:49] + "…"
        return f"{self.full_name}: {excerpt}"

    def clean(self):
        super().clean()
        errors = {}
        if self.portrait_id and not self.portrait_alt_text.strip():
            errors["portrait_alt_text"] = ALT_TEXT_REQUIRED
        if self.link_page_id and self.link_url:
            message = _("Choose either an internal page or an external address, not both.")
            errors["link_page"] = message
            errors["link_url"] = message
        if errors:
            raise ValidationError(errors)

    @property
    def revisions(self):
        return self._revisions

    @property
    def full_name(self):
        return f"{self.academic_title} {self.name}".strip()

    @property
    def attribution(self):
        """Role and organisation in one line, e.g. "Managing director, Beispiel GmbH"."""
        return ", ".join(part for part in (self.role, self.organisation) if part)

    @property
    def url(self):
        """The "read more" address; `resolve_translation_keys` localizes the page in bulk."""
        if self.link_page_id:
            page = self.link_page
            return localized_url(page) if page is not None and page.live else ""
        return self.link_url

    def structured_data(self):
        """schema.org Quotation with the person and organisation as its creator."""
        creator = {"@type": "Person", "name": self.full_name}
        if self.academic_title:
            creator["honorificPrefix"] = self.academic_title
        if self.role:
            creator["jobTitle"] = self.role
        if self.organisation:
            creator["affiliation"] = {"@type": "Organization", "name": self.organisation}
        data = {
            "@context": "https://schema.org",
            "@type": "Quotation",
            "text": self.text,
            "creator": creator,
            "inLanguage": self.locale.language_code,
        }
        return data

    def get_preview_template(self, request, mode_name):
        return "quotes/previews/quote.html"

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context["quotes"] = [self]
        return context

    @classmethod
    def display_queryset(cls):
        return (
            cls.objects.filter(live=True, locale__language_code__in=display_language_codes())
            .select_related("locale", "link_page")
            .prefetch_related(Prefetch("portrait", queryset=image_with_renditions()))
        )

    @classmethod
    def resolve_translation_keys(cls, keys):
        """Live quotes for `keys` (in that order), each in the active language if translated.

        A quote without a live version is left out. One query for the quotes plus one for
        the portraits and one for their renditions, however many quotes there are.
        """
        if not keys:
            return []
        quotes = prefer_active_locale(list(cls.display_queryset().filter(translation_key__in=keys)))
        by_key = {quote.translation_key: quote for quote in quotes}
        ordered = [by_key[key] for key in dict.fromkeys(keys) if key in by_key]
        # Each quote's "read more" page in the visitor's language, in one query for all.
        for quote, page in zip(
            ordered, localize_pages([q.link_page for q in ordered]), strict=True
        ):
            quote.link_page = page
        return ordered

    @classmethod
    def resolve_pks(cls, pks):
        """{chosen id: live quote} for quotes chosen in any language, each in the active
        language where translated; ids without a live version are left out. Two queries
        plus the portraits, however many quotes (see `resolve_translation_keys`).
        """
        if not pks:
            return {}
        key_of = dict(cls.objects.filter(pk__in=pks).values_list("pk", "translation_key"))
        quotes = cls.resolve_translation_keys(list(dict.fromkeys(key_of.values())))
        by_key = {quote.translation_key: quote for quote in quotes}
        return {pk: by_key[key] for pk, key in key_of.items() if key in by_key}


# Search index: the text of the quotes a page shows, indexed with that page.


def chosen_quote_ids(stream_value):
    """Ids of the quote snippets chosen in a StreamField (top-level `quote_snippet` blocks)."""
    return [
        item["value"]
        for item in stream_value.raw_data
        if item.get("type") == "quote_snippet" and item.get("value")
    ]


def quotes_text(page, pks=()):
    """Text, name, role and organisation of the live quotes ``page`` shows, in one string.

    Each quote is taken in the page's language where a live translation exists, else in the
    source language, as the page itself shows it. No query for a page without quotes (most
    pages), three at most however many quotes.
    """
    if not pks:
        return ""
    keys = set(Quote.objects.filter(pk__in=pks).values_list("translation_key", flat=True))
    language = page_language(page)
    chosen = {}
    for quote in Quote.objects.filter(live=True, translation_key__in=keys).select_related("locale"):
        current = chosen.get(quote.translation_key)
        if current is None or quote.locale.language_code == language:
            chosen[quote.translation_key] = quote
    parts = []
    for quote in chosen.values():
        parts.extend([quote.text, quote.full_name, quote.role, quote.organisation])
    return " ".join(part for part in parts if part)
