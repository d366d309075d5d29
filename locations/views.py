"""List view and map view of the commercial-site and hall pool (the GeoJSON feed is `feed`).

Each view runs a fixed number of queries however many properties match: the list and map
pages fetch one page of results.

The list is the busiest page of the pool, so its rows are plain values too (`listings.Row`),
with the numbers formatted once in Python (`format_number`, cached) and each property's URL
built from the pool's URL, like the feed does.
"""

import functools

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template.defaultfilters import floatformat
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from listings.filtering import filter_query, read_filters
from listings.pagination import paginate
from listings.rendering import RenderedFormCache
from listings.rows import Row
from portal.models import FederalState

# The pool page (`models.index`) imports this module, so only the submodules it does not
# import itself are named here: no import cycle.
from .filters import LocationFilterSet
from .models.choices import Kind, Zoning
from .models.geo import map_settings
from .models.location import LocationPage

PER_PAGE = 20
# The columns of the results table, read as plain values (no model instances).
ROW_FIELDS = (
    "title",
    "slug",
    "kind",
    "summary",
    "postcode",
    "city",
    "district",
    "federal_state__code",
    "zoning",
    "available_area_ha",
    "total_area_ha",
    "floor_space_m2",
    "price_per_m2",
    "available_from",
)


def base_queryset(index_page):
    return LocationPage.objects.live().public().child_of(index_page)


@functools.lru_cache(maxsize=4096, typed=True)
def _format_number(value, arg, language):
    return floatformat(value, arg)


def format_number(value, arg):
    """``value|floatformat:arg`` in the active language; each value is formatted once.

    The filter is slow (decimal arithmetic and locale look-ups) and a list shows the same
    few hundred values over and over; the result depends only on the value, the argument,
    the language and the format settings (a settings change empties the cache).
    """
    return _format_number(value, arg, get_language())


# The filter form's thirteen widgets cost more than the whole results table (listings/rendering.py).
_filter_forms = RenderedFormCache("locations/includes/filter_form.html")


def filter_form_html(form, action, area_unit):
    """The filter form's HTML, rendered once per language, address, unit and input."""
    return _filter_forms.render(
        form, (action, area_unit), {"form": form, "action": action, "area_unit": area_unit}
    )


@receiver(setting_changed)
def _forget_rendered_values(**kwargs):
    _format_number.cache_clear()


def area_text(kind, available_area_ha, total_area_ha, floor_space_m2):
    """The area cell, as `includes/area.html` prints it."""
    if kind == Kind.SITE:
        if available_area_ha is not None:
            return f"{format_number(available_area_ha, '-2g')} ha"
        if total_area_ha is not None:
            return f"{format_number(total_area_ha, '-2g')} ha {_('(total)')}"
    elif floor_space_m2 is not None:
        return f"{format_number(floor_space_m2, '0g')} m²"
    return "–"


def price_text(kind, price_per_m2, on_request):
    """The price cell, as `includes/price.html` prints it."""
    if price_per_m2 is None:
        return on_request
    if kind == Kind.SITE:
        return f"{format_number(price_per_m2, '2g')} €/m²"
    return _("%(price)s €/m² per month") % {"price": format_number(price_per_m2, "2g")}


def result_rows(values, pool_url, today):
    """`Row`s from named `ROW_FIELDS` values of properties below the pool at `pool_url`.

    A property's URL is its pool's URL and its slug, as Wagtail builds it (and the feed).
    The texts are what the pool's templates print for a property (includes/area.html,
    includes/price.html and the availability of location_page.html), with the same
    translations; the template escapes them.
    """
    state_names = {code: str(label) for code, label in FederalState.Code.choices}
    zoning_labels = {code: str(label) for code, label in Zoning.choices}
    now = _("now")
    on_request = _("on request")
    rows = []
    for value in values:
        available_from = value.available_from
        if available_from is None or available_from <= today:
            available = now
        else:
            available = _("from %(date)s") % {"date": date_format(available_from, "DATE_FORMAT")}
        rows.append(
            Row(
                title=value.title,
                url=f"{pool_url}{value.slug}/",
                summary=value.summary,
                postcode=value.postcode,
                city=value.city,
                district=value.district,
                state_name=state_names.get(value.federal_state__code, value.federal_state__code),
                area_text=area_text(
                    value.kind,
                    value.available_area_ha,
                    value.total_area_ha,
                    value.floor_space_m2,
                ),
                zoning=value.zoning,
                zoning_label=zoning_labels.get(value.zoning, value.zoning),
                price_text=price_text(value.kind, value.price_per_m2, on_request),
                available_text=available,
            )
        )
    return rows


def filtered_results(request, index_page):
    """The filter set, this page of results and the notices about ignored input."""
    today = timezone.localdate()
    filters = read_filters(
        lambda data: LocationFilterSet(
            data or None, queryset=base_queryset(index_page), kind=index_page.kind, today=today
        ),
        request,
    )
    list_url = index_page.get_url(request)
    queryset = filters.filterset.sorted_qs
    notices = filters.notices
    results = paginate(
        request,
        queryset.values_list(*ROW_FIELDS, named=True),
        notices,
        per_page=PER_PAGE,
        convert=lambda values: result_rows(values, list_url, today),
        # The COUNT without the joins of the printed columns.
        count_queryset=queryset,
    )
    return {
        "filterset": filters.filterset,
        "form": filters.form,
        "results": results,
        "result_count": results.paginator.count,
        "notices": notices,
        # Links (pages, list/map switch) and the map's feed carry only the valid filters.
        "filter_query": filter_query(request, drop=("page", *filters.ignored)),
        "invalid_fields": filters.ignored,
        "area_unit": index_page.area_unit,
        "is_site_pool": index_page.kind == Kind.SITE,
        "list_url": list_url,
        "map_url": None if list_url is None else list_url + index_page.reverse_subpage("map"),
    }


def location_list(request, index_page):
    context = filtered_results(request, index_page)
    context["view_name"] = "list"
    context["filter_form"] = filter_form_html(
        context["form"], context["list_url"], context["area_unit"]
    )
    return index_page.render(
        request, template="locations/location_index_page.html", context_overrides=context
    )


def location_map(request, index_page):
    context = filtered_results(request, index_page)
    feed_query = filter_query(request, drop=("page", "sort", *context["invalid_fields"]))
    feed_query = "&".join(part for part in (f"pool={index_page.pk}", feed_query) if part)
    context.update(
        {
            "view_name": "map",
            "feed_url": f"{reverse('locations_geojson')}?{feed_query}",
            "filter_form": filter_form_html(
                context["form"], context["map_url"], context["area_unit"]
            ),
            **map_settings(),
        }
    )
    return index_page.render(
        request, template="locations/location_map.html", context_overrides=context
    )
