"""One page per cluster, with its classification, texts, images and contact."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from portal.blocks import BaseStreamBlock
from portal.fields import optional_link
from portal.localization import page_language
from quotes.models import ALT_TEXT_REQUIRED, Quote, chosen_quote_ids, quotes_text


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
