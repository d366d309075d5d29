"""factory_boy / wagtail-factories factories for the portal's home models.

Used by the test suite and meant to be imported by later tests (clusters, locations, events).

Pages are created with ``parent=<page>`` (``add_child`` under the hood), so they are live
and get their locale from the parent. Examples::

    home = HomePage.objects.get(locale__language_code="de")
    page = StandardPageFactory(
        parent=home,
        title="Über uns",
        body__0__heading__heading_text="Wer wir sind",
        body__1__paragraph__value="<p>Ein Verein der Region.</p>",
    )
    teaser = ProjectTeaserFactory(name="Clusterkonferenz", sort_order=10)
    internal = ProjectTeaserFactory(link_page=page, logo=None)  # link_url stays empty

Images come from ``wagtail_factories.ImageFactory`` but are put into the existing root
collection instead of creating a new root collection per image.
"""

import wagtail_factories
from wagtail.models import Collection, Locale, Page, Site
from wagtail.rich_text import RichText

import factory
from factory.django import DjangoModelFactory

from home import blocks
from home.models import (
    ContactPerson,
    FederalState,
    FooterLink,
    HomePage,
    MainMenuItem,
    PortalSettings,
    ProjectTeaser,
    SocialLink,
    StandardPage,
)

__all__ = [
    "BaseStreamBlockFactory",
    "BlockQuoteBlockFactory",
    "CallToActionBlockFactory",
    "ContactPersonFactory",
    "FederalStateFactory",
    "FooterLinkFactory",
    "HeadingBlockFactory",
    "HomePageFactory",
    "ImageFactory",
    "MainMenuItemFactory",
    "ParagraphBlockFactory",
    "PortalSettingsFactory",
    "ProjectTeaserFactory",
    "SocialLinkFactory",
    "StandardPageFactory",
]


def _root_collection():
    return Collection.get_first_root_node()


def _default_locale():
    return Locale.get_default()


def _root_page():
    return Page.get_first_root_node()


def _default_home_page():
    """The home page of the default locale (created by migration home/0002)."""
    return HomePage.objects.filter(locale=Locale.get_default()).order_by("path").first()


class ImageFactory(wagtail_factories.ImageFactory):
    """A small generated image in the root collection (not a new root per image)."""

    title = factory.Sequence(lambda n: f"Bild {n}")
    collection = factory.LazyFunction(_root_collection)
    file = factory.django.ImageField(width=60, height=40, color="teal")


# --- StreamField blocks -----------------------------------------------------------------


class HeadingBlockFactory(wagtail_factories.StructBlockFactory):
    heading_text = factory.Sequence(lambda n: f"Überschrift {n}")
    size = "h2"

    class Meta:
        model = blocks.HeadingBlock


class ParagraphBlockFactory(wagtail_factories.blocks.BlockFactory):
    """A rich-text paragraph; pass ``value="<p>…</p>"``."""

    value = "<p>Cluster sind Netzwerke von Unternehmen und Forschungseinrichtungen.</p>"

    class Meta:
        model = blocks.ParagraphBlock

    @classmethod
    def _construct_block(cls, block_class, *args, **kwargs):
        return RichText(kwargs["value"])


class BlockQuoteBlockFactory(wagtail_factories.StructBlockFactory):
    text = "Mitteldeutschland ist ein Standort mit Zukunft."
    name = factory.Sequence(lambda n: f"Dr. Erika Beispiel {n}")
    role = "Geschäftsführerin, Beispiel GmbH"

    class Meta:
        model = blocks.BlockQuoteBlock


class CallToActionBlockFactory(wagtail_factories.StructBlockFactory):
    """A call to action to an external address (set ``page`` and ``external_url=""``
    for an internal one)."""

    title = "Investieren in Mitteldeutschland"
    text = "Finden Sie freie Gewerbeflächen und Hallen in der Region."
    page = None
    external_url = "https://example.org/flaechen/"
    button_label = "Zum Flächenpool"

    class Meta:
        model = blocks.CallToActionBlock


class BaseStreamBlockFactory(wagtail_factories.StreamBlockFactory):
    heading = factory.SubFactory(HeadingBlockFactory)
    paragraph = factory.SubFactory(ParagraphBlockFactory)
    quote = factory.SubFactory(BlockQuoteBlockFactory)
    call_to_action = factory.SubFactory(CallToActionBlockFactory)

    class Meta:
        model = blocks.BaseStreamBlock


# --- Pages --------------------------------------------------------------------------------


class HomePageFactory(wagtail_factories.PageFactory):
    """A home page. The migration already creates the German one; Wagtail's admin allows
    only one (`HomePage.can_create_at`), so use this for isolated tests only."""

    parent = factory.LazyFunction(_root_page)
    title = "Metropolregion Mitteldeutschland"
    slug = factory.Sequence(lambda n: f"start-{n}")
    intro_heading = "Net Works!"
    intro = "<p>Die Metropolregion verbindet Wirtschaft, Wissenschaft und Kommunen.</p>"
    # Usage: HomePageFactory(quotes__0__quote__name="…", quotes__0__quote__text="…")
    quotes = wagtail_factories.StreamFieldFactory(
        {"quote": factory.SubFactory(BlockQuoteBlockFactory)}
    )

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    """A live standard page, by default under the German home page."""

    parent = factory.LazyFunction(_default_home_page)
    title = factory.Sequence(lambda n: f"Standardseite {n}")
    intro = "Ein kurzer Vorspann."
    body = wagtail_factories.StreamFieldFactory(BaseStreamBlockFactory)

    class Meta:
        model = StandardPage


# --- Snippets and settings ----------------------------------------------------------------


class ProjectTeaserFactory(DjangoModelFactory):
    """A live project teaser in the default (German) locale with a logo."""

    name = factory.Sequence(lambda n: f"Projekt {n}")
    logo = factory.SubFactory(ImageFactory)
    logo_alt_text = ""
    short_text = factory.LazyAttribute(lambda o: f"Kurzbeschreibung von {o.name}.")
    link_page = None
    # An external address unless an internal page is given (never both, see clean()).
    link_url = factory.LazyAttributeSequence(
        lambda o, n: "" if o.link_page else f"https://projekt-{n}.example.org/"
    )
    sort_order = factory.Sequence(lambda n: 10 * (n + 1))
    locale = factory.LazyFunction(_default_locale)
    live = True

    class Meta:
        model = ProjectTeaser


class PortalSettingsFactory(DjangoModelFactory):
    """The settings of the default site.

    There is one row per site, so an existing row (for example one created by
    `PortalSettings.for_site`) is updated with the factory's values instead of duplicated.
    """

    site = factory.LazyFunction(lambda: Site.objects.get(is_default_site=True))
    organisation_name = "Europäische Metropolregion Mitteldeutschland e.V."
    street = "Schillerstraße 5"
    postcode = "04109"
    city = "Leipzig"
    phone = "+49 341 600 16-0"
    email = "info@example.org"

    class Meta:
        model = PortalSettings

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        site = kwargs.pop("site")
        instance, _created = model_class.objects.update_or_create(site=site, defaults=kwargs)
        return instance


class MainMenuItemFactory(DjangoModelFactory):
    """A main menu entry; pass ``page=…`` (the entry's label is the page's title)."""

    settings = factory.SubFactory(PortalSettingsFactory)
    page = factory.SubFactory(StandardPageFactory)
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = MainMenuItem


class FooterLinkFactory(DjangoModelFactory):
    """A footer link; pass ``page=…``."""

    settings = factory.SubFactory(PortalSettingsFactory)
    page = factory.SubFactory(StandardPageFactory)
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = FooterLink


class SocialLinkFactory(DjangoModelFactory):
    settings = factory.SubFactory(PortalSettingsFactory)
    platform = "linkedin"
    url = factory.Sequence(lambda n: f"https://www.linkedin.com/company/emmd-{n}/")
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = SocialLink


class FederalStateFactory(DjangoModelFactory):
    """One of the three states; the rows exist (migration home/0005), so this gets them."""

    code = FederalState.Code.SACHSEN

    class Meta:
        model = FederalState
        django_get_or_create = ("code",)


class ContactPersonFactory(DjangoModelFactory):
    """A live contact person in the default (German) locale, without portrait."""

    name = factory.Sequence(lambda n: f"Dr. Erika Beispiel {n}")
    role = "Clustermanagerin"
    organisation = "Europäische Metropolregion Mitteldeutschland e.V."
    email = factory.Sequence(lambda n: f"kontakt-{n}@example.org")
    phone = "+49 341 600 16-0"
    portrait = None
    locale = factory.LazyFunction(_default_locale)
    live = True

    class Meta:
        model = ContactPerson
