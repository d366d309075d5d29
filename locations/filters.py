"""The pool's filters, shared by the list view, the map view and the GeoJSON feed.

Every parameter is validated by a form field; the HTML views drop an invalid parameter and
say so in a notice, the feed answers it with a 400 and a JSON error. Nothing here can raise a
database error on bad input: numbers are bounded, text is length-limited and free of NUL.
The pool page model (`models.index`) imports the views and so this module, which therefore
names only `models.choices`; the feed hands `FeedFilterSet` the pool pages to look `pool` up in.
"""

import math

from django import forms
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

import django_filters

from portal.models import FederalState

# The pool page (`models.index`) imports the views and so this module: name only `choices`.
from .models.choices import Kind, Zoning

MAX_AREA = 100_000_000  # m² (10,000 ha): beyond any property in the region
MAX_TEXT = 100


class RawCheckboxInput(forms.CheckboxInput):
    """A checkbox that hands the submitted text to the field (Django's turns it into a bool)."""

    def value_from_datadict(self, data, files, name):
        return data.get(name)

    def format_value(self, value):
        return None

    def get_context(self, name, value, attrs):
        # Checked for any accepted "yes"; the field has already rejected anything else.
        checked = str(value).strip().lower() in StrictBooleanField.TRUE or value is True
        context = super().get_context(name, checked, attrs)
        context["widget"]["value"] = "1"
        return context


class StrictBooleanField(forms.Field):
    """A checkbox that rejects values other than the usual spellings of yes and no."""

    widget = RawCheckboxInput
    TRUE = {"1", "on", "true", "yes"}
    FALSE = {"", "0", "off", "false", "no"}
    default_error_messages = {"invalid": _("Use 1 (yes) or 0 (no).")}

    def to_python(self, value):
        if isinstance(value, bool):
            return value
        text = str(value or "").strip().lower()
        if text in self.TRUE:
            return True
        if text in self.FALSE:
            return False
        raise forms.ValidationError(self.error_messages["invalid"], code="invalid")

    def validate(self, value):
        # False is a valid, optional answer.
        return None


class BBoxField(forms.CharField):
    """`west,south,east,north` in degrees (RFC 7946 order: longitude first)."""

    default_error_messages = {
        "format": _("Give four numbers: west,south,east,north (longitude first)."),
        "range": _("Longitudes lie between -180 and 180, latitudes between -90 and 90."),
        "order": _("West must not exceed east and south must not exceed north."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 200)
        super().__init__(**kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        parts = value.split(",")
        if len(parts) != 4:
            raise forms.ValidationError(self.error_messages["format"], code="format")
        try:
            west, south, east, north = (float(part) for part in parts)
        except ValueError:
            raise forms.ValidationError(self.error_messages["format"], code="format") from None
        if not all(math.isfinite(number) for number in (west, south, east, north)):
            raise forms.ValidationError(self.error_messages["format"], code="format")
        if not (-180 <= west <= 180 and -180 <= east <= 180):
            raise forms.ValidationError(self.error_messages["range"], code="range")
        if not (-90 <= south <= 90 and -90 <= north <= 90):
            raise forms.ValidationError(self.error_messages["range"], code="range")
        if west > east or south > north:
            raise forms.ValidationError(self.error_messages["order"], code="order")
        return (west, south, east, north)


class StrictBooleanFilter(django_filters.Filter):
    field_class = StrictBooleanField


class BBoxFilter(django_filters.Filter):
    field_class = BBoxField


class PoolField(forms.IntegerField):
    """The id of a pool page; bounded before the lookup so no database rejects it.

    `pools` is the queryset of pool pages the id is looked up in, handed over by the feed
    (`FeedFilterSet(pools=…)`): this module cannot import the pool page model, which imports
    the views and so this module.
    """

    default_error_messages = {"missing": _("There is no pool with this number.")}

    def __init__(self, *, pools=None, **kwargs):
        self.pools = pools
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", 2**31 - 1)
        super().__init__(**kwargs)

    def clean(self, value):
        number = super().clean(value)
        if number is None:
            return None
        pool = self.pools.filter(pk=number).first()
        if pool is None:
            raise forms.ValidationError(self.error_messages["missing"], code="missing")
        return pool


class PoolFilter(django_filters.Filter):
    field_class = PoolField


class LocationFilterForm(forms.Form):
    def clean(self):
        cleaned = super().clean()
        area_min, area_max = cleaned.get("area_min"), cleaned.get("area_max")
        if area_min is not None and area_max is not None and area_min > area_max:
            self.add_error("area_max", _("The maximum area is smaller than the minimum."))
        return cleaned


SORT_CHOICES = [
    ("newest", _("Newest first")),
    ("area_desc", _("Largest area first")),
    ("area_asc", _("Smallest area first")),
    ("city", _("City (A–Z)")),
    ("price_asc", _("Lowest price first")),
    ("price_desc", _("Highest price first")),
]
SORT_ORDER = {
    "newest": [F("first_published_at").desc(nulls_last=True), "-pk"],
    "area_desc": [F("area_m2").desc(nulls_last=True), "pk"],
    "area_asc": [F("area_m2").asc(nulls_last=True), "pk"],
    "city": ["city", "title", "pk"],
    "price_asc": [F("price_per_m2").asc(nulls_last=True), "pk"],
    "price_desc": [F("price_per_m2").desc(nulls_last=True), "pk"],
}
DEFAULT_SORT = "newest"


def text_filter(label):
    return django_filters.CharFilter(
        label=label,
        method="filter_text",
        max_length=MAX_TEXT,
        widget=forms.TextInput(attrs={"type": "search", "maxlength": MAX_TEXT}),
    )


def area_filter(label):
    return django_filters.NumberFilter(
        label=label,
        method="filter_area",
        min_value=0,
        max_value=MAX_AREA,
        max_digits=12,
        decimal_places=2,
        widget=forms.NumberInput(attrs={"min": 0, "step": "any", "inputmode": "decimal"}),
    )


class LocationFilterSet(django_filters.FilterSet):
    """Filters of the list and map views, in the URL so that searches can be shared.

    `kind` decides the unit of the area filters: hectares for sites, m² for halls.
    """

    q = text_filter(_("Search term"))
    place = text_filter(_("City or district"))
    state = django_filters.MultipleChoiceFilter(
        label=_("Federal state"),
        field_name="federal_state__code",
        choices=FederalState.Code.choices,
        widget=forms.CheckboxSelectMultiple,
        # One row per property either way: no SELECT DISTINCT needed.
        distinct=False,
    )
    zoning = django_filters.MultipleChoiceFilter(
        label=_("Zoning"),
        choices=Zoning.choices,
        widget=forms.CheckboxSelectMultiple,
        distinct=False,
    )
    area_min = area_filter(_("Area from"))
    area_max = area_filter(_("Area up to"))
    available_now = StrictBooleanFilter(
        label=_("Available now"), method="filter_available_now", required=False
    )
    sort = django_filters.ChoiceFilter(
        label=_("Sort by"),
        choices=SORT_CHOICES,
        method="filter_sort",
        empty_label=None,
        widget=forms.Select,
    )

    class Meta:
        form = LocationFilterForm
        fields = []

    def __init__(self, data=None, *args, kind=Kind.SITE, today=None, **kwargs):
        self.kind = kind
        self.today = today
        super().__init__(data, *args, **kwargs)
        unit = "ha" if kind == Kind.SITE else "m²"
        for name in ("area_min", "area_max"):
            field = self.form.fields[name]
            field.label = f"{field.label} ({unit})"

    def filter_text(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        if name == "place":
            return queryset.filter(Q(city__icontains=value) | Q(district__icontains=value))
        return queryset.filter(
            Q(title__icontains=value)
            | Q(summary__icontains=value)
            | Q(city__icontains=value)
            | Q(district__icontains=value)
        )

    def filter_area(self, queryset, name, value):
        square_metres = float(value) * (10_000 if self.kind == Kind.SITE else 1)
        lookup = "area_m2__gte" if name == "area_min" else "area_m2__lte"
        return queryset.filter(**{lookup: square_metres})

    def filter_available_now(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(Q(available_from__isnull=True) | Q(available_from__lte=self.today))

    def filter_sort(self, queryset, name, value):
        # Sorting is applied last by `sorted_qs` so every filter runs first.
        return queryset

    @property
    def sort_key(self):
        if not self.is_bound:
            return DEFAULT_SORT
        self.errors  # noqa: B018 (validates the form, filling cleaned_data)
        value = self.form.cleaned_data.get("sort")
        return value if value in SORT_ORDER else DEFAULT_SORT

    @property
    def sorted_qs(self):
        return self.qs.order_by(*SORT_ORDER[self.sort_key])

    def has_active_filters(self):
        if not self.is_bound:
            return False
        cleaned = getattr(self.form, "cleaned_data", {})
        return any(
            value not in (None, "", [], False) for name, value in cleaned.items() if name != "sort"
        )


class FeedFilterSet(LocationFilterSet):
    """The feed's filters: the list's plus `bbox`, `kind` and `pool` (a pool page's id)."""

    bbox = BBoxFilter(label=_("Map section"), method="filter_bbox")
    kind = django_filters.ChoiceFilter(label=_("Kind of property"), choices=Kind.choices)
    pool = PoolFilter(label=_("Pool"), method="filter_pool")

    def __init__(self, data=None, *args, pools, **kwargs):
        """`pools`: the pool pages `pool` may name (`LocationIndexPage.objects.all()`)."""
        super().__init__(data, *args, **kwargs)
        self.form.fields["pool"].pools = pools

    def filter_bbox(self, queryset, name, value):
        if value is None:
            return queryset
        west, south, east, north = value
        return queryset.filter(
            longitude__gte=west, longitude__lte=east, latitude__gte=south, latitude__lte=north
        )

    def filter_area(self, queryset, name, value):
        # Without a pool the feed cannot know its unit, so areas are then in m².
        cleaned = self.form.cleaned_data
        pool = cleaned.get("pool")
        kind = pool.kind if pool is not None else cleaned.get("kind")
        square_metres = float(value) * (10_000 if kind == Kind.SITE else 1)
        lookup = "area_m2__gte" if name == "area_min" else "area_m2__lte"
        return queryset.filter(**{lookup: square_metres})

    def filter_pool(self, queryset, name, value):
        return queryset.filter(path__startswith=value.path, depth=value.depth + 1)
