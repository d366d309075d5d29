"""The sub-pages of the events calendar: list and archive, month calendar, iCal files.

They are routes of `EventIndexPage` and `EventPage` (RoutablePageMixin). Input from the URL
never causes a server error: an invalid filter or page number is ignored and named in a notice;
a calendar month that does not exist is a 404.

The list and the archive are the busiest pages of the calendar, so their rows are plain values
(`listings.rows.Row`) with every cell ready to print: read with `values_list`, each event's URL
built from the index page's URL and its slug (listed events are children of the index page),
the date label and the shortened summary made in Python. The filter form's HTML is rendered
once per language, address, choices and input (`filter_form_html`), and the city choices come
from the portal's fragment cache (`filters.cached_city_choices`).
"""

import calendar
import datetime as dt
from itertools import groupby

from django.core.cache import cache
from django.db.models import Count, Max
from django.http import Http404, HttpResponse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.text import Truncator

from listings.filtering import filter_query, read_filters
from listings.pagination import paginate
from listings.rendering import RenderedFormCache
from listings.rows import Row

from .filters import (
    FILTER_NAMES,
    MAX_YEAR,
    MIN_YEAR,
    EventFilter,
    cached_city_choices,
    midnight,
    next_month,
    overlapping,
)
from .ical import build_calendar

# Only the models that name no page class: the page modules import this module.
from .models.categories import EventCategory
from .models.choices import Status
from .models.inlines import EventCategoryLink
from .models.occurrences import EventOccurrence
from .templatetags.events_tags import occurrence_label

PER_PAGE = 12
DATE_FILTERS = ("month", "from_date", "to_date")
# A feed lists events that ended at most this long ago, and everything after.
FEED_PAST_DAYS = 365
FEED_CACHE_SECONDS = 60 * 60


def filtered_occurrences(request, index_page, *, without=()):
    """(filters, categories) for the request's query string (`listings.filtering.Filters`).

    Invalid values are dropped and named in the notices rather than emptying the list;
    `without` leaves filters out (the calendar has its own month).
    """
    categories = EventCategory.for_display()
    # Read once per request, even when the filter is built again without invalid input.
    cities = cached_city_choices(index_page)

    def make(data):
        filterset = EventFilter(
            data,
            queryset=index_page.occurrences(),
            index_page=index_page,
            categories=categories,
            cities=cities,
        )
        for name in without:
            filterset.filters.pop(name, None)
        return filterset

    names = [name for name in FILTER_NAMES if name not in without]
    return read_filters(make, request, names=names), categories


def attach_categories(occurrences, categories):
    """Give each occurrence's event its categories in the active language (one query)."""
    events = {occurrence.event_id: occurrence.event for occurrence in occurrences}
    links = {event_id: [] for event_id in events}
    if events:
        # The links' own order (sort_order), as `event.category_links.all()` would give it.
        for link in EventCategoryLink.objects.filter(page_id__in=list(events)).select_related(
            "category"
        ):
            links[link.page_id].append(link.category)
    by_key = {category.translation_key: category for category in categories}
    for event_id, event in events.items():
        event.display_categories = [
            by_key.get(category.translation_key, category) for category in links[event_id]
        ]


# The columns of a list row, read as plain values (no model instances).
ROW_FIELDS = (
    "event_id",
    "start",
    "end",
    "event__title",
    "event__slug",
    "event__all_day",
    "event__status",
    "event__venue_name",
    "event__city",
    "event__online_url",
    "event__summary",
)
SUMMARY_WORDS = 40


def category_names(event_ids, categories):
    """{event id: [category name, ...]} in the active language, in the links' order (one query).

    A category that is not live in the active language keeps the name of the linked one, as
    `attach_categories` does.
    """
    names = {event_id: [] for event_id in event_ids}
    if not names:
        return names
    by_key = {category.translation_key: category.name for category in categories}
    for page_id, key, name in EventCategoryLink.objects.filter(page_id__in=list(names)).values_list(
        "page_id", "category__translation_key", "category__name"
    ):
        names[page_id].append(by_key.get(key, name))
    return names


def event_rows(values, list_url, categories):
    """`Row`s from named `ROW_FIELDS` values of occurrences of events below the index page at
    `list_url`; an event's URL is the index page's URL and its slug, as Wagtail builds it.

    The texts are what the former row include (`includes/event_item.html`) printed for an
    occurrence and its event, in the active language; the template escapes them.
    """
    statuses = {value: str(label) for value, label in Status.choices}
    names = category_names({value.event_id for value in values}, categories)
    rows = []
    for value in values:
        local_start = timezone.localtime(value.start)
        venue_name, city, status = value.event__venue_name, value.event__city, value.event__status
        place = city
        if venue_name:
            place = f"{venue_name}, {city}" if city else venue_name
        summary = value.event__summary
        rows.append(
            Row(
                event_id=value.event_id,
                local_start=local_start,
                url=f"{list_url}{value.event__slug}/",
                title=value.event__title,
                cancelled=status == Status.CANCELLED,
                # `{{ start|date:'Y-m-d' }}` or `|date:'c'`: the date filter works in local time.
                datetime=date_format(local_start, "Y-m-d" if value.event__all_day else "c"),
                label=occurrence_label(value.start, value.end, value.event__all_day),
                place=place,
                online=bool(value.event__online_url) and not venue_name,
                status_text=None if status == Status.SCHEDULED else statuses.get(status, status),
                # `{{ summary|truncatewords:40 }}`, shown only for a non-empty summary.
                summary=Truncator(summary).words(SUMMARY_WORDS, truncate=" …") if summary else None,
                categories=names[value.event_id],
            )
        )
    return rows


# The filter form's widgets (two long selects) cost more than the list (listings/rendering.py).
_filter_forms = RenderedFormCache("events/includes/filter_form.html")


def filter_form_html(form, action):
    """The filter form's HTML, rendered once per language, address, choices and input."""
    fields = form.fields
    key_parts = (
        action,
        tuple(fields),
        tuple(fields["category"].choices) if "category" in fields else (),
        tuple(fields["city"].choices) if "city" in fields else (),
    )
    return _filter_forms.render(form, key_parts, {"form": form, "form_action": action})


def event_list(request, index_page, archive):
    filters, categories = filtered_occurrences(request, index_page)
    filterset = filters.filterset
    occurrences = filterset.qs
    # The same rows as the list in a leaner query (see `EventIndexPage.occurrences_to_count`).
    to_count = filterset.filter_queryset(index_page.occurrences_to_count())
    now = timezone.now()
    if archive:
        occurrences = occurrences.filter(end__lte=now).order_by("-start", "event__title", "pk")
        to_count = to_count.filter(end__lte=now)
    else:
        occurrences = occurrences.filter(end__gt=now)
        to_count = to_count.filter(end__gt=now)
    base = index_page.get_url(request)
    page_obj = paginate(
        request,
        occurrences.values_list(*ROW_FIELDS, named=True),
        filters.notices,
        per_page=PER_PAGE,
        convert=lambda values: event_rows(values, base, categories),
        count_queryset=to_count,
    )
    groups = [
        {"month": month, "occurrences": list(group)}
        for month, group in groupby(
            page_obj.object_list, key=lambda row: row.local_start.date().replace(day=1)
        )
    ]
    links = index_links(request, index_page, categories, base)
    return index_page.render(
        request,
        template="events/event_index_page.html",
        context_overrides={
            "archive": archive,
            "filterset": filterset,
            "filter_form": filter_form_html(
                filterset.form, links["archive_url" if archive else "upcoming_url"]
            ),
            "notices": filters.notices,
            "filter_query": filter_query(request, drop=("page", *filters.ignored)),
            "page_obj": page_obj,
            "paginator": page_obj.paginator,
            "groups": groups,
            "has_filters": any(filterset.form.data.values()),
            **links,
        },
    )


def index_links(request, index_page, categories=(), base=None):
    if base is None:
        base = index_page.get_url(request)
    return {
        "feed_categories": [
            {
                "name": category.name,
                "url": base + index_page.reverse_subpage("category_feed", args=[category.slug]),
            }
            for category in categories
        ],
        "upcoming_url": base,
        "archive_url": base + index_page.route_path("archive"),
        "calendar_url": base + index_page.route_path("calendar"),
        "feed_url": base + index_page.reverse_subpage("feed"),
    }


def event_calendar(request, index_page, year=None, month=None):
    if year is None or month is None:
        today = timezone.localdate()
        first = today.replace(day=1)
    else:
        year, month = int(year), int(month)
        if not (MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12):
            raise Http404("No such month")
        first = dt.date(year, month, 1)
    filters, categories = filtered_occurrences(request, index_page, without=DATE_FILTERS)
    filterset = filters.filterset
    occurrences = filterset.qs
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)
    grid_start, grid_end = weeks[0][0], weeks[-1][-1] + dt.timedelta(days=1)
    items = list(overlapping(occurrences, midnight(first), midnight(next_month(first))))
    attach_categories(items, categories)
    by_day = {}
    for occurrence in items:
        day = max(occurrence.local_start.date(), grid_start)
        last = min(occurrence.last_day, grid_end - dt.timedelta(days=1))
        while day <= last:
            by_day.setdefault(day, []).append(occurrence)
            day += dt.timedelta(days=1)
    today = timezone.localdate()
    rows = [
        [
            {
                "date": day,
                "in_month": day.month == first.month,
                "is_today": day == today,
                "occurrences": by_day.get(day, []) if day.month == first.month else [],
            }
            for day in week
        ]
        for week in weeks
    ]
    previous_first = (first - dt.timedelta(days=1)).replace(day=1)
    following_first = next_month(first)
    # The month links carry the valid filters; the calendar has no pages.
    query = filter_query(request, drop=("page", *DATE_FILTERS, *filters.ignored))
    querystring = f"?{query}" if query else ""

    base = index_page.get_url(request)

    def month_url(day):
        if not MIN_YEAR <= day.year <= MAX_YEAR:
            return None
        return (
            base
            + index_page.route_path("calendar_month", year=day.year, month=f"{day.month:02d}")
            + querystring
        )

    weekdays = [{"name": date_format(day, "l"), "abbr": date_format(day, "D")} for day in weeks[0]]
    return index_page.render(
        request,
        template="events/event_calendar.html",
        context_overrides={
            "filterset": filterset,
            "filter_form": filter_form_html(filterset.form, request.path),
            "notices": filters.notices,
            "month": first,
            "rows": rows,
            "weekdays": weekdays,
            "month_occurrences": items,
            "previous_url": month_url(previous_first),
            "next_url": month_url(following_first),
            "previous_month": previous_first,
            "next_month": following_first,
            "this_month_url": base + index_page.route_path("calendar") + querystring,
            **index_links(request, index_page, categories, base),
        },
    )


def ical_response(content, filename):
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def index_feed(request, index_page, category_slug=None):
    """The subscribable feed of an index (or of one category), cached until events change.

    Building 5,000 VEVENTs takes seconds with the icalendar library, and calendar apps poll
    feeds often; the cache key holds the newest publication time and the number of live
    events, so publishing, unpublishing or deleting an event makes a fresh feed.
    """
    events = index_page.live_events()
    name = index_page.title
    if category_slug is not None:
        category = next((c for c in EventCategory.for_display() if c.slug == category_slug), None)
        if category is None:
            raise Http404("No such category")
        events = events.filter(
            pk__in=EventCategoryLink.objects.filter(category__slug=category_slug).values("page_id")
        )
        name = f"{index_page.title}: {category.name}"
    state = events.aggregate(newest=Max("last_published_at"), count=Count("pk"))
    today = timezone.localdate()
    key = "events-feed:" + ":".join(
        str(part)
        for part in (
            index_page.pk,
            index_page.last_published_at and index_page.last_published_at.timestamp(),
            category_slug or "",
            state["newest"] and state["newest"].timestamp(),
            state["count"],
            today,
            request.get_host(),
        )
    )
    content = cache.get(key)
    if content is None:
        cutoff = timezone.now() - dt.timedelta(days=FEED_PAST_DAYS)
        recent = EventOccurrence.objects.filter(end__gte=cutoff).values("event_id")
        events = list(
            events.filter(pk__in=recent)
            .order_by("start", "pk")
            .prefetch_related("category_links__category", "organisers")
        )
        with translation.override(index_page.locale.language_code):
            content = build_calendar(events, name, request)
        cache.set(key, content, FEED_CACHE_SECONDS)
    slug = index_page.slug
    filename = f"{slug}-{category_slug}.ics" if category_slug else f"{slug}.ics"
    return ical_response(content, filename)


def event_ical(request, event):
    content = build_calendar([event], event.title, request)
    return ical_response(content, f"{event.slug}.ics")
