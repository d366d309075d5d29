"""Filters of the events calendar: category, month or date range, federal state, city, text.

The filters work on occurrences (one row per date of an event), so a series appears once per
date. They are read from the URL's query string; invalid values are reported and ignored by
the view rather than answered with an error.
"""

import datetime as dt

from django import forms
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

import django_filters

from portal import caching
from portal.models import FederalState

# Only a model that names no page class: the page modules import the views, which import this.
from .models.inlines import EventCategoryLink
from .recurrence import make_aware

MIN_YEAR = 1900
MAX_YEAR = 2200


def _check_year(value):
    if value is not None and not MIN_YEAR <= value.year <= MAX_YEAR:
        raise forms.ValidationError(
            _("Enter a year between %(min)s and %(max)s."),
            params={"min": MIN_YEAR, "max": MAX_YEAR},
            code="year_range",
        )


class BoundedDateField(forms.DateField):
    """A date in ISO (2027-03-16) or German (16.03.2027) form, within sensible years."""

    input_formats = ["%Y-%m-%d", "%d.%m.%Y"]

    def to_python(self, value):
        value = super().to_python(value)
        _check_year(value)
        return value


class MonthField(forms.Field):
    """A month as 2027-03; cleaned to the month's first day."""

    def to_python(self, value):
        value = (value or "").strip()
        if not value:
            return None
        try:
            month = dt.datetime.strptime(value, "%Y-%m").date()
        except ValueError as error:
            raise forms.ValidationError(
                _("Enter a month as year and month, e.g. 2027-03."), code="invalid"
            ) from error
        _check_year(month)
        return month


class MonthFilter(django_filters.Filter):
    field_class = MonthField


class BoundedDateFilter(django_filters.Filter):
    field_class = BoundedDateField


def next_month(first_day):
    return (first_day + dt.timedelta(days=32)).replace(day=1)


def midnight(day):
    return make_aware(dt.datetime.combine(day, dt.time()))


def overlapping(queryset, start, end):
    """Occurrences that touch [start, end): running at some moment in between."""
    return queryset.filter(start__lt=end).filter(Q(end__gt=start) | Q(start__gte=start))


def city_choices(index_page):
    """The cities of the live events below `index_page`, sorted by the database (one query)."""
    return list(
        index_page.live_events()
        .exclude(city="")
        .order_by("city")
        .values_list("city", flat=True)
        .distinct()
    )


def cached_city_choices(index_page):
    """`city_choices(index_page)`, kept across requests in the page cache's fragment store.

    The DISTINCT over all events is the list's slowest query. The fragment carries the tag
    of event lists, which saving, publishing, unpublishing, moving or deleting any event page
    bumps (pagecache.purge), so a new city is offered at once.
    """

    def compute():
        caching.record_list("events.eventpage")
        return city_choices(index_page)

    return caching.cached("event_cities", (index_page.pk, translation.get_language()), compute)


class EventFilterForm(forms.Form):
    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("from_date"), cleaned.get("to_date")
        if start and end and end < start:
            self.add_error("to_date", _("The end of the date range is before its start."))
        return cleaned


class EventFilter(django_filters.FilterSet):
    """The filter form above the list and the calendar (a plain GET form)."""

    q = django_filters.CharFilter(
        label=_("Search text"),
        method="filter_text",
        max_length=200,
        strip=True,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    category = django_filters.ChoiceFilter(
        label=_("Category"), method="filter_category", empty_label=_("All categories")
    )
    month = MonthFilter(
        label=_("Month"),
        method="filter_month",
        help_text=_("e.g. 2027-03"),
        widget=forms.TextInput(
            attrs={"aria-describedby": "id_month-help", "inputmode": "numeric", "size": 7}
        ),
    )
    from_date = BoundedDateFilter(
        label=_("From"),
        method="filter_from",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    to_date = BoundedDateFilter(
        label=pgettext_lazy("date range", "Until"),
        method="filter_to",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    state = django_filters.ChoiceFilter(
        label=_("Federal state"),
        field_name="event__federal_state__code",
        choices=FederalState.Code.choices,
        empty_label=_("All federal states"),
    )
    city = django_filters.ChoiceFilter(
        label=_("City"), field_name="event__city", empty_label=_("All cities")
    )

    class Meta:
        form = EventFilterForm
        fields = []

    def __init__(self, *args, index_page=None, categories=(), cities=None, **kwargs):
        """`cities` are the city names to offer (see `city_choices`); read from `index_page`'s
        events when not given."""
        super().__init__(*args, **kwargs)
        self.filters["category"].extra["choices"] = [(c.slug, c.name) for c in categories]
        if cities is None:
            cities = city_choices(index_page) if index_page is not None else []
        self.filters["city"].extra["choices"] = [(city, city) for city in cities]

    def filter_text(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(
            Q(event__title__icontains=value)
            | Q(event__summary__icontains=value)
            | Q(event__venue_name__icontains=value)
            | Q(event__city__icontains=value)
        )

    def filter_category(self, queryset, name, value):
        # Slugs are the same in every language, so one subquery covers all translations.
        pages = EventCategoryLink.objects.filter(category__slug=value).values("page_id")
        return queryset.filter(event_id__in=pages)

    def filter_month(self, queryset, name, value):
        return overlapping(queryset, midnight(value), midnight(next_month(value)))

    def filter_from(self, queryset, name, value):
        start = midnight(value)
        return queryset.filter(Q(end__gt=start) | Q(start__gte=start))

    def filter_to(self, queryset, name, value):
        return queryset.filter(start__lt=midnight(value + dt.timedelta(days=1)))


FILTER_NAMES = ["q", "category", "month", "from_date", "to_date", "state", "city"]
