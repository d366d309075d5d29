"""The quotes' admin listing: its filters and its snippet viewset.

The viewset is registered by the app that groups it in the admin menu (the clusters app's
"Clusters and quotes"), which may add filters of its own (`filterset_class`).
"""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet

import django_filters

from portal.viewsets import TranslatableSnippetViewSet

from .models import Quote


def organisation_choices():
    names = (
        Quote.objects.exclude(organisation="")
        .order_by("organisation")
        .values_list("organisation", flat=True)
        .distinct()
    )
    return [(name, name) for name in names]


class QuoteFilterSet(WagtailFilterSet):
    """Admin filters of the quotes listing: organisation, published or draft."""

    organisation = django_filters.ChoiceFilter(
        label=_("Organisation"), choices=lambda: organisation_choices()
    )
    live = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[("true", _("Published")), ("false", _("Draft"))],
        method="filter_live",
        empty_label=_("All"),
    )

    class Meta:
        model = Quote
        fields = []

    def filter_live(self, queryset, name, value):
        return queryset.filter(live=value == "true")


class QuoteViewSet(TranslatableSnippetViewSet):
    """Quotes of business leaders: drafts, revisions, preview and locking before they go live."""

    model = Quote
    icon = "openquote"
    menu_label = _("Quotes")
    list_display = ["__str__", "organisation", "locale", "live"]
    search_fields = ["text", "name", "organisation", "role"]
    filterset_class = QuoteFilterSet
    ordering = ["name", "pk"]
