"""The events calendar page: upcoming events, the archive, a month calendar and feeds."""

from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

# The views import the category, inline and occurrence models by their own modules and
# never a page module, so importing them here is no cycle.
from .. import views
from .common import LIST_DEFERRED_FIELDS
from .event import EventPage
from .occurrences import EventOccurrence


class EventIndexPage(RoutablePageMixin, Page):
    """The events calendar "Termine": upcoming events, the archive, a month calendar and feeds.

    Editors create one per language tree below the home page and add events below it. The
    lists, the calendar and the iCal feeds are built from the events; the page itself only
    holds an introduction.
    """

    # What the cached page lists (portal/caching.py): upcoming, archive, calendar and the
    # iCal feeds (their bodies are cached by the feed itself, so a hit there loads no event
    # instances); category filters and feeds.
    cache_lists = ["events.eventpage", "events.eventcategory"]

    intro = models.TextField(
        _("intro"),
        blank=True,
        max_length=600,
        help_text=_("A short paragraph above the list of events."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    # Fields of the read-only API at /api/v2/ (seo/api.py, docs/seo.md).
    api_fields = [
        "intro",
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]

    class Meta:
        verbose_name = _("events calendar")
        verbose_name_plural = _("events calendars")

    # Sub-pages: German and English addresses for the archive and calendar, one for feeds.

    @path("")
    def index_route(self, request, *args, **kwargs):
        return views.event_list(request, self, archive=False)

    @path("archiv/", name="archive_de")
    @path("archive/", name="archive_en")
    def archive_view(self, request):
        return views.event_list(request, self, archive=True)

    @path("kalender/", name="calendar_de")
    @path("calendar/", name="calendar_en")
    @re_path(r"^kalender/(?P<year>\d{1,6})/(?P<month>\d{1,4})/$", name="calendar_month_de")
    @re_path(r"^calendar/(?P<year>\d{1,6})/(?P<month>\d{1,4})/$", name="calendar_month_en")
    def calendar_view(self, request, year=None, month=None):
        return views.event_calendar(request, self, year, month)

    @path("ical/", name="feed")
    @path("ical/<slug:category>/", name="category_feed")
    def feed_view(self, request, category=None):
        return views.index_feed(request, self, category)

    def route_url(self, name, request=None, **kwargs):
        """The address of a sub-page in the page's language (`archive` → …/archiv/ in German)."""
        return self.get_url(request) + self.route_path(name, **kwargs)

    def route_path(self, name, **kwargs):
        """The sub-page part of `route_url` (`archive` → archiv/), to append to the page's URL."""
        language = self.locale.language_code if self.locale_id else translation.get_language()
        names = [f"{name}_{language}", f"{name}_en", name]
        resolver = self.get_resolver()
        for candidate in names:
            if candidate in resolver.reverse_dict:
                return self.reverse_subpage(candidate, kwargs=kwargs)
        raise ValueError(name)

    # Data

    def live_events(self):
        """The live event pages below this page (the feeds and the city filter read them)."""
        return EventPage.objects.live().child_of(self)

    def occurrences(self):
        """Occurrences of the live events below this page, with their events, by start.

        The lists and the calendar show title, date, place, status and summary; the body and
        the documentation (the largest columns) are left out.
        """
        return (
            EventOccurrence.objects.filter(
                event__live=True,
                event__path__startswith=self.path,
                event__depth=self.depth + 1,
            )
            .select_related("event")
            .defer(*(f"event__{name}" for name in LIST_DEFERRED_FIELDS))
            .order_by("start", "event__title", "pk")
        )

    def occurrences_to_count(self):
        """The same occurrences as `occurrences()`, for counting: the live events are a subquery
        on the page table, so the count needs no join to the event table unless a filter does.
        """
        events = Page.objects.filter(
            live=True, path__startswith=self.path, depth=self.depth + 1
        ).values("pk")
        return EventOccurrence.objects.filter(event_id__in=events)

    def upcoming_events(self, limit=3):
        """The next events that are not over yet, as event pages in the active language.

        One entry per event (a weekly series does not fill the teaser), ordered by its next
        occurrence, then title. The home page's teaser renders them with
        `includes/page_card.html`; each page carries that occurrence (`occurrence_start`,
        `occurrence_end`) and a `card_text` with its date and city.

        The occurrences are read in order of their start (index on start and end) only as far as
        needed to find `limit` different events; then those few pages are fetched by key. So
        the cost stays the same however many events the calendar holds: usually three small
        queries (view restrictions, occurrences, pages).
        """
        limit = max(int(limit), 0)
        index_page = self
        language = translation.get_language()
        if self.locale.language_code != language:
            index_page = (
                EventIndexPage.objects.live()
                .filter(translation_key=self.translation_key, locale__language_code=language)
                .first()
                or self
            )
        if not limit:
            return []
        occurrences = EventOccurrence.objects.filter(
            end__gt=timezone.now(),
            event__live=True,
            event__path__startswith=index_page.path,
            event__depth=index_page.depth + 1,
        )
        # Like PageQuerySet.public(): leave out pages in (or below) a private section.
        private = models.Q()
        for section in PageViewRestriction.objects.values_list("page__path", flat=True):
            private |= models.Q(event__path__startswith=section)
        if private:
            occurrences = occurrences.exclude(private)
        rows = occurrences.order_by("start", "event__title", "event_id", "pk").values_list(
            "event_id", "start", "end"
        )
        # The first occurrence of each event in this order is its next one. A batch normally
        # holds enough events; long series can fill it, so look further, skipping known events.
        found = {}
        batch = max(limit * 4, 12)
        while len(found) < limit:
            chunk = list(rows.exclude(event_id__in=list(found))[:batch] if found else rows[:batch])
            for event_id, start, end in chunk:
                found.setdefault(event_id, (start, end))
                if len(found) == limit:
                    break
            if len(chunk) < batch:
                break
            batch *= 4
        pages = EventPage.objects.select_related("image").in_bulk(list(found))
        events = []
        for pk, (start, end) in found.items():
            page = pages.get(pk)
            if page is not None:
                page.occurrence_start, page.occurrence_end = start, end
                events.append(page)
        return events
