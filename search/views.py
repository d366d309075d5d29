"""The portal's site search: live, public pages of the visitor's language."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from wagtail.models import Locale, Page

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10


def clean_query(raw):
    """The query as the search backend can take it.

    Control characters (NUL included) are dropped and double quotes, which SQLite's FTS5
    reads as phrase syntax, become spaces; whitespace is folded.
    """
    kept = "".join(" " if ch == '"' else ch for ch in raw if ch.isprintable() or ch.isspace())
    return " ".join(kept.split())


def search(request):
    query = clean_query(request.GET.get("q", ""))
    notices = []
    if len(query) > MAX_QUERY_LENGTH:
        query = query[:MAX_QUERY_LENGTH]
        notices.append(
            _("Your search was shortened to its first %(count)d characters.")
            % {"count": MAX_QUERY_LENGTH}
        )

    results = Page.objects.none()
    if query:
        results = (
            Page.objects.live()
            .public()
            .filter(locale=Locale.get_active(), depth__gt=1)
            .specific()
            .search(query)
        )

    paginator = Paginator(results, RESULTS_PER_PAGE)
    raw_page = request.GET.get("page", "1")
    try:
        page_number = int(raw_page)
        results_page = paginator.page(page_number)
    except (ValueError, PageNotAnInteger):
        results_page = paginator.page(1)
        notices.append(_("The page number “%(value)s” was ignored.") % {"value": raw_page[:20]})
    except EmptyPage:
        results_page = paginator.page(paginator.num_pages)
        notices.append(
            _("There is no results page %(value)s; showing the last one.")
            % {"value": raw_page[:20]}
        )

    return TemplateResponse(
        request,
        "search/search.html",
        {
            "search_query": query,
            "search_results": results_page,
            "result_count": paginator.count if query else 0,
            "notices": notices,
            # The language switcher links to this view in the other language.
            "translatable_view": True,
            "translatable_query": {"q": query} if query else {},
        },
    )
