"""factory_boy / wagtail-factories factories for the home app: home page, standard pages,
project teasers, and the menu and footer entries (whose default page is a standard page).

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

The shared factories (images, blocks, settings, contact persons) are in `portal.factories`.
"""

import wagtail_factories
from wagtail.models import Page

import factory
from factory.django import DjangoModelFactory

from portal.factories import (
    BaseStreamBlockFactory,
    BlockQuoteBlockFactory,
    ImageFactory,
    PortalSettingsFactory,
    default_home_page,
    default_locale,
)
from portal.models import FooterLink, MainMenuItem

from .models import HomePage, ProjectTeaser, StandardPage

__all__ = [
    "FooterLinkFactory",
    "HomePageFactory",
    "MainMenuItemFactory",
    "ProjectTeaserFactory",
    "StandardPageFactory",
]


def _root_page():
    return Page.get_first_root_node()


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

    parent = factory.LazyFunction(default_home_page)
    title = factory.Sequence(lambda n: f"Standardseite {n}")
    intro = "Ein kurzer Vorspann."
    body = wagtail_factories.StreamFieldFactory(BaseStreamBlockFactory)

    class Meta:
        model = StandardPage


# --- Snippets and menu entries ------------------------------------------------------------


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
    locale = factory.LazyFunction(default_locale)
    live = True

    class Meta:
        model = ProjectTeaser


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
