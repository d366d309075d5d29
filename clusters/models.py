"""Clusters: the cluster overview, one page per cluster, and the sectors they belong to.

The EMMD distinguishes micro-clusters (concentrated in one city, such as Optoelektronik in Jena)
from macro-clusters (a critical mass only across several federal states). Cluster pages carry
structured facts (states, sites, key figures, networks) so the overview can filter them and
search engines can read them; quotes of business leaders (`quotes.Quote`) are chosen on
cluster pages as related quotes.
"""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.models import (
    Orderable,
    Page,
    TranslatableMixin,
)
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from portal.blocks import BaseStreamBlock
from portal.fields import optional_link
from portal.localization import display_language_codes, page_language, prefer_active_locale
from quotes.models import ALT_TEXT_REQUIRED, Quote, chosen_quote_ids, quotes_text

INTRO_FEATURES = ["bold", "italic", "link"]


def earliest_year():
    return 1900


def latest_year():
    """Figures may be planned for next year, never later (a typo such as 2204 is caught)."""
    return datetime.date.today().year + 1


def check_year(year, field, errors):
    if year is not None and not earliest_year() <= year <= latest_year():
        errors[field] = _("Enter a year between %(first)s and %(last)s.") % {
            "first": earliest_year(),
            "last": latest_year(),
        }


def display_languages():
    """The language codes whose content may be shown: the active one and the source (German)."""
    return display_language_codes()


# Sectors


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


# Cluster overview


class ClusterIndexPage(Page):
    """The overview "Cluster in Mitteldeutschland": intro, the micro/macro explanation and
    the clusters as cards that visitors filter by kind, federal state and sector.

    Editors order the clusters in the page tree; the filters are links anyone can share.
    """

    # What the cached page lists (portal/caching.py): the cards and the sector filter.
    cache_lists = ["clusters.clusterpage", "clusters.sector"]

    intro = RichTextField(
        _("intro"),
        features=INTRO_FEATURES,
        blank=True,
        help_text=_("One or two sentences above the list of clusters."),
    )
    body = StreamField(
        BaseStreamBlock(),
        verbose_name=_("explanation"),
        blank=True,
        help_text=_(
            "Background shown below the list, e.g. the difference between micro- and "
            "macro-clusters."
        ),
    )

    intro_panels = [FieldPanel("intro")]
    body_panels = [FieldPanel("body")]
    content_panels = Page.content_panels + intro_panels + body_panels

    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    # Fields of the read-only API at /api/v2/ (seo/api.py, docs/seo.md).
    api_fields = [
        "intro",
        "body",
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["clusters.ClusterPage"]

    class Meta:
        verbose_name = _("cluster overview")
        verbose_name_plural = _("cluster overviews")

    def clusters(self):
        """The live cluster pages below this page in editor order, with what the cards show.

        A fixed number of queries however many clusters there are: the pages (with sector
        and teaser image), their states and the images' renditions are each fetched once.
        """
        return (
            ClusterPage.objects.child_of(self)
            .live()
            .public()
            .select_related("sector", "teaser_image", "hero_image")
            .prefetch_related(
                "federal_states", "teaser_image__renditions", "hero_image__renditions"
            )
            .order_by("path")
        )

    def card_pages(self):
        """The home page's cluster teasers (`includes/page_card.html`), in editor order."""
        return self.clusters()

    def get_context(self, request, *args, **kwargs):
        from .filters import ClusterFilter  # the filters import this module's models

        context = super().get_context(request, *args, **kwargs)
        cluster_filter = ClusterFilter(request.GET, queryset=self.clusters())
        context.update(
            {
                "cluster_filter": cluster_filter,
                "filter_form": cluster_filter.form,
                "clusters": cluster_filter.results(),
                "filter_notices": cluster_filter.notices,
                "filters_active": cluster_filter.is_active,
            }
        )
        return context


# Cluster pages


class ClusterPage(Page):
    """One cluster of the region, e.g. "Chemie/Kunststoffe" or "Optoelektronik Jena".

    Editors say whether it is a micro- or a macro-cluster, in which federal states and cities
    it is found and to which sector it belongs, and add key figures with their sources, the
    networks that organise it, a contact person and quotes of business leaders.
    """

    class Kind(models.TextChoices):
        MICRO = "micro", _("Micro-cluster")
        MACRO = "macro", _("Macro-cluster")

    # Classification
    kind = models.CharField(
        _("kind of cluster"),
        max_length=5,
        choices=Kind.choices,
        default=Kind.MACRO,
        help_text=_(
            "Micro-clusters are concentrated in one city or area; macro-clusters reach a "
            "critical mass only across several federal states."
        ),
    )
    federal_states = ParentalManyToManyField(
        "portal.FederalState",
        verbose_name=_("federal states"),
        related_name="cluster_pages",
        help_text=_("The states in which the cluster's companies and institutes are found."),
    )
    sector = models.ForeignKey(
        "clusters.Sector",
        verbose_name=_("sector"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="cluster_pages",
        help_text=_("Used by the sector filter of the cluster overview."),
    )

    # Texts and images
    summary = models.TextField(
        _("summary"),
        max_length=400,
        help_text=_("Two or three sentences for the card in the overview and for search engines."),
    )
    hero_image = optional_link(
        "wagtailimages.Image",
        _("header image"),
        _("A wide picture (about 16:9) shown at the top and when the page is shared."),
    )
    hero_alt_text = models.CharField(
        _("alternative text of the header image"),
        max_length=255,
        blank=True,
        help_text=_("What the image shows; required with an image."),
    )
    teaser_image = optional_link(
        "wagtailimages.Image",
        _("teaser image"),
        _("Shown on the cluster's card; leave empty to use the header image."),
    )
    teaser_alt_text = models.CharField(
        _("alternative text of the teaser image"),
        max_length=255,
        blank=True,
        help_text=_("What the image shows; required with an image."),
    )
    body = StreamField(
        BaseStreamBlock(),
        verbose_name=_("body"),
        blank=True,
        help_text=_("The cluster's story: value chains, strengths, research, prospects."),
    )

    # Contact
    contact_person = optional_link(
        "portal.ContactPerson",
        _("contact person"),
        _("Who answers questions about the cluster, e.g. its cluster manager."),
    )

    classification_panels = [
        MultiFieldPanel(
            [FieldPanel("kind"), FieldPanel("federal_states"), FieldPanel("sector")],
            heading=_("Classification"),
        ),
        InlinePanel("locations", label=_("City or site"), heading=_("Main cities and sites")),
    ]
    text_panels = [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("hero_image"),
                FieldPanel("hero_alt_text"),
                FieldPanel("teaser_image"),
                FieldPanel("teaser_alt_text"),
            ],
            heading=_("Images"),
        ),
        FieldPanel("body"),
    ]
    facts_panels = [
        InlinePanel("figures", label=_("Key figure"), heading=_("Key figures")),
        InlinePanel("networks", label=_("Network"), heading=_("Networks and organisations")),
    ]
    people_panels = [
        FieldPanel("contact_person"),
        InlinePanel("related_quotes", label=_("Quote"), heading=_("Related quotes")),
    ]
    content_panels = (
        Page.content_panels + classification_panels + text_panels + facts_panels + people_panels
    )

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("kind"),
        # Investors search for a network, a town or a sector as often as for a cluster's name.
        index.RelatedFields("sector", [index.SearchField("name")]),
        index.RelatedFields("networks", [index.SearchField("name"), index.SearchField("role")]),
        index.RelatedFields("locations", [index.SearchField("name")]),
        # What the page shows from child rows and snippets is searched as part of the page.
        index.SearchField("search_key_figures"),
        index.SearchField("search_quotes"),
    ]

    # Fields of the read-only API at /api/v2/ (seo/api.py, docs/seo.md).
    api_fields = [
        "kind",
        "sector",
        "federal_states",
        "summary",
        "hero_image",
        "hero_alt_text",
        "teaser_image",
        "teaser_alt_text",
        "body",
    ]

    # Relations follow the German source (states, images, contact); texts are translated.
    override_translatable_fields = [
        SynchronizedField("kind"),
        SynchronizedField("federal_states"),
        SynchronizedField("hero_image"),
        SynchronizedField("teaser_image"),
        TranslatableField("summary"),
        TranslatableField("hero_alt_text"),
        TranslatableField("teaser_alt_text"),
    ]

    parent_page_types = ["clusters.ClusterIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("cluster page")
        verbose_name_plural = _("cluster pages")

    def clean(self):
        super().clean()
        errors = {}
        if self.hero_image_id and not self.hero_alt_text.strip():
            errors["hero_alt_text"] = ALT_TEXT_REQUIRED
        if self.teaser_image_id and not self.teaser_alt_text.strip():
            errors["teaser_alt_text"] = ALT_TEXT_REQUIRED
        if errors:
            raise ValidationError(errors)

    # Teaser cards (includes/page_card.html and the overview)

    @property
    def card_image(self):
        return self.teaser_image or self.hero_image

    @property
    def card_image_alt(self):
        return self.teaser_alt_text if self.teaser_image_id else self.hero_alt_text

    @property
    def card_text(self):
        return self.summary

    # Search index: what the page shows from child rows and snippets

    def search_key_figures(self):
        """Label (or the kind's name), value, unit, year and source of the key figures.

        The kind's name is translated into the page's language, whatever language the editor
        who publishes the page uses in the admin.
        """
        parts = []
        with translation.override(page_language(self)):
            for figure in self.figures.all():
                value = figure.value.normalize() if figure.value is not None else ""
                parts.extend(
                    [
                        str(figure.display_label),
                        f"{value:f}" if value != "" else "",
                        figure.unit,
                        str(figure.year or ""),
                        figure.source,
                    ]
                )
        return " ".join(part for part in parts if part)

    def search_quotes(self):
        chosen = [link.quote_id for link in self.related_quotes.all() if link.quote_id]
        return quotes_text(self, pks=chosen + chosen_quote_ids(self.body))

    # What the page shows

    def display_quotes(self):
        """The related quotes that are live, in the active language where translated.

        Editor order; two queries however many quotes (links, then the quotes themselves).
        """
        links = list(self.related_quotes.all().values_list("quote__translation_key", flat=True))
        return Quote.resolve_translation_keys([key for key in links if key is not None])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        contact = self.contact_person
        context.update(
            {
                "figures": list(self.figures.all()),
                "networks": list(self.networks.all()),
                "locations": list(self.locations.select_related("federal_state")),
                "states": list(self.federal_states.all()),
                "quotes": self.display_quotes(),
                "contact_person": contact if contact is not None and contact.live else None,
                "index_page": self.get_parent(),
            }
        )
        context.update(self.open_graph_image(request))
        return context

    def open_graph_image(self, request):
        """The shared picture (1200x630) for Open Graph, as an absolute address."""
        image = self.hero_image or self.teaser_image
        if image is None:
            return {}
        rendition = image.get_rendition("fill-1200x630")
        alt = self.hero_alt_text if self.hero_image_id else self.teaser_alt_text
        return {
            "og_image": {
                "url": request.build_absolute_uri(rendition.url),
                "width": rendition.width,
                "height": rendition.height,
                "alt": alt,
            }
        }


class ClusterLocation(Orderable):
    """A city or site where the cluster is concentrated, e.g. "Leuna" (Sachsen-Anhalt)."""

    page = ParentalKey(ClusterPage, on_delete=models.CASCADE, related_name="locations")
    name = models.CharField(
        _("city or site"), max_length=120, help_text=_('For example "Jena" or "Chemiepark Leuna".')
    )
    federal_state = models.ForeignKey(
        "portal.FederalState",
        verbose_name=_("federal state"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("federal_state")])]

    class Meta(Orderable.Meta):
        verbose_name = _("city or site")
        verbose_name_plural = _("cities and sites")

    def __str__(self):
        return self.name


class ClusterFigure(TranslatableMixin, Orderable):
    """A key figure of a cluster with its year and source, e.g. 71,000 employees (2007)."""

    class Kind(models.TextChoices):
        COMPANIES = "companies", _("Companies")
        EMPLOYEES = "employees", _("Employees")
        TURNOVER = "turnover", _("Turnover")
        RESEARCH = "research", _("Research institutions")
        MEMBERS = "members", _("Members")
        FUNDING = "funding", _("Funding")
        OTHER = "other", _("Other")

    page = ParentalKey(ClusterPage, on_delete=models.CASCADE, related_name="figures")
    kind = models.CharField(
        _("figure"),
        max_length=20,
        choices=Kind.choices,
        help_text=_('Choose "Other" and give a label for any other figure.'),
    )
    label = models.CharField(
        _("label"),
        max_length=120,
        blank=True,
        help_text=_("Replaces the figure's name, e.g. “Partner companies”; required for “Other”."),
    )
    value = models.DecimalField(
        _("value"),
        max_digits=14,
        decimal_places=2,
        validators=[MinValueValidator(0)],
        help_text=_("The number only, e.g. 71000 or 3.8; the unit goes below."),
    )
    is_approximate = models.BooleanField(
        _("approximate"), default=False, help_text=_("Shown as “about …”.")
    )
    unit = models.CharField(
        _("unit"), max_length=40, blank=True, help_text=_("For example “bn EUR” or “%”.")
    )
    year = models.PositiveSmallIntegerField(
        _("year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
        help_text=_("The year the figure refers to."),
    )
    source = models.CharField(
        _("source"), max_length=200, help_text=_("Who published the figure, e.g. a cluster atlas.")
    )
    source_url = models.URLField(_("address of the source"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("label")]),
        FieldRowPanel([FieldPanel("value"), FieldPanel("is_approximate"), FieldPanel("unit")]),
        FieldRowPanel([FieldPanel("year"), FieldPanel("source"), FieldPanel("source_url")]),
    ]

    override_translatable_fields = [
        SynchronizedField("kind"),
        SynchronizedField("value"),
        SynchronizedField("is_approximate"),
        SynchronizedField("year"),
        SynchronizedField("source_url"),
        TranslatableField("label"),
        TranslatableField("unit"),
        TranslatableField("source"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("key figure")
        verbose_name_plural = _("key figures")

    def __str__(self):
        return f"{self.display_label}: {self.value}"

    def clean(self):
        super().clean()
        errors = {}
        if self.kind == self.Kind.OTHER and not self.label.strip():
            errors["label"] = _("Give a label for this figure.")
        check_year(self.year, "year", errors)
        if errors:
            raise ValidationError(errors)

    @property
    def display_label(self):
        return self.label or self.get_kind_display()


class ClusterNetwork(TranslatableMixin, Orderable):
    """A network, association or organisation that carries the cluster, e.g. "CeChemNet"."""

    page = ParentalKey(ClusterPage, on_delete=models.CASCADE, related_name="networks")
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(
        _("role"),
        max_length=200,
        blank=True,
        help_text=_(
            "What it does for the cluster, e.g. “cluster initiative of the chemical industry”."
        ),
    )
    website = models.URLField(_("website"), blank=True)
    founded = models.PositiveSmallIntegerField(
        _("founded in"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("founded")]),
        FieldPanel("role"),
        FieldPanel("website"),
    ]

    override_translatable_fields = [
        SynchronizedField("name"),
        SynchronizedField("website"),
        SynchronizedField("founded"),
        TranslatableField("role"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("network")
        verbose_name_plural = _("networks")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        errors = {}
        check_year(self.founded, "founded", errors)
        if errors:
            raise ValidationError(errors)

    def structured_data(self):
        """schema.org Organization, so search engines can connect the cluster's partners."""
        data = {"@context": "https://schema.org", "@type": "Organization", "name": self.name}
        if self.role:
            data["description"] = self.role
        if self.website:
            data["url"] = self.website
        if self.founded:
            data["foundingDate"] = str(self.founded)
        return data


class ClusterPageQuote(Orderable):
    """A quote chosen for a cluster page; the order here is the order on the page."""

    page = ParentalKey(ClusterPage, on_delete=models.CASCADE, related_name="related_quotes")
    quote = models.ForeignKey(
        "quotes.Quote",
        verbose_name=_("quote"),
        on_delete=models.CASCADE,
        related_name="cluster_links",
        help_text=_("Only published quotes are shown on the site."),
    )

    panels = [FieldPanel("quote")]

    class Meta(Orderable.Meta):
        verbose_name = _("related quote")
        verbose_name_plural = _("related quotes")
