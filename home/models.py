"""The home page of each language, the standard content pages and the project teasers.

The shared models (federal states, contact persons, the portal settings and menus) live in
`portal.models`; quotes in `quotes.models`.
"""

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import (
    DraftStateMixin,
    Page,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
)
from wagtail.search import index

from portal.blocks import BaseStreamBlock, BlockQuoteBlock, QuoteChooserBlock
from portal.fields import optional_link
from portal.localization import (
    display_language_codes,
    localize_pages,
    localized_url,
    prefer_active_locale,
)
from quotes.models import Quote, chosen_quote_ids, quotes_text

from .routing import ShortcutRoutingMixin

INTRO_FEATURES = ["bold", "italic", "link"]


class HomePage(ShortcutRoutingMixin, Page):
    """The portal's start page, one per language, at the root of the page tree.

    Editors fill its sections in the order of the association's home page: intro, clusters,
    quotes, the commercial-site pool, the FORUM Mitteldeutschland teaser, upcoming events and
    the project logos. A section with nothing to show is left out of the page.
    """

    # What the cached page lists (portal/caching.py): cluster teasers, the next events and
    # the project logos.
    cache_lists = ["clusters.clusterpage", "events.eventpage", "home.projectteaser"]

    # Intro
    intro_heading = models.CharField(
        _("intro heading"),
        max_length=120,
        blank=True,
        help_text=_('The opening line, for example "Net Works!".'),
    )
    intro = RichTextField(
        _("intro text"),
        features=INTRO_FEATURES,
        blank=True,
        help_text=_("What the association does and aims for; two or three sentences."),
    )

    # Clusters
    clusters_heading = models.CharField(_("heading"), max_length=120, blank=True)
    clusters_intro = RichTextField(_("text"), features=INTRO_FEATURES, blank=True)
    clusters_page = optional_link(
        "wagtailcore.Page",
        _("cluster overview page"),
        _("The page whose sub-pages are shown as cluster teasers."),
    )
    clusters_more_page = optional_link(
        "wagtailcore.Page",
        _("background page"),
        _('A page that explains clusters in depth, e.g. "Entwicklung und Effekte von Clustern".'),
    )

    # Quotes
    quotes_heading = models.CharField(_("heading"), max_length=120, blank=True)
    quotes = StreamField(
        [("quote_snippet", QuoteChooserBlock()), ("quote", BlockQuoteBlock())],
        verbose_name=_("quotes"),
        blank=True,
        help_text=_(
            "Statements of business leaders about the region: choose published quotes from "
            "the quotes (preferred) or write one here."
        ),
    )

    # Commercial-site pool
    pool_heading = models.CharField(_("heading"), max_length=120, blank=True)
    pool_intro = models.TextField(_("text"), blank=True, max_length=600)
    sites_page = optional_link(
        "wagtailcore.Page",
        _("commercial sites (Gewerbeflächen)"),
        _('The list of commercial sites; its "Liste" and "Standortkarte" links are shown.'),
    )
    halls_page = optional_link(
        "wagtailcore.Page",
        _("halls (Hallenobjekte)"),
        _('The list of halls; its "Liste" and "Standortkarte" links are shown.'),
    )

    # FORUM Mitteldeutschland
    forum_heading = models.CharField(_("heading"), max_length=120, blank=True)
    forum_text = models.TextField(_("text"), blank=True, max_length=600)
    forum_page = optional_link(
        "wagtailcore.Page",
        _("documentation page"),
        _("The event documentation the teaser links to."),
    )
    forum_link_label = models.CharField(
        _("link text"),
        max_length=80,
        blank=True,
        help_text=_('For example "Zur Veranstaltungsdokumentation".'),
    )

    # Events
    events_heading = models.CharField(_("heading"), max_length=120, blank=True)
    events_intro = models.TextField(_("text"), blank=True, max_length=600)
    events_page = optional_link(
        "wagtailcore.Page",
        _("events page"),
        _("The events calendar; its next upcoming events are listed in the teaser."),
    )

    # Projects
    projects_heading = models.CharField(
        _("heading"),
        max_length=120,
        blank=True,
        help_text=_("The project logos come from the Project teasers snippets."),
    )

    intro_panels = [
        MultiFieldPanel([FieldPanel("intro_heading"), FieldPanel("intro")], heading=_("Intro")),
    ]
    clusters_panels = [
        MultiFieldPanel(
            [
                FieldPanel("clusters_heading"),
                FieldPanel("clusters_intro"),
                PageChooserPanel("clusters_page"),
                PageChooserPanel("clusters_more_page"),
            ],
            heading=_("Clusters"),
        ),
    ]
    quotes_panels = [
        MultiFieldPanel([FieldPanel("quotes_heading"), FieldPanel("quotes")], heading=_("Quotes")),
    ]
    pool_panels = [
        MultiFieldPanel(
            [
                FieldPanel("pool_heading"),
                FieldPanel("pool_intro"),
                FieldRowPanel([PageChooserPanel("sites_page"), PageChooserPanel("halls_page")]),
            ],
            heading=_("Commercial-site pool"),
        ),
    ]
    forum_panels = [
        MultiFieldPanel(
            [
                FieldPanel("forum_heading"),
                FieldPanel("forum_text"),
                PageChooserPanel("forum_page"),
                FieldPanel("forum_link_label"),
            ],
            heading=_("FORUM Mitteldeutschland"),
        ),
    ]
    events_panels = [
        MultiFieldPanel(
            [
                FieldPanel("events_heading"),
                FieldPanel("events_intro"),
                PageChooserPanel("events_page"),
            ],
            heading=_("Events"),
        ),
    ]
    projects_panels = [
        MultiFieldPanel([FieldPanel("projects_heading")], heading=_("Projects")),
    ]

    content_panels = (
        Page.content_panels
        + intro_panels
        + clusters_panels
        + quotes_panels
        + pool_panels
        + forum_panels
        + events_panels
        + projects_panels
    )

    search_fields = Page.search_fields + [
        index.SearchField("intro_heading"),
        index.SearchField("intro"),
        # Quotes written on the page, and the text of the quote snippets chosen for it.
        index.SearchField("quotes"),
        index.SearchField("search_quotes"),
    ]

    # Fields of the read-only API at /api/v2/ (seo/api.py, docs/seo.md).
    api_fields = [
        "intro_heading",
        "intro",
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "locations.LocationIndexPage",
        "clusters.ClusterIndexPage",
        "events.EventIndexPage",
    ]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    @classmethod
    def can_create_at(cls, parent):
        # The portal runs one site with one home page; its translations are made by
        # wagtail-localize, which copies the page rather than creating a new one here.
        return super().can_create_at(parent) and not cls.objects.exists()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.get_sections(request))
        return context

    def chosen_pages(self, *names):
        """The pages chosen in the fields `names` (None where unset), in one query."""
        ids = [getattr(self, f"{name}_id") for name in names]
        found = Page.objects.in_bulk([pk for pk in ids if pk is not None])
        return [found.get(pk) for pk in ids]

    def get_sections(self, request):
        """Everything the home page's sections show, resolved in a fixed number of queries.

        The chosen pages are used through `specific_deferred`: their methods (cards, map
        address, next events) need only the common page fields, so no query per page type.
        """
        (
            clusters_page,
            clusters_more_page,
            sites_page,
            halls_page,
            forum_page,
            events_page,
        ) = localize_pages(
            self.chosen_pages(
                "clusters_page",
                "clusters_more_page",
                "sites_page",
                "halls_page",
                "forum_page",
                "events_page",
            )
        )
        cluster_teasers = []
        if clusters_page is not None:
            # A page type that offers `card_pages()` (the cluster overview) returns its cards
            # with their images in a fixed number of queries; others list their children.
            card_pages = getattr(clusters_page.specific_deferred, "card_pages", None)
            cluster_teasers = list(
                card_pages()
                if callable(card_pages)
                else clusters_page.get_children().live().public().specific().order_by("path")
            )
            fallback_from = getattr(clusters_page, "fallback_from", None)
            if fallback_from:
                # The overview is not translated yet, so neither are its clusters: their
                # links carry the visitor's language like the overview's own link.
                for teaser in cluster_teasers:
                    teaser.fallback_from = fallback_from
        pool_entries = [
            {"kind": kind, "page": page.specific_deferred, "map_url": _map_url(page, request)}
            for kind, page in (("sites", sites_page), ("halls", halls_page))
            if page is not None and page.live
        ]
        upcoming_events = []
        if events_page is not None and hasattr(events_page.specific_deferred, "upcoming_events"):
            upcoming_events = list(events_page.specific_deferred.upcoming_events(limit=3))
        return {
            "cluster_teasers": cluster_teasers,
            "clusters_more_page": _live_or_none(clusters_more_page),
            "clusters_page": _live_or_none(clusters_page),
            "pool_entries": pool_entries,
            "forum_page": _live_or_none(forum_page),
            "events_page": _live_or_none(events_page),
            "upcoming_events": upcoming_events,
            "project_teasers": ProjectTeaser.for_display(),
            "home_quotes": self.display_quotes(),
        }

    def search_quotes(self):
        """The chosen quote snippets' text for the search index (`quotes.models.quotes_text`)."""
        return quotes_text(self, pks=chosen_quote_ids(self.quotes))

    def display_quotes(self):
        """The quotes section's entries in editor order: `{"quote": Quote}` for a chosen quote
        (live only, in the active language, else the German source) or `{"block": block}` for
        one written on the page. A fixed number of queries however many quotes are chosen.
        """
        chosen = [item["value"] for item in self.quotes.raw_data if item["type"] == "quote_snippet"]
        resolved = Quote.resolve_pks(chosen)
        entries = []
        for position, item in enumerate(self.quotes.raw_data):
            if item["type"] == "quote_snippet":
                quote = resolved.get(item["value"])
                if quote is not None:
                    entries.append({"quote": quote})
            else:
                entries.append({"block": self.quotes[position]})
        return entries


def _live_or_none(page):
    return page if page is not None and page.live else None


def _map_url(page, request):
    """The map view of a pool page, for page types that offer one (`get_map_url`)."""
    get_map_url = getattr(page.specific_deferred, "get_map_url", None)
    return get_map_url(request) if callable(get_map_url) else None


class StandardPage(Page):
    """A content page for topics, background articles and legal pages.

    Editors use it for pages such as "Entwicklung und Effekte von Clustern", "Über uns",
    the imprint and the privacy statement; the body is built from the shared blocks.
    """

    intro = models.TextField(
        _("intro"),
        blank=True,
        max_length=600,
        help_text=_("A short lead paragraph shown above the body and in teasers."),
    )
    body = StreamField(
        BaseStreamBlock(),
        verbose_name=_("body"),
        blank=True,
        help_text=_("The page's content, built from headings, text, images and more."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        # The body indexes quotes written in it; chosen quote snippets need their own text.
        index.SearchField("search_quotes"),
    ]

    # Fields of the read-only API at /api/v2/ (seo/api.py, docs/seo.md).
    api_fields = [
        "intro",
        "body",
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")

    def search_quotes(self):
        """The chosen quote snippets' text for the search index (`quotes.models.quotes_text`)."""
        return quotes_text(self, pks=chosen_quote_ids(self.body))


class ProjectTeaser(
    TranslatableMixin, DraftStateMixin, RevisionMixin, PreviewableMixin, models.Model
):
    """A project of the association shown as a logo in the home page's "Projekte" row.

    Editors add the logo, a short text and a link to the project's page or website; the sort
    order decides the position in the row. Teasers are reviewed as drafts before they go live.
    """

    name = models.CharField(_("name"), max_length=120)
    logo = optional_link(
        "wagtailimages.Image",
        _("logo"),
        _("A wide logo on a light background works best (about 3:2)."),
    )
    logo_alt_text = models.CharField(
        _("alternative text of the logo"),
        max_length=200,
        blank=True,
        help_text=_("What screen readers announce; leave empty to use the project's name."),
    )
    short_text = models.TextField(
        _("short text"),
        max_length=300,
        blank=True,
        help_text=_("One or two sentences shown below the logo."),
    )
    link_page = optional_link("wagtailcore.Page", _("internal page"))
    link_url = models.URLField(_("external address"), blank=True)
    sort_order = models.PositiveIntegerField(
        _("sort order"), default=100, help_text=_("Lower numbers are shown first.")
    )
    # Deleting a teaser deletes its revisions too (Wagtail's recommended pattern for snippets).
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="project_teaser")

    panels = [
        FieldPanel("name"),
        MultiFieldPanel([FieldPanel("logo"), FieldPanel("logo_alt_text")], heading=_("Logo")),
        FieldPanel("short_text"),
        MultiFieldPanel(
            [PageChooserPanel("link_page"), FieldPanel("link_url")],
            heading=_("Link"),
            help_text=_("Choose an internal page or enter an external address, not both."),
        ),
        FieldPanel("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("project teaser")
        verbose_name_plural = _("project teasers")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.link_page_id and self.link_url:
            message = _("Choose either an internal page or an external address, not both.")
            raise ValidationError({"link_page": message, "link_url": message})

    @property
    def revisions(self):
        return self._revisions

    @property
    def logo_alt(self):
        return self.logo_alt_text or self.name

    @cached_property
    def url(self):
        if self.link_page is not None:
            return localized_url(self.link_page)
        return self.link_url

    def get_preview_template(self, request, mode_name):
        return "home/previews/project_teaser.html"

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context["project_teasers"] = [self]
        return context

    @classmethod
    def for_display(cls):
        """Live teasers of the active locale (source version where untranslated), in order.

        Fixed number of queries however many teasers there are: teasers, their logos and
        the localized link pages are each fetched once.
        """
        teasers = list(
            cls.objects.filter(live=True)
            .filter(locale__language_code__in=display_language_codes())
            .select_related("locale", "logo", "link_page")
            # Renditions with the logos, so a cold cache costs no query per logo.
            .prefetch_related("logo__renditions")
        )
        teasers = prefer_active_locale(teasers)
        for teaser, page in zip(
            teasers, localize_pages([t.link_page for t in teasers]), strict=True
        ):
            teaser.link_page = page if page is None or page.live else None
        return teasers
