"""List view, map view and GeoJSON feed of the commercial-site and hall pool.

Each view runs a fixed number of queries however many properties match: the list and map
pages fetch one page of results, the feed reads plain values (no model instances) and builds
every URL from its pool page's URL.

The list is the busiest page of the pool, so its rows are plain values too (`listings.Row`),
with the numbers formatted once in Python (`format_number`, cached) and each property's URL
built from the pool's URL, like the feed does.
"""

import functools
import hashlib
import json

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.signals import setting_changed
from django.db.models import Count, Max, Q
from django.dispatch import receiver
from django.http import HttpResponse, JsonResponse
from django.template.defaultfilters import floatformat
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.formats import date_format
from django.utils.http import http_date
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from wagtail.models import Locale, PageLogEntry

from listings.filtering import filter_query, read_filters
from listings.pagination import paginate
from listings.rendering import RenderedFormCache
from listings.rows import Row
from portal.models import FederalState

from .filters import FeedFilterSet, LocationFilterSet
from .models import Kind, LocationIndexPage, LocationPage, Zoning, map_settings

PER_PAGE = 20
# Bump when the feed's format changes, so cached copies are not reused.
FEED_VERSION = "1"
FEED_CACHE_SECONDS = 600
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
        request.GET,
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


# GeoJSON feed


def _feed_stamp(locale, query):
    """ETag and Last-Modified of the feed, from two cheap aggregate queries.

    Publishing, unpublishing, moving and deleting a property or pool page are logged by
    Wagtail, and every publication sets `last_published_at`; together with the number of live
    properties that covers every change that alters the feed.
    """
    content_types = ContentType.objects.get_for_models(LocationPage, LocationIndexPage).values()
    pages = LocationPage.objects.filter(locale=locale).aggregate(
        total=Count("pk"), live=Count("pk", filter=Q(live=True)), published=Max("last_published_at")
    )
    logged = PageLogEntry.objects.filter(
        content_type__in=[content_type.pk for content_type in content_types]
    ).aggregate(latest=Max("timestamp"))["latest"]
    moments = [moment for moment in (pages["published"], logged) if moment is not None]
    last_modified = max(moments) if moments else None
    key = "|".join(
        str(part)
        for part in (FEED_VERSION, locale.pk, query, pages["total"], pages["live"], last_modified)
    )
    etag = '"' + hashlib.sha256(key.encode()).hexdigest()[:32] + '"'
    return etag, last_modified


def _pool_urls(request, locale):
    """Each live pool page's URL by its tree path, for building property URLs."""
    return {
        pool.path: pool.get_url(request)
        for pool in LocationIndexPage.objects.live()
        .filter(locale=locale)
        .only("id", "path", "url_path", "locale_id", "depth")
    }


def _number(value):
    return None if value is None else float(value)


def geojson_feed(request):
    """The pool as a GeoJSON FeatureCollection (RFC 7946: longitude before latitude).

    Accepts the list's filters plus `bbox=west,south,east,north`, `kind=site|hall` and
    `pool=<pool page id>`; titles and URLs are in the language of the URL prefix. Invalid
    parameters give a 400 with a JSON object of errors.
    """
    locale = Locale.get_active()
    filterset = FeedFilterSet(
        request.GET,
        queryset=LocationPage.objects.live().public().filter(locale=locale),
        today=timezone.localdate(),
    )
    if not filterset.is_valid():
        errors = {name: [str(error) for error in errs] for name, errs in filterset.errors.items()}
        return JsonResponse(
            {"errors": errors}, status=400, json_dumps_params={"ensure_ascii": False}
        )

    query = filter_query(request, drop=())
    etag, last_modified = _feed_stamp(locale, query)
    last_modified_ts = last_modified.timestamp() if last_modified else None
    not_modified = get_conditional_response(
        request, etag=etag, last_modified=int(last_modified_ts) if last_modified_ts else None
    )
    if not_modified is not None:
        return not_modified

    # The body depends only on what the ETag covers, so it is cached under the ETag: a
    # repeated request for an unchanged feed costs the two stamp queries and a cache read.
    cache_key = f"locations-feed:{etag}"
    body = cache.get(cache_key)
    if body is None:
        body = _feed_body(request, locale, filterset)
        cache.set(cache_key, body, FEED_CACHE_SECONDS)
    response = HttpResponse(body, content_type="application/geo+json; charset=utf-8")
    response["ETag"] = etag
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified_ts)
    patch_cache_control(response, public=True, max_age=60)
    return response


def _feed_body(request, locale, filterset):
    pool_urls = _pool_urls(request, locale)
    states = dict(FederalState.objects.values_list("pk", "code"))
    steplen = LocationPage.steplen
    features = []
    rows = filterset.qs.order_by("path").values_list(
        "pk",
        "title",
        "slug",
        "path",
        "kind",
        "city",
        "federal_state_id",
        "zoning",
        "available_area_ha",
        "floor_space_m2",
        "price_per_m2",
        "price_on_request",
        "available_from",
        "latitude",
        "longitude",
    )
    for (
        pk,
        title,
        slug,
        path,
        kind,
        city,
        state_id,
        zoning,
        available_area_ha,
        floor_space_m2,
        price,
        on_request,
        available_from,
        latitude,
        longitude,
    ) in rows:
        pool_url = pool_urls.get(path[:-steplen])
        if pool_url is None:
            # Below an unpublished pool: not reachable, so not on the map either.
            continue
        features.append(
            {
                "type": "Feature",
                "id": pk,
                "geometry": {
                    "type": "Point",
                    "coordinates": [round(longitude, 6), round(latitude, 6)],
                },
                "properties": {
                    "title": title,
                    "url": f"{pool_url}{slug}/",
                    "kind": kind,
                    "city": city,
                    "state": states.get(state_id),
                    "zoning": zoning,
                    "area": _number(available_area_ha if kind == Kind.SITE else floor_space_m2),
                    "area_unit": "ha" if kind == Kind.SITE else "m²",
                    "price_per_m2": _number(price),
                    "price_on_request": on_request,
                    "available_from": available_from.isoformat() if available_from else None,
                },
            }
        )
    return json.dumps(
        {"type": "FeatureCollection", "features": features},
        ensure_ascii=False,
        separators=(",", ":"),
    )
