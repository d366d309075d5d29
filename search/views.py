"""The portal's site search: live, public pages of the visitor's language.

Each language has its own search backend (search/backends.py), so German pages are matched
with German stemming and English pages with English stemming on PostgreSQL.
"""

import datetime as dt

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Locale, Page

from clusters.models import ClusterPage
from events.models import EventPage
from locations.models import LocationPage

from .backends import backend_name_for_language
from .results import TYPE_LABELS, annotate, filter_by_type, order_ties, type_counts, type_key

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10
MAX_SUGGESTIONS = 10
POPULAR_SEARCHES = 5
POPULAR_SINCE_DAYS = 90


def clean_query(raw):
    """The query as the search backend can take it.

    Control characters (NUL included) are dropped and double quotes, which SQLite's FTS5
    reads as phrase syntax, become spaces; whitespace is folded.
    """
    kept = "".join(" " if ch == '"' else ch for ch in raw if ch.isprintable() or ch.isspace())
    return " ".join(kept.split())


def live_pages(model=Page):
    """Live, public pages of ``model`` in the active language (the root node left out)."""
    return model.objects.live().public().filter(locale=Locale.get_active(), depth__gt=1)


def read_query(request, notices):
    query = clean_query(request.GET.get("q", ""))
    if len(query) > MAX_QUERY_LENGTH:
        query = query[:MAX_QUERY_LENGTH].rstrip()
        notices.append(
            _("Your search was shortened to its first %(count)d characters.")
            % {"count": MAX_QUERY_LENGTH}
        )
    return query


def promotions_for(query_object):
    """Editors' picks for the query that link outside or to a live page of this language."""
    locale = Locale.get_active()
    picks = []
    for pick in query_object.editors_picks.select_related("page").order_by("sort_order"):
        if pick.page_id is None:
            if pick.external_link_url:
                picks.append(pick)
        elif pick.page.live and pick.page.locale_id == locale.pk:
            picks.append(pick)
    return picks


def popular_searches(exclude=None):
    """The most frequent searches of the last months, for the no-results help."""
    since = timezone.now().date() - dt.timedelta(days=POPULAR_SINCE_DAYS)
    popular = Query.get_most_popular(date_since=since)
    if exclude is not None:
        popular = popular.exclude(pk=exclude.pk)
    return list(popular[:POPULAR_SEARCHES])


def search(request):
    notices = []
    query = read_query(request, notices)
    backend = backend_name_for_language()

    raw_type = request.GET.get("type", "")
    active_type = raw_type if raw_type in TYPE_LABELS else ""
    if raw_type and not active_type:
        notices.append(_("The type filter “%(value)s” was ignored.") % {"value": raw_type[:20]})

    results = []
    counts, total = {}, 0
    promotions = []
    query_object = None
    if query:
        base = live_pages()
        model_querysets = {
            model: live_pages(model) for model in (ClusterPage, LocationPage, EventPage)
        }
        counts, total = type_counts(backend, query, base, model_querysets)
        results = (
            filter_by_type(base, model_querysets, active_type)
            .specific()
            .search(query, backend=backend)
            .annotate_score("_score")
        )

    paginator = Paginator(results, RESULTS_PER_PAGE)
    raw_page = request.GET.get("page", "1")
    try:
        page_number = int(raw_page)
        results_page = paginator.page(page_number)
    except (ValueError, PageNotAnInteger):
        page_number = 1
        results_page = paginator.page(1)
        notices.append(_("The page number “%(value)s” was ignored.") % {"value": raw_page[:20]})
    except EmptyPage:
        results_page = paginator.page(paginator.num_pages)
        notices.append(
            _("There is no results page %(value)s; showing the last one.")
            % {"value": raw_page[:20]}
        )
    results_page.object_list = annotate(order_ties(results_page.object_list), query)

    if query and page_number == 1 and not active_type:
        # Count a search once, not once per result page or filter click.
        query_object = Query.get(query)
        query_object.add_hit()
        promotions = promotions_for(query_object)

    type_filters = [
        {"key": key, "label": label, "count": counts.get(key, 0), "active": key == active_type}
        for key, label in TYPE_LABELS.items()
    ]
    no_results = bool(query) and paginator.count == 0 and not promotions

    return TemplateResponse(
        request,
        "search/search.html",
        {
            "search_query": query,
            "search_results": results_page,
            "result_count": paginator.count if query else 0,
            "total_count": total,
            "active_type": active_type,
            "type_filters": type_filters if query and total else [],
            "promotions": promotions,
            "popular_searches": popular_searches(exclude=query_object) if no_results else [],
            "notices": notices,
            # The language switcher links to this view in the other language.
            "translatable_view": True,
            "translatable_query": {"q": query} if query else {},
        },
    )


def autocomplete(request):
    """Up to ten page titles of this language that start with the typed words, as JSON."""
    query = clean_query(request.GET.get("q", ""))[:MAX_QUERY_LENGTH]
    suggestions = []
    if query:
        pages = (
            live_pages()
            .specific()
            .autocomplete(query, backend=backend_name_for_language())[:MAX_SUGGESTIONS]
        )
        for page in pages:
            url = page.get_url(request)
            if url:
                suggestions.append(
                    {"title": page.title, "url": url, "type": str(TYPE_LABELS[type_key(page)])}
                )
    count = len(suggestions)
    status = (
        ngettext(
            "%(count)d suggestion, choose with the arrow keys",
            "%(count)d suggestions, choose with the arrow keys",
            count,
        )
        % {"count": count}
        if count
        else _("No suggestions")
    )
    response = JsonResponse(
        {
            "query": query,
            "results": suggestions,
            "label": _("Search suggestions"),
            "status": status if query else "",
        }
    )
    response["X-Robots-Tag"] = "noindex"
    return response
