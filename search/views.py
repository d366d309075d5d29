"""The portal's site search: live, public pages of the visitor's language.

Each language has its own search backend (search/backends.py), so German pages are matched
with German stemming and English pages with English stemming on PostgreSQL.
"""

import logging

from django.core.paginator import Paginator
from django.db import DatabaseError, connection, transaction
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Locale, Page
from wagtail.search.utils import normalise_query_string

from .backends import backend_name_for_language
from .models import QueryLanguageHits
from .query import SearchOutcome, last_page_offset, run_search
from .results import TYPE_LABELS, annotate, type_key

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10
MAX_PAGE_NUMBER = 100_000
MAX_SUGGESTIONS = 10
POPULAR_SEARCHES = 5
POPULAR_SINCE_DAYS = 90

logger = logging.getLogger(__name__)


def count_search(query, locale):
    """Count a search for Wagtail's report and the popular searches; returns its Query.

    Both counters in one transaction. On PostgreSQL it commits without waiting for the disk
    (`synchronous_commit` off for this transaction only): a crash may lose the last
    fraction of a second of counts, never data, and a popular term searched by many
    visitors at once no longer queues behind one disk flush per search.

    Counting is statistics: when the database refuses the write (SQLite, for development,
    lets one process write at a time and answers "database is locked" to the others), the
    search is answered uncounted, with the Query as it is (None if it was never counted).
    """
    try:
        with transaction.atomic():
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("SET LOCAL synchronous_commit TO OFF")
            query_object = Query.get(query)
            query_object.add_hit()
            QueryLanguageHits.add_hit(query_object, locale)
    except DatabaseError as error:
        logger.warning("Search not counted (%s): %r", error, query)
        return Query.objects.filter(query_string=normalise_query_string(query)).first()
    return query_object


def clean_query(raw):
    """The query as the search backend can take it.

    Control characters (NUL included) are dropped and double quotes, which SQLite's FTS5
    reads as phrase syntax, become spaces; whitespace is folded.
    """
    kept = "".join(" " if ch == '"' else ch for ch in raw if ch.isprintable() or ch.isspace())
    return " ".join(kept.split())


def live_pages(locale=None):
    """Live, public pages in ``locale`` (the active one by default), the root node left out."""
    return Page.objects.live().public().filter(locale=locale or Locale.get_active(), depth__gt=1)


def read_query(request, notices):
    query = clean_query(request.GET.get("q", ""))
    if len(query) > MAX_QUERY_LENGTH:
        query = query[:MAX_QUERY_LENGTH].rstrip()
        notices.append(
            _("Your search was shortened to its first %(count)d characters.")
            % {"count": MAX_QUERY_LENGTH}
        )
    return query


def promotions_for(query_object, locale):
    """Editors' picks for the query: outside links, and pages in this language.

    A pick of a page in another language is shown through its live translation into this
    one and left out where there is none. Two queries however many picks.
    """
    picks = list(query_object.editors_picks.select_related("page").order_by("sort_order"))
    foreign_keys = {
        pick.page.translation_key
        for pick in picks
        if pick.page_id is not None and pick.page.locale_id != locale.pk
    }
    translations = {}
    if foreign_keys:
        translations = {
            page.translation_key: page
            for page in Page.objects.live()
            .public()
            .filter(locale=locale, translation_key__in=foreign_keys)
        }
    shown = []
    for pick in picks:
        if pick.page_id is None:
            if pick.external_link_url:
                shown.append(pick)
        elif pick.page.locale_id == locale.pk:
            if pick.page.live:
                shown.append(pick)
        elif (translated := translations.get(pick.page.translation_key)) is not None:
            pick.page = translated
            shown.append(pick)
    return shown


def read_page_number(request, notices):
    """The requested results page as a number (which may not exist: 0, -1, 99999), or 1
    with a notice when the value is not a number."""
    raw_page = request.GET.get("page", "1")
    try:
        return int(raw_page)
    except ValueError:  # also for more digits than int() accepts
        notices.append(_("The page number “%(value)s” was ignored.") % {"value": raw_page[:20]})
        return 1


class RankedHits:
    """The paginator's view of a search: its count, and the one window already fetched."""

    def __init__(self, outcome):
        self.outcome = outcome

    def __len__(self):
        return self.outcome.count

    def __getitem__(self, window):
        return self.outcome.hits


def search(request):
    notices = []
    query = read_query(request, notices)
    backend = backend_name_for_language()
    locale = Locale.get_active()

    raw_type = request.GET.get("type", "")
    active_type = raw_type if raw_type in TYPE_LABELS else ""
    if raw_type and not active_type:
        notices.append(_("The type filter “%(value)s” was ignored.") % {"value": raw_type[:20]})
    page_number = read_page_number(request, notices)

    outcome = SearchOutcome()
    promotions = []
    query_object = None
    if query:
        pages = live_pages(locale)
        cache_as = ("locale", locale.pk)
        # Below 1 or beyond any site's size (and the database's integers): certainly no
        # such page, so the first is fetched for the count and the last one shown.
        impossible = not 1 <= page_number <= MAX_PAGE_NUMBER
        offset = 0 if impossible else (page_number - 1) * RESULTS_PER_PAGE
        outcome = run_search(
            pages, query, backend, active_type, offset, RESULTS_PER_PAGE, cache_as=cache_as
        )
        if impossible or (page_number > 1 and not outcome.hits):
            notices.append(
                _("There is no results page %(value)s; showing the last one.")
                % {"value": request.GET["page"][:20]}
            )
            last = last_page_offset(outcome.count, RESULTS_PER_PAGE)
            if last != offset:
                outcome = run_search(
                    pages, query, backend, active_type, last, RESULTS_PER_PAGE, cache_as=cache_as
                )
    paginator = Paginator(RankedHits(outcome), RESULTS_PER_PAGE)
    results_page = paginator.page(outcome.offset // RESULTS_PER_PAGE + 1)
    results_page.object_list = annotate(list(results_page.object_list), query)

    if query and page_number == 1 and not active_type:
        # Count a search once, not once per result page or filter click; per language too,
        # for the popular searches of the no-results page.
        query_object = count_search(query, locale)
        promotions = promotions_for(query_object, locale) if query_object else []

    type_filters = [
        {
            "key": key,
            "label": label,
            "count": outcome.counts.get(key, 0),
            "active": key == active_type,
        }
        for key, label in TYPE_LABELS.items()
    ]
    no_results = bool(query) and outcome.count == 0 and not promotions
    popular = []
    if no_results:
        popular = QueryLanguageHits.most_popular(
            locale, POPULAR_SINCE_DAYS, POPULAR_SEARCHES, exclude=query_object
        )

    return TemplateResponse(
        request,
        "search/search.html",
        {
            "search_query": query,
            "search_results": results_page,
            "result_count": outcome.count if query else 0,
            "total_count": outcome.total,
            "active_type": active_type,
            "type_filters": type_filters if query and outcome.total else [],
            "promotions": promotions,
            "popular_searches": popular,
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
        # Only titles and URLs are shown: StreamFields (the bulk of a page row) stay unread.
        pages = (
            live_pages()
            .defer_streamfields()
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
