"""factory_boy / wagtail-factories factories for the shared models and blocks (`portal`).

Every app's factories build on these: images in the root collection, the body blocks, the
portal settings, federal states and contact persons. Pages of the other apps are created
below ``default_home_page()`` unless a ``parent=`` is given.

Images come from ``wagtail_factories.ImageFactory`` but are put into the existing root
collection instead of creating a new root collection per image.
"""

import wagtail_factories
from wagtail.models import Collection, Locale, Page, Site
from wagtail.rich_text import RichText

import factory
from factory.django import DjangoModelFactory

from portal import blocks
from portal.models import ContactPerson, FederalState, PortalSettings, SocialLink

__all__ = [
    "BaseStreamBlockFactory",
    "BlockQuoteBlockFactory",
    "CallToActionBlockFactory",
    "ContactPersonFactory",
    "FederalStateFactory",
    "HeadingBlockFactory",
    "ImageFactory",
    "ParagraphBlockFactory",
    "PortalSettingsFactory",
    "SocialLinkFactory",
    "default_home_page",
    "default_locale",
]


def root_collection():
    return Collection.get_first_root_node()


def default_locale():
    return Locale.get_default()


def default_home_page():
    """The home page of the default locale (created by migration home/0002): the root of the
    default locale's tree, as its specific page."""
    page = Page.objects.filter(depth=2, locale=Locale.get_default()).order_by("path").first()
    return page.specific if page is not None else None


class ImageFactory(wagtail_factories.ImageFactory):
    """A small generated image in the root collection (not a new root per image)."""

    title = factory.Sequence(lambda n: f"Bild {n}")
    collection = factory.LazyFunction(root_collection)
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


# --- Snippets and settings ----------------------------------------------------------------


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
    locale = factory.LazyFunction(default_locale)
    live = True

    class Meta:
        model = ContactPerson
