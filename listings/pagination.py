"""Page numbers from the address, clamped to the pages that exist, with a notice."""

from django.core.paginator import Paginator
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from portal import caching

from .notices import Notice, shown_value


def page_number(request, num_pages, notices):
    """The requested page, between 1 and `num_pages`; anything else adds a `Notice`."""
    raw = request.GET.get("page", "")
    if raw == "":
        return 1
    try:
        number = int(raw)
    except ValueError:
        number = None
    if number is None or number < 1:
        notices.append(
            Notice(
                label=_("Page"),
                value=shown_value(raw),
                message=_("This is not a page number; the first page is shown."),
            )
        )
        return 1
    if number > num_pages:
        notices.append(
            Notice(
                label=_("Page"),
                value=shown_value(raw),
                message=_("There are only %(count)s pages; the last one is shown.")
                % {"count": num_pages},
            )
        )
        return num_pages
    return number


class ListPaginator(Paginator):
    """A paginator whose COUNT runs on `count_queryset` when given: the same rows as the
    list in a leaner query (no joins for the printed columns)."""

    def __init__(self, object_list, per_page, count_queryset=None):
        super().__init__(object_list, per_page)
        self.count_queryset = count_queryset

    @cached_property
    def count(self):
        if self.count_queryset is None:
            return super().count
        return self.count_queryset.count()


def paginate(request, rows, notices, *, per_page, convert=list, count_queryset=None):
    """The requested page of `rows` (a queryset of values), its objects `convert(rows)`.

    Two queries whatever the number of rows: the count and the page's rows.

    `page` is accepted for the page cache (`portal.caching.accept_query`) when it was given
    once and is a page that exists, written as the page links write it (`2`, not `02`):
    any other value is shown as a notice says, and never cached.
    """
    paginator = ListPaginator(rows, per_page, count_queryset)
    before = len(notices)
    number = page_number(request, paginator.num_pages, notices)
    values = request.GET.getlist("page")
    if len(notices) == before and len(values) == 1 and values[0] in ("", str(number)):
        caching.accept_query(request, ["page"])
    page = paginator.page(number)
    page.object_list = convert(list(page.object_list))
    return page
