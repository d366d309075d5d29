"""The events calendar (Termine): categories, the index with archive, calendar and feeds, events.

`EventPage` holds one event or a series; its occurrences are written to `EventOccurrence`
whenever the page is saved, so listings, the calendar and the home page's teaser page through
the database in a fixed number of queries however many events there are.
"""

import datetime as dt
import functools

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.contrib.staticfiles import finders
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.templatetags.static import static
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import (
    DraftStateMixin,
    Orderable,
    Page,
    PageViewRestriction,
    RevisionMixin,
    TranslatableMixin,
)
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField
from wagtailgeowidget.helpers import geosgeometry_str_to_struct

from portal.blocks import BaseStreamBlock, ConsentEmbedBlock
from portal.fields import optional_link
from portal.localization import prefer_active_locale
from portal.panels import SelfHostedLeafletPanel
from quotes.models import chosen_quote_ids, quotes_text

from . import recurrence

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ul", "ol"]
# Sub-paths the index and event pages answer themselves (RoutablePageMixin); an event with
# one of these slugs could never be reached.
LEAFLET_JS = "locations/vendor/leaflet/leaflet.js"
LEAFLET_CSS = "locations/vendor/leaflet/leaflet.css"
RESERVED_SLUGS = {"archiv", "archive", "kalender", "calendar", "ical"}
# Large columns of EventPage that the list and the calendar never show.
LIST_DEFERRED_FIELDS = ("body", "documentation_summary", "documentation_video")


class EventCategory(TranslatableMixin, DraftStateMixin, RevisionMixin, models.Model):
    """A topic of events, such as Wirtschaft, Wissenschaft, Kultur or Sport.

    Editors assign categories to events; visitors filter the calendar by them and subscribe
    to one category's feed. The name is translated; the short name in addresses (slug) stays
    the same in every language so that filter links and feed subscriptions keep working.
    """

    name = models.CharField(_("name"), max_length=80, help_text=_("For example “Wirtschaft”."))
    slug = models.SlugField(
        _("short name for addresses"),
        max_length=80,
        allow_unicode=False,
        help_text=_(
            "Lower-case letters, digits and hyphens; used in filter links and feed addresses."
        ),
    )
    sort_order = models.PositiveIntegerField(
        _("sort order"), default=100, help_text=_("Lower numbers are listed first.")
    )

    # Deleting a category deletes its revisions too (Wagtail's recommended pattern for snippets).
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="event_category")

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]

    override_translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("slug"),
        SynchronizedField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("event category")
        verbose_name_plural = _("event categories")
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="events_category_unique_slug")
        ]

    def __str__(self):
        return self.name

    @property
    def revisions(self):
        return self._revisions

    @classmethod
    def for_display(cls):
        """Live categories in the active language (source version where untranslated), in order.

        One query: the language codes come from the settings, not from the Locale table.
        """
        codes = {translation.get_language(), settings.LANGUAGE_CODE}
        categories = list(
            cls.objects.filter(live=True, locale__language_code__in=codes).select_related("locale")
        )
        return prefer_active_locale(categories)


@functools.cache
def leaflet_assets():
    """Leaflet as vendored by the locations app, or (None, None) while it is not there."""
    if finders.find(LEAFLET_JS) and finders.find(LEAFLET_CSS):
        return static(LEAFLET_JS), static(LEAFLET_CSS)
    return None, None


def map_assets():
    leaflet_js, leaflet_css = leaflet_assets()
    return {
        "leaflet_js": leaflet_js,
        "leaflet_css": leaflet_css,
        "map_tile_url": getattr(settings, "MAP_TILE_URL", ""),
        "map_attribution": getattr(settings, "MAP_TILE_ATTRIBUTION", ""),
    }


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
        from .views import event_list

        return event_list(request, self, archive=False)

    @path("archiv/", name="archive_de")
    @path("archive/", name="archive_en")
    def archive_view(self, request):
        from .views import event_list

        return event_list(request, self, archive=True)

    @path("kalender/", name="calendar_de")
    @path("calendar/", name="calendar_en")
    @re_path(r"^kalender/(?P<year>\d{1,6})/(?P<month>\d{1,4})/$", name="calendar_month_de")
    @re_path(r"^calendar/(?P<year>\d{1,6})/(?P<month>\d{1,4})/$", name="calendar_month_en")
    def calendar_view(self, request, year=None, month=None):
        from .views import event_calendar

        return event_calendar(request, self, year, month)

    @path("ical/", name="feed")
    @path("ical/<slug:category>/", name="category_feed")
    def feed_view(self, request, category=None):
        from .views import index_feed

        return index_feed(request, self, category)

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


class EventPage(RoutablePageMixin, Page):
    """One event of the calendar, or a series of events, and its documentation afterwards.

    Editors enter dates (Europe/Berlin), the venue with a point on the map, organisers,
    categories, registration and price, a summary and the body. A series repeats weekly,
    monthly or by an RFC 5545 rule. After the event, the documentation tab adds a summary,
    photos, presentations, a video and the number of participants.
    """

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Takes place as planned")
        CANCELLED = "cancelled", _("Cancelled")
        POSTPONED = "postponed", _("Postponed, new date to be announced")
        RESCHEDULED = "rescheduled", _("Moved to a new date")
        MOVED_ONLINE = "moved_online", _("Moved online")

    class Recurrence(models.TextChoices):
        NONE = "", _("Does not repeat")
        WEEKLY = "weekly", _("Every week on the same weekday")
        MONTHLY = "monthly", _("Every month on the same day")
        RULE = "rule", _("By a rule (RFC 5545 RRULE)")

    # Dates
    start = models.DateTimeField(
        _("start"), help_text=_("Date and time in German time (Europe/Berlin).")
    )
    end = models.DateTimeField(
        _("end"),
        null=True,
        blank=True,
        help_text=_("Leave empty for events without a fixed end. Must not be before the start."),
    )
    all_day = models.BooleanField(
        _("all day"),
        default=False,
        help_text=_("Only the dates are shown; the times of start and end are ignored."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SCHEDULED
    )

    # Series
    recurrence = models.CharField(
        _("repeats"), max_length=10, choices=Recurrence.choices, default="", blank=True
    )
    recurrence_until = models.DateField(
        _("repeats until"),
        null=True,
        blank=True,
        help_text=_("The last date of a weekly or monthly series."),
    )
    recurrence_rule = models.CharField(
        _("recurrence rule"),
        max_length=255,
        blank=True,
        help_text=_(
            "An RFC 5545 rule, e.g. FREQ=MONTHLY;BYDAY=1WE;COUNT=10 (first Wednesday of the "
            "month, ten times). Rules without COUNT or UNTIL are listed for three years."
        ),
    )
    exception_dates = models.TextField(
        _("exception dates"),
        blank=True,
        help_text=_("Dates on which the series does not take place, e.g. 2027-12-29, 05.01.2028."),
    )

    # Venue
    venue_name = models.CharField(
        _("venue"), max_length=200, blank=True, help_text=_("For example “Kulturhaus Böhlen”.")
    )
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    federal_state = optional_link(
        "portal.FederalState",
        _("federal state"),
        _("For the filter by federal state; leave empty for events outside the region."),
    )
    location = models.CharField(
        _("point on the map"),
        max_length=250,
        blank=True,
        help_text=_("Click the map or drag the marker to the venue's entrance."),
    )
    online_url = models.URLField(
        _("online address"), blank=True, help_text=_("The stream or meeting link, if any.")
    )

    # Registration and price
    registration_url = models.URLField(_("registration address"), blank=True)
    registration_deadline = models.DateTimeField(
        _("registration deadline"),
        null=True,
        blank=True,
        help_text=_("Must not be after the start of the event."),
    )
    is_free = models.BooleanField(_("free of charge"), default=False)
    price = models.DecimalField(
        _("price in euros"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("The regular ticket price; leave empty if the event is free."),
    )

    # Content
    summary = models.TextField(
        _("summary"),
        max_length=600,
        help_text=_("Two or three sentences for lists, the home page and calendar apps."),
    )
    image = optional_link(
        "wagtailimages.Image",
        _("image"),
        _("Shown at the top and in teasers; its description is the alternative text."),
    )
    contact = optional_link("portal.ContactPerson", _("contact person"))
    body = StreamField(
        BaseStreamBlock(),
        verbose_name=_("body"),
        blank=True,
        help_text=_("Programme, speakers and everything else visitors need to know."),
    )

    # Documentation (after the event)
    documentation_summary = RichTextField(
        _("documentation"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("What happened: results, statements, next steps. Shown once filled in."),
    )
    participant_count = models.PositiveIntegerField(
        _("number of participants"), null=True, blank=True
    )
    documentation_video = StreamField(
        [("video", ConsentEmbedBlock())],
        verbose_name=_("video"),
        blank=True,
        max_num=1,
        help_text=_("A recording of the event; it loads only after the visitor agrees."),
    )

    date_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("all_day"),
                FieldPanel("status"),
            ],
            heading=_("Date"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("recurrence"),
                FieldPanel("recurrence_until"),
                FieldPanel("recurrence_rule"),
                FieldPanel("exception_dates"),
            ],
            heading=_("Series"),
            classname="collapsed",
        ),
    ]
    venue_panels = [
        MultiFieldPanel(
            [
                FieldPanel("venue_name"),
                FieldPanel("street"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")]),
                FieldPanel("federal_state"),
                SelfHostedLeafletPanel("location"),
                FieldPanel("online_url"),
            ],
            heading=_("Venue"),
        ),
    ]
    about_panels = [
        FieldPanel("summary"),
        FieldPanel("image"),
        InlinePanel("category_links", label=_("Category"), heading=_("Categories")),
        InlinePanel("organisers", label=_("Organiser"), heading=_("Organisers")),
        FieldPanel("contact"),
        MultiFieldPanel(
            [
                FieldPanel("registration_url"),
                FieldPanel("registration_deadline"),
                FieldRowPanel([FieldPanel("is_free"), FieldPanel("price")]),
            ],
            heading=_("Registration and price"),
        ),
        FieldPanel("body"),
    ]
    documentation_panels = [
        FieldPanel("documentation_summary"),
        FieldPanel("participant_count"),
        InlinePanel("gallery_images", label=_("Photo"), heading=_("Photo gallery")),
        InlinePanel("presentations", label=_("Presentation"), heading=_("Presentations")),
        FieldPanel("documentation_video"),
    ]
    content_panels = Page.content_panels + date_panels + venue_panels + about_panels

    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(documentation_panels, heading=_("Documentation")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("venue_name"),
        index.SearchField("city"),
        index.SearchField("documentation_summary"),
        index.RelatedFields("organisers", [index.SearchField("name")]),
        index.RelatedFields(
            "category_links", [index.RelatedFields("category", [index.SearchField("name")])]
        ),
        index.FilterField("start"),
        # The body indexes quotes written in it; chosen quote snippets need their own text.
        index.SearchField("search_quotes"),
    ]

    # Fields of the read-only API at /api/v2/ (seo/api.py, docs/seo.md).
    api_fields = [
        "start",
        "end",
        "all_day",
        "status",
        "venue_name",
        "street",
        "postcode",
        "city",
        "federal_state",
        "online_url",
        "registration_url",
        "registration_deadline",
        "is_free",
        "price",
        "summary",
        "image",
        "body",
        "documentation_summary",
        "participant_count",
    ]

    # Dates, places, numbers, rules and links follow the German source; texts are translated.
    override_translatable_fields = [
        SynchronizedField("postcode"),
        SynchronizedField("location"),
        SynchronizedField("recurrence_rule"),
        SynchronizedField("exception_dates"),
        SynchronizedField("city"),
        SynchronizedField("street"),
        SynchronizedField("online_url"),
        SynchronizedField("registration_url"),
    ]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    @path("ical/", name="ical")
    def ical_view(self, request):
        from .views import event_ical

        return event_ical(request, self)

    def get_context(self, request, *args, **kwargs):
        from .jsonld import event_json_ld

        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        occurrences = list(self.occurrences.all())
        context["upcoming_occurrences"] = [o for o in occurrences if o.end > now][:12]
        context["is_past"] = bool(occurrences) and all(o.end <= now for o in occurrences)
        context["categories"] = self.localized_categories()
        context["organisers"] = list(self.organisers.all())
        context["gallery_images"] = list(self.gallery_images.select_related("image"))
        context["presentations"] = list(self.presentations.select_related("document"))
        context["json_ld"] = event_json_ld(self, request, context["categories"])
        context["index_page"] = self.get_parent().specific
        context["ical_url"] = self.get_url(request) + self.reverse_subpage("ical")
        context.update(map_assets())
        return context

    # Search index

    def search_quotes(self):
        """The chosen quote snippets' text for the search index (`quotes.models.quotes_text`)."""
        return quotes_text(self, pks=chosen_quote_ids(self.body))

    # Validation

    def clean(self):
        super().clean()
        errors = {}
        if self.slug in RESERVED_SLUGS:
            errors["slug"] = _("This address is used by the calendar itself; choose another.")
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("The end must not be before the start.")
        if self.start and self.registration_deadline and self.registration_deadline > self.start:
            errors["registration_deadline"] = _(
                "The registration deadline must not be after the start of the event."
            )
        if self.is_free and self.price:
            errors["price"] = _("An event free of charge has no price; clear one of the two.")
        if self.price is not None and self.price < 0:
            errors["price"] = _("Enter a price of zero or more.")
        if self.status == self.Status.MOVED_ONLINE and not self.online_url:
            errors["online_url"] = _("An event moved online needs its online address.")
        if self.location and geosgeometry_str_to_struct(self.location) is None:
            errors["location"] = _("Choose the point on the map.")
        if self.recurrence in (self.Recurrence.WEEKLY, self.Recurrence.MONTHLY):
            if not self.recurrence_until:
                errors["recurrence_until"] = _("Enter the last date of the series.")
            elif self.start and self.recurrence_until < timezone.localtime(self.start).date():
                errors["recurrence_until"] = _("The series must not end before its first date.")
        if self.recurrence == self.Recurrence.RULE and self.start:
            try:
                recurrence.parse_rule(self.recurrence_rule, recurrence.local_naive(self.start))
            except recurrence.RecurrenceError as error:
                errors["recurrence_rule"] = str(error)
        try:
            recurrence.parse_exception_dates(self.exception_dates)
        except recurrence.RecurrenceError as error:
            errors["exception_dates"] = str(error)
        if errors:
            raise ValidationError(errors)

    # Dates

    def save(self, *args, **kwargs):
        if self.all_day and self.start:
            # All-day events start at local midnight, whatever time the form sent.
            start = timezone.localtime(self.start)
            self.start = recurrence.make_aware(dt.datetime.combine(start.date(), dt.time()))
            if self.end:
                end = timezone.localtime(self.end)
                self.end = recurrence.make_aware(dt.datetime.combine(end.date(), dt.time()))
        result = super().save(*args, **kwargs)
        update_fields = kwargs.get("update_fields")
        if update_fields is None or set(update_fields) & OCCURRENCE_FIELDS:
            self.update_occurrences()
        return result

    @property
    def rule_text(self):
        """The series as an RRULE on local times (no UNTIL in UTC), or '' for one date."""
        if self.recurrence == self.Recurrence.WEEKLY and self.recurrence_until:
            return f"FREQ=WEEKLY;UNTIL={self.recurrence_until:%Y%m%d}T235959"
        if self.recurrence == self.Recurrence.MONTHLY and self.recurrence_until:
            return f"FREQ=MONTHLY;UNTIL={self.recurrence_until:%Y%m%d}T235959"
        if self.recurrence == self.Recurrence.RULE:
            return recurrence.normalise_rule(self.recurrence_rule)
        return ""

    @property
    def excluded_dates(self):
        try:
            return recurrence.parse_exception_dates(self.exception_dates)
        except recurrence.RecurrenceError:
            return []

    def compute_occurrences(self):
        try:
            return recurrence.expand(
                self.start, self.end, self.all_day, self.rule_text, self.excluded_dates
            )
        except recurrence.RecurrenceError:
            # Saved without clean() (e.g. in a script): list the first date only.
            return recurrence.expand(self.start, self.end, self.all_day, "", [])

    def update_occurrences(self):
        with transaction.atomic():
            EventOccurrence.objects.filter(event=self).delete()
            EventOccurrence.objects.bulk_create(
                [
                    EventOccurrence(event=self, start=start, end=end)
                    for start, end in self.compute_occurrences()
                ]
            )

    @property
    def is_series(self):
        return bool(self.rule_text)

    # Venue

    @cached_property
    def point(self):
        """(latitude, longitude) of the venue, or None."""
        struct = geosgeometry_str_to_struct(self.location or "")
        if not struct:
            return None
        try:
            return float(struct["y"]), float(struct["x"])
        except ValueError:
            return None

    @property
    def address_line(self):
        place = " ".join(part for part in (self.postcode, self.city) if part)
        return ", ".join(part for part in (self.street, place) if part)

    @property
    def route_url(self):
        """OpenStreetMap directions to the venue (a plain link; nothing loads on the page)."""
        if self.point:
            lat, lon = self.point
            return f"https://www.openstreetmap.org/directions?to={lat:.5f}%2C{lon:.5f}"
        if self.address_line:
            from urllib.parse import quote

            return "https://www.openstreetmap.org/search?query=" + quote(
                f"{self.venue_name} {self.address_line}".strip()
            )
        return ""

    @property
    def attendance_mode(self):
        has_place = bool(self.venue_name or self.address_line)
        if self.status == self.Status.MOVED_ONLINE or (self.online_url and not has_place):
            return "online"
        if self.online_url:
            return "mixed"
        return "offline"

    # Categories

    def localized_categories(self):
        """The event's categories in the active language (one query)."""
        keys = [link.category.translation_key for link in self.category_links.all()]
        if not keys:
            return []
        by_key = {c.translation_key: c for c in EventCategory.for_display()}
        return [by_key[key] for key in keys if key in by_key]

    # Teasers

    @property
    def card_image(self):
        return self.image

    @property
    def card_text(self):
        """Date and place for teaser cards, e.g. "12.03.2027, 10:00 · Leipzig"."""
        from .templatetags.events_tags import occurrence_label

        start = getattr(self, "occurrence_start", None) or self.start
        end = getattr(self, "occurrence_end", None) or self.end
        label = occurrence_label(start, end, self.all_day)
        return " · ".join(part for part in (label, self.city) if part)


OCCURRENCE_FIELDS = {"start", "end", "all_day", "recurrence", "recurrence_until"} | {
    "recurrence_rule",
    "exception_dates",
}


class EventOccurrence(models.Model):
    """One date of an event (a single event has one, a series one per repetition).

    Written automatically when an event is saved; editors never edit occurrences.
    """

    event = models.ForeignKey(
        EventPage, on_delete=models.CASCADE, related_name="occurrences", verbose_name=_("event")
    )
    start = models.DateTimeField(_("start"), db_index=True)
    end = models.DateTimeField(_("end"), db_index=True)

    class Meta:
        verbose_name = _("occurrence")
        verbose_name_plural = _("occurrences")
        ordering = ["start", "pk"]
        indexes = [
            models.Index(fields=["event", "start"], name="events_occ_event_start"),
            # Lists and the home page's teaser read occurrences by start and skip those that
            # are over (`end`) within the index, without visiting the table.
            models.Index(fields=["start", "end"], name="events_occ_start_end"),
        ]

    def __str__(self):
        return f"{self.event.title} ({timezone.localtime(self.start):%Y-%m-%d %H:%M})"

    @property
    def local_start(self):
        return timezone.localtime(self.start)

    @property
    def last_day(self):
        """The last calendar day the occurrence covers (all-day ends are exclusive)."""
        end = timezone.localtime(self.end)
        if end > self.local_start and end.time() == dt.time():
            return (end - dt.timedelta(days=1)).date()
        return end.date()

    def as_event(self):
        """The event page for this occurrence (a copy, so a series can appear twice)."""
        import copy

        event = copy.copy(self.event)
        event.occurrence_start = self.start
        event.occurrence_end = self.end
        return event


class EventCategoryLink(TranslatableMixin, Orderable):
    """Links an event to a category; the category follows the event's language."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="category_links")
    category = models.ForeignKey(
        EventCategory,
        verbose_name=_("category"),
        on_delete=models.CASCADE,
        related_name="event_links",
    )

    panels = [FieldPanel("category")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("category")
        verbose_name_plural = _("categories")


class EventOrganiser(TranslatableMixin, Orderable):
    """An organiser of an event, with an optional link to its website."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="organisers")
    name = models.CharField(_("name"), max_length=200)
    url = models.URLField(_("website"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("url")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("organiser")
        verbose_name_plural = _("organisers")


class EventGalleryImage(TranslatableMixin, Orderable):
    """A photo of the event's documentation."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="gallery_images")
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("image"), on_delete=models.CASCADE, related_name="+"
    )
    alt_text = models.CharField(
        _("alternative text"),
        max_length=255,
        help_text=_("Describe what the photo shows for people who cannot see it."),
    )
    caption = models.CharField(_("caption"), max_length=255, blank=True)

    panels = [FieldPanel("image"), FieldPanel("alt_text"), FieldPanel("caption")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("photo")
        verbose_name_plural = _("photos")


class EventPresentation(TranslatableMixin, Orderable):
    """A presentation or other document from the event, offered for download."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="presentations")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    title = models.CharField(
        _("title"),
        max_length=200,
        blank=True,
        help_text=_("Leave empty to use the document's title."),
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("presentation")
        verbose_name_plural = _("presentations")

    @property
    def label(self):
        return self.title or self.document.title
