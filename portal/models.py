"""The portal's shared models: federal states, contact persons and the site settings with
the main menu, footer links and social media links.

Every other app builds on these; none of them is specific to one section of the site.
"""

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import DraftStateMixin, Orderable, RevisionMixin, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .fields import optional_link

PHONE_CHARACTERS = set("+0123456789 /-()")
PHONE_ERROR = _("Use digits, spaces and + / - ( ) only, e.g. +49 341 600 16-0.")


def phone_href(phone):
    """A `tel:` link for a phone number as editors write it (+49 (0)341 600 16-0).

    The "(0)" of the German notation is the trunk prefix, never dialled after +49.
    """
    return "tel:" + "".join(ch for ch in phone.replace("(0)", "") if ch.isdigit() or ch == "+")


@register_setting(icon="site")
class PortalSettings(ClusterableModel, BaseSiteSetting):
    """Site-wide settings: logo, contact address, main menu, footer links and social media.

    Menu and footer entries are pages; their labels are the pages' titles in the visitor's
    language, so translating a page translates its menu entry too.
    """

    logo = optional_link(
        "wagtailimages.Image",
        _("logo"),
        _("Shown in the header; the site name is used as its alternative text."),
    )
    organisation_name = models.CharField(
        _("organisation"),
        max_length=200,
        default="Europäische Metropolregion Mitteldeutschland e.V.",
    )
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    phone = models.CharField(
        _("phone"), max_length=40, blank=True, help_text=_("International format, e.g. +49 341 ...")
    )
    email = models.EmailField(_("email"), blank=True)

    contact_panels = [
        FieldPanel("logo"),
        FieldPanel("organisation_name"),
        FieldPanel("street"),
        FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")]),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
    ]
    menu_panels = [
        InlinePanel("main_menu_items", label=_("Main menu entry"), heading=_("Main menu")),
    ]
    footer_panels = [
        InlinePanel("footer_links", label=_("Footer link"), heading=_("Footer links")),
        InlinePanel("social_links", label=_("Social media link"), heading=_("Social media")),
    ]

    edit_handler = TabbedInterface(
        [
            ObjectList(contact_panels, heading=_("Logo and contact")),
            ObjectList(menu_panels, heading=_("Main menu")),
            ObjectList(footer_panels, heading=_("Footer")),
        ]
    )

    class Meta:
        db_table = "home_portalsettings"  # the model moved from the home app with its table
        verbose_name = _("portal settings")

    def clean(self):
        super().clean()
        if self.postcode and not (self.postcode.isdigit() and len(self.postcode) == 5):
            raise ValidationError({"postcode": _("Enter a German postcode of five digits.")})
        if self.phone and not set(self.phone) <= PHONE_CHARACTERS:
            raise ValidationError({"phone": PHONE_ERROR})

    @property
    def phone_href(self):
        return phone_href(self.phone)


class PageLink(Orderable):
    """An orderable link to a page, labelled with the page's title in the visitor's language."""

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [PageChooserPanel("page")]

    class Meta(Orderable.Meta):
        abstract = True


class MainMenuItem(PageLink):
    """An entry of the header's main menu."""

    settings = ParentalKey(PortalSettings, related_name="main_menu_items")

    class Meta(PageLink.Meta):
        db_table = "home_mainmenuitem"  # the model moved from the home app with its table
        verbose_name = _("main menu entry")


class FooterLink(PageLink):
    """A link in the footer, such as the imprint or the privacy statement."""

    settings = ParentalKey(PortalSettings, related_name="footer_links")

    class Meta(PageLink.Meta):
        db_table = "home_footerlink"  # the model moved from the home app with its table
        verbose_name = _("footer link")


class SocialLink(Orderable):
    """A link to one of the association's social media profiles."""

    PLATFORMS = [
        ("linkedin", "LinkedIn"),
        ("xing", "XING"),
        ("mastodon", "Mastodon"),
        ("instagram", "Instagram"),
        ("youtube", "YouTube"),
        ("facebook", "Facebook"),
        ("bluesky", "Bluesky"),
    ]

    settings = ParentalKey(PortalSettings, related_name="social_links")
    platform = models.CharField(_("platform"), max_length=20, choices=PLATFORMS)
    url = models.URLField(_("profile address"))

    panels = [FieldRowPanel([FieldPanel("platform"), FieldPanel("url")])]

    class Meta(Orderable.Meta):
        db_table = "home_sociallink"  # the model moved from the home app with its table
        verbose_name = _("social media link")


class FederalState(models.Model):
    """One of the region's federal states, for filters on clusters, sites and events.

    The three rows (Sachsen, Sachsen-Anhalt, Thüringen) are created by a migration; their
    names come from the interface catalogues, so they need no translation in the admin.
    """

    class Code(models.TextChoices):
        SACHSEN = "SN", _("Saxony")
        SACHSEN_ANHALT = "ST", _("Saxony-Anhalt")
        THUERINGEN = "TH", _("Thuringia")

    code = models.CharField(_("code"), max_length=2, choices=Code.choices, unique=True)

    class Meta:
        db_table = "home_federalstate"  # the model moved from the home app with its table
        verbose_name = _("federal state")
        verbose_name_plural = _("federal states")
        ordering = ["code"]

    def __str__(self):
        return str(self.get_code_display())

    @property
    def name(self):
        return self.get_code_display()


class ContactPerson(TranslatableMixin, DraftStateMixin, RevisionMixin, models.Model):
    """A person visitors can contact about a cluster, a commercial site or an event.

    Editors keep each contact once and choose it on the pages it belongs to; the role is
    translated, the rest is synchronised from the German source.
    """

    name = models.CharField(_("name"), max_length=120, help_text=_("With academic title."))
    role = models.CharField(
        _("role"), max_length=200, blank=True, help_text=_("For example “Clustermanager”.")
    )
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(
        _("phone"), max_length=40, blank=True, help_text=_("International format, e.g. +49 341 ...")
    )
    portrait = optional_link(
        "wagtailimages.Image", _("portrait"), _("Its description is used as alternative text.")
    )
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="contact_person")

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("organisation"),
        FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
        FieldPanel("portrait"),
    ]

    # A person's name, organisation and ways to reach them are the same in every language.
    override_translatable_fields = [
        SynchronizedField("name"),
        SynchronizedField("organisation"),
        SynchronizedField("phone"),
        TranslatableField("role"),
    ]

    class Meta(TranslatableMixin.Meta):
        db_table = "home_contactperson"  # the model moved from the home app with its table
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.organisation})" if self.organisation else self.name

    @property
    def revisions(self):
        return self._revisions

    def clean(self):
        super().clean()
        if self.phone and not set(self.phone) <= PHONE_CHARACTERS:
            raise ValidationError({"phone": PHONE_ERROR})

    @property
    def phone_href(self):
        return phone_href(self.phone)
