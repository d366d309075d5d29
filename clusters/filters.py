"""Filters of the cluster overview, and the cluster filter of the quotes' admin listing.

The overview's filters live in the address (`?kind=micro&state=TH&sector=optik`), so a
filtered list can be shared and works without JavaScript. A value that is not one of the
choices never fails the page: that filter is ignored and the page says so.
"""

from django.utils.translation import gettext_lazy as _

import django_filters

from portal.models import FederalState
from quotes.views import QuoteFilterSet

from .models import ClusterPage, Sector

MAX_SHOWN_VALUE = 40


def sector_choices():
    return [(sector.slug, sector.name) for sector in Sector.for_display()]


class ClusterFilter(django_filters.FilterSet):
    """Kind, federal state and sector of the clusters on a `ClusterIndexPage`; they combine."""

    kind = django_filters.ChoiceFilter(
        label=_("Kind of cluster"),
        choices=ClusterPage.Kind.choices,
        empty_label=_("All kinds"),
    )
    state = django_filters.ChoiceFilter(
        label=_("Federal state"),
        field_name="federal_states__code",
        choices=FederalState.Code.choices,
        empty_label=_("All federal states"),
    )
    sector = django_filters.ChoiceFilter(
        label=_("Sector"),
        field_name="sector__slug",
        choices=sector_choices,
        empty_label=_("All sectors"),
    )

    @property
    def notices(self):
        """One message (`id`, `text`) per ignored filter, naming the filter and its bad value."""
        messages = []
        for name in self.form.errors:
            value = str(self.data.get(name, ""))
            if len(value) > MAX_SHOWN_VALUE:
                value = value[: MAX_SHOWN_VALUE - 1] + "…"
            message = _(
                "The filter “%(filter)s” was ignored: “%(value)s” is not one of its values."
            )
            # The id is the one Django's select points at with aria-describedby.
            messages.append(
                {
                    "id": f"{self.form[name].auto_id}_error",
                    "text": message % {"filter": self.filters[name].label, "value": value},
                }
            )
        return messages

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
