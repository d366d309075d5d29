"""Filters of the cluster overview, and the cluster filter of the quotes' admin listing.

The overview's filters live in the address (`?kind=micro&state=TH&sector=optik`), so a
filtered list can be shared and works without JavaScript. A value that is not one of the
choices never fails the page: that filter is ignored and the page says so, with the shared
notices of the lists (`listings.notices`).

The overview page (`clusters.models.index`) imports this module, so it imports the models'
submodules it needs by their own names, never `clusters.models.index`.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

import django_filters

from listings.notices import ignored_input
from portal.models import FederalState
from quotes.views import QuoteFilterSet

from .models.cluster import ClusterPage
from .models.sectors import Sector

# Django's own message for a value that is not a choice, in the wording that does not repeat
# the value: the notice names it already, shortened (`listings.notices.shown_value`), and the
# wording of `forms.ChoiceField` would repeat it in full, however long the address made it.
CHOICE_ERRORS = {"invalid_choice": forms.ModelChoiceField.default_error_messages["invalid_choice"]}


def sector_choices():
    return [(sector.slug, sector.name) for sector in Sector.for_display()]


class ClusterFilter(django_filters.FilterSet):
    """Kind, federal state and sector of the clusters on a `ClusterIndexPage`; they combine."""

    kind = django_filters.ChoiceFilter(
        label=_("Kind of cluster"),
        choices=ClusterPage.Kind.choices,
        empty_label=_("All kinds"),
        error_messages=CHOICE_ERRORS,
    )
    state = django_filters.ChoiceFilter(
        label=_("Federal state"),
        field_name="federal_states__code",
        choices=FederalState.Code.choices,
        empty_label=_("All federal states"),
        error_messages=CHOICE_ERRORS,
    )
    sector = django_filters.ChoiceFilter(
        label=_("Sector"),
        field_name="sector__slug",
        choices=sector_choices,
        empty_label=_("All sectors"),
        error_messages=CHOICE_ERRORS,
    )

    @property
    def notices(self):
        """One `listings.notices.Notice` per ignored filter: its label, the value and why."""
        return ignored_input(self.form, self.data)

    @property
    def is_active(self):
        self.form.is_valid()
        return any(self.form.cleaned_data.get(name) for name in self.filters)

    def results(self):
        return list(self.qs)


class ClusterQuoteFilterSet(QuoteFilterSet):
    """The quotes' admin filters, and the cluster pages that show a quote."""

    cluster = django_filters.ModelChoiceFilter(
        label=_("Cluster"),
        field_name="cluster_links__page",
        queryset=ClusterPage.objects.order_by("title"),
        distinct=True,
    )

    class Meta(QuoteFilterSet.Meta):
        fields = []
