"""List view, map view and GeoJSON feed of the commercial-site and hall pool.

Each view runs a fixed number of queries however many properties match: the list and map
pages fetch one page of results, the feed reads plain values (no model instances) and builds
every URL from its pool page's URL.

The list is the busiest page of the pool, so its rows are plain values too (`ResultRow`),
with the numbers formatted once in Python (`format_number`, cached) and each property's URL
built from the pool's URL, like the feed does.
"""

import functools
import hashlib
import json

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.core.signals import setting_changed
from django.db.models import Count, Max, Q
from django.dispatch import receiver
from django.http import HttpResponse, JsonResponse
from django.template.defaultfilters import floatformat
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.formats import date_format
from django.utils.http import http_date, urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from wagtail.models import Locale, PageLogEntry

from portal.models import FederalState
from portal.rendering import RenderedFormCache

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


def ignored_input_notices(form, data):
    """One sentence per parameter that was ignored because it is invalid."""
    notices = []
    for name, errors in form.errors.items():
        field = form.fields.get(name)
        label = field.label if field is not None else name
        values = data.getlist(name) if hasattr(data, "getlist") else [data.get(name)]
        notices.append(
            _("“%(value)s” is not a valid value for “%(field)s” and was ignored: %(error)s")
            % {
                "value": ", ".join(str(value)[:60] for value in values),
                "field": label,
                "error": " ".join(errors),
            }
        )
    return notices


def requested_page(request, notices):
    """The page number asked for (1 for a missing or invalid one, with a notice)."""
    raw = request.GET.get("page", "")
    if not raw:
        return 1
    try:
        number = int(raw)
    except ValueError:
        notices.append(
            _("“%(value)s” is not a page number; the first page is shown.") % {"value": raw[:20]}
        )
        return 1
    if number < 1:
        notices.append(
            _("There is no page %(number)s; the first page is shown.") % {"number": number}
        )
        return 1
    return number


def paginate(request, queryset, notices, fields, convert):
    """This page of ``queryset`` as a Django ``Page`` of ``convert(rows)``, where the rows
    are tuples of ``fields``; the COUNT runs on ``queryset`` itself, without their joins.

    A page beyond the last one shows the last page, with a notice.
    """
    paginator = Paginator(queryset, PER_PAGE)
    number = requested_page(request, notices)
    if number > paginator.num_pages:
        notices.append(
            _("There is no page %(number)s; the last page is shown.") % {"number": number}
        )
        number = paginator.num_pages
    bottom = (number - 1) * PER_PAGE
    rows = list(queryset.values_list(*fields)[bottom : bottom + PER_PAGE])
    return Page(convert(rows), number, paginator)


def filter_query(request, drop=("page",)):
    """The request's filter parameters as a query string, without `drop`."""
    pairs = [
        (key, value)
        for key in request.GET
        if key not in drop
        for value in request.GET.getlist(key)
        if value != ""
    ]
    return urlencode(pairs)


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


# The filter form's thirteen widgets cost more than the whole results table (portal/rendering.py).
_filter_forms = RenderedFormCache("locations/includes/filter_form.html")


def filter_form_html(form, action, area_unit):
    """The filter form's HTML, rendered once per language, address, unit and input."""
    return _filter_forms.render(
        form, (action, area_unit), {"form": form, "action": action, "area_unit": area_unit}
    )


@receiver(setting_changed)
def _forget_rendered_values(**kwargs):
    _format_number.cache_clear()


class ResultRow:
    """One property of the results table, its cells ready to print (no model instance).

    The texts are what the pool's templates print for a property (includes/area.html,
    includes/price.html and the availability of location_page.html), with the same
    translations; the template escapes them.
    """

    __slots__ = (
        "title",
        "url",
        "summary",
        "postcode",
        "city",
        "district",
        "state_name",
        "area_text",
        "zoning",
        "zoning_label",
        "price_text",
        "available_text",
    )


def result_rows(rows, pool_url, today):
    """`ResultRow`s from `ROW_FIELDS` value tuples of properties below the pool at `pool_url`.

    A property's URL is its pool's URL and its slug, as Wagtail builds it (and the feed).
    """
    state_names = {code: str(label) for code, label in FederalState.Code.choices}
    zoning_labels = {code: str(label) for code, label in Zoning.choices}
    now = _("now")
    on_request = _("on request")
    results = []
    for (
        title,
        slug,
        kind,
        summary,
        postcode,
        city,
        district,
        state_code,
        zoning,
        available_area_ha,
        total_area_ha,
        floor_space_m2,
        price_per_m2,
        available_from,
    ) in rows:
        row = ResultRow()
        row.title = title
        row.url = f"{pool_url}{slug}/"
        row.summary = summary
        row.postcode = postcode
        row.city = city
        row.district = district
        row.state_name = state_names.get(state_code, state_code)
        if kind == Kind.SITE:
            if available_area_ha is not None:
                row.area_text = f"{format_number(available_area_ha, '-2g')} ha"
            elif total_area_ha is not None:
                row.area_text = f"{format_number(total_area_ha, '-2g')} ha {_('(total)')}"
            else:
                row.area_text = "–"
        elif floor_space_m2 is not None:
            row.area_text = f"{format_number(floor_space_m2, '0g')} m²"
        else:
            row.area_text = "–"
        row.zoning = zoning
        row.zoning_label = zoning_labels.get(zoning, zoning)
        if price_per_m2 is None:
            row.price_text = on_request
        elif kind == Kind.SITE:
            row.price_text = f"{format_number(price_per_m2, '2g')} €/m²"
        else:
            row.price_text = _("%(price)s €/m² per month") % {
                "price": format_number(price_per_m2, "2g")
            }
        if available_from is None or available_from <= today:
            row.available_text = now
        else:
            row.available_text = _("from %(date)s") % {
                "date": date_format(available_from, "DATE_FORMAT")
            }
        results.append(row)
    return results


def filtered_results(request, index_page):
    """The filter set, this page of results and the notices about ignored input."""
    today = timezone.localdate()
    filterset = LocationFilterSet(
        request.GET or None,
        queryset=base_queryset(index_page),
        kind=index_page.kind,
        today=today,
    )
    notices = []
    invalid = ()
    if filterset.is_bound:
        filterset.is_valid()
        notices = ignored_input_notices(filterset.form, request.GET)
        invalid = tuple(filterset.form.errors)
    list_url = index_page.get_url(request)
    results = paginate(
        request,
        filterset.sorted_qs,
        notices,
        ROW_FIELDS,
        convert=lambda rows: result_rows(rows, list_url, today),
    )
    return {
        "filterset": filterset,
        "form": filterset.form,
        "results": results,
        "result_count": results.paginator.count,
        "notices": notices,
        # Links (pages, list/map switch) and the map's feed carry only the valid filters.
        "filter_query": filter_query(request, drop=("page", *invalid)),
        "invalid_fields": invalid,
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
