"""The rows editors add inline on a cluster page: sites, key figures, networks and quotes."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .cluster import ClusterPage
from .common import check_year


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
