"""The GeoJSON feed of the pool (`/<lang>/api/locations.geojson`), read by the map view.

The feed reads plain values (no model instances) and builds every URL from its pool page's
URL, so it runs a fixed number of queries however many properties match. It needs the pool
page model (`pool=`, URLs, the stamp), so it lives here and not in `views`: the pool page
imports `views`, and nothing in `models` imports this module.
"""

import hashlib
import json

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import Count, Max, Q
from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date

from wagtail.models import Locale, PageLogEntry

from listings.filtering import accept_filters, filter_query
from portal.models import FederalState

from .filters import FeedFilterSet
from .models.choices import Kind
from .models.index import LocationIndexPage
from .models.location import LocationPage

# Bump when the feed's format changes, so cached copies are not reused.
FEED_VERSION = "1"
FEED_CACHE_SECONDS = 600


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
        pools=LocationIndexPage.objects.all(),
        today=timezone.localdate(),
    )
    if not filterset.is_valid():
        errors = {name: [str(error) for error in errs] for name, errs in filterset.errors.items()}
        return JsonResponse(
            {"errors": errors}, status=400, json_dumps_params={"ensure_ascii": False}
        )
    # The page cache keeps the feed for the filters it applied (not for repeated values).
    accept_filters(request, filterset.form)

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
