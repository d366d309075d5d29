"""The event page: one event or a series, its venue, registration and documentation."""

import datetime as dt
from urllib.parse import quote

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField
from wagtailgeowidget.helpers import geosgeometry_str_to_struct

from portal.blocks import BaseStreamBlock, ConsentEmbedBlock
from portal.fields import optional_link
from portal.panels import SelfHostedLeafletPanel
from quotes.models import chosen_quote_ids, quotes_text

# The views import the category, inline and occurrence models by their own modules and
# never a page module, so importing them here is no cycle.
from .. import recurrence, views
from ..jsonld import event_json_ld
from ..templatetags.events_tags import occurrence_label
from .categories import EventCategory
from .choices import Recurrence, Status
from .common import RESERVED_SLUGS, RICH_TEXT_FEATURES, map_assets
from .occurrences import OCCURRENCE_FIELDS, EventOccurrence


class EventPage(RoutablePageMixin, Page):
    """One event of the calendar, or a series of events, and its documentation afterwards.

    Editors enter dates (Europe/Berlin), the venue with a point on the map, organisers,
    categories, registration and price, a summary and the body. A series repeats weekly,
    monthly or by an RFC 5545 rule. After the event, the documentation tab adds a summary,
    photos, presentations, a video and the number of participants.
    """

    # The choices live in `choices`, where the views and filters name them; the page keeps
    # them as `EventPage.Status` and `EventPage.Recurrence`.
    Status = Status
    Recurrence = Recurrence

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
        return views.event_ical(request, self)

    def get_context(self, request, *args, **kwargs):
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
        start = getattr(self, "occurrence_start", None) or self.start
        end = getattr(self, "occurrence_end", None) or self.end
        label = occurrence_label(start, end, self.all_day)
        return " · ".join(part for part in (label, self.city) if part)
