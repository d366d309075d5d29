"""Demo loader of the events calendar: the categories, the calendar "Termine" below the German
home page and its events (past ones from the research notes, examples in 2027), all
translated into English through wagtail-localize. The texts and dates are in `content.yaml`
beside this module.

A stand-in standard page at the FORUM 2019 slug (from older demo databases) is replaced by the
event page with the same slug; the home pages and the main menu are pointed at the new pages.
Objects are found by slug, so a second run changes nothing.
"""

from html import escape

from wagtail.models import Page

from demo.data import Html, content
from demo.engine import SOURCE_LANGUAGE, Tally
from demo.home.loader import main_menu_position
from events.models import (
    EventCategory,
    EventCategoryLink,
    EventIndexPage,
    EventOrganiser,
    EventPage,
)
from home.models import HomePage, StandardPage
from portal.models import FederalState, MainMenuItem, PortalSettings


def data():
    """The content of `content.yaml` beside this module (read once)."""
    return content(__file__)


def steps(demo):
    loader = EventsLoader(demo, data())
    return [
        ("Event categories (de, en)", loader.load_categories),
        ("Events calendar and events (de)", loader.load_pages),
        ("English events calendar and events (wagtail-localize)", loader.translate_all),
        ("Home pages and main menu: events", loader.link_home_and_menu),
    ]


class EventsLoader:
    def __init__(self, demo, spec):
        self.demo = demo
        self.spec = spec
        demo.add_english([spec["categories"], spec["index_page"], spec["events"]])
        demo.add_english(spec["body_heading"])
        self.index = None
        self.events = []

    def load_categories(self):
        tally = Tally()
        german = self.demo.locale(SOURCE_LANGUAGE)
        for spec in self.spec["categories"]:
            category = EventCategory.objects.filter(locale=german, slug=spec["slug"]).first()
            if category is None:
                category = EventCategory(
                    locale=german,
                    slug=spec["slug"],
                    name=spec["name"].de,
                    sort_order=spec["sort_order"],
                )
                category.save()
                category.save_revision().publish()
                tally.created += 1
            else:
                tally.present += 1
            self.demo.translate(category, tally)
        return tally

    def load_pages(self):
        tally = Tally()
        self.remove_stand_in(tally)
        spec = self.spec["index_page"]
        home = self.demo.german_home()
        index_page = home.get_children().type(EventIndexPage).filter(slug=spec["slug"].de)
        index_page = index_page.specific().first()
        if index_page is None:
            index_page = EventIndexPage(
                title=spec["title"].de,
                slug=spec["slug"].de,
                intro=spec["intro"].de,
                search_description=spec["search_description"].de,
            )
            home.add_child(instance=index_page)
            index_page.save_revision().publish()
            tally.created += 1
        else:
            tally.present += 1
        self.index = index_page
        german = index_page.locale
        by_slug = {c.slug: c for c in EventCategory.objects.filter(locale=german)}
        states = {s.code: s for s in FederalState.objects.all()}
        for spec in self.spec["events"]:
            slug = spec["slug"].de
            page = index_page.get_children().filter(slug=slug).specific().first()
            if page is not None:
                tally.present += 1
            else:
                page = self.build_event(spec, by_slug, states)
                index_page.add_child(instance=page)
                page.save_revision().publish()
                tally.created += 1
            self.events.append(page)
        return tally

    def translate_all(self):
        tally = Tally()
        self.demo.translate(Page.objects.get(pk=self.index.pk).specific, tally)
        for page in self.events:
            self.demo.translate(Page.objects.get(pk=page.pk).specific, tally)
        return tally

    def link_home_and_menu(self):
        tally = Tally()
        index_page = self.index
        forum = next(p for p in self.events if p.slug == self.spec["forum_slug"])
        for home in HomePage.objects.all():
            locale = home.locale
            wanted_index = index_page.get_translation_or_none(locale) or index_page
            wanted_forum = forum.get_translation_or_none(locale) or forum
            if home.events_page_id == wanted_index.pk and home.forum_page_id == wanted_forum.pk:
                tally.present += 1
                continue
            home = home.get_latest_revision_as_object()
            home.events_page = wanted_index
            home.forum_page = wanted_forum
            home.save_revision().publish()
            tally.updated += 1
        for settings in PortalSettings.objects.all():
            if settings.main_menu_items.filter(page=index_page).exists():
                tally.present += 1
                continue
            MainMenuItem.objects.create(
                settings=settings, page=index_page, sort_order=main_menu_position("events")
            )
            tally.created += 1
        return tally

    def remove_stand_in(self, tally):
        """Delete the standard page that stood in for the FORUM 2019 documentation."""
        stand_ins = list(StandardPage.objects.filter(slug=self.spec["forum_slug"]))
        keys = {page.translation_key for page in stand_ins}
        # Translations first, then their German source.
        for page in sorted(
            StandardPage.objects.filter(translation_key__in=keys),
            key=lambda p: p.locale.language_code == "de",
        ):
            page.delete()
            tally.updated += 1

    def body(self, spec):
        """The default heading, then the event's own body or a paragraph of its summary; an
        event with `body_heading: null` (FORUM 2019) has its body alone."""
        heading = spec.get("body_heading", self.spec["body_heading"])
        body = spec.get("body") or [{"paragraph": Html([spec["summary"]])}]
        return [heading, *body] if heading else body

    def build_event(self, spec, categories, states):
        dates = spec["dates"]
        city = spec["city"]
        point = self.spec["points"].get(city)
        page = EventPage(
            title=spec["title"].de,
            slug=spec["slug"].de,
            summary=spec["summary"].de,
            search_description=spec.get("search_description", spec["summary"]).de,
            venue_name=spec["venue_name"].de,
            city=city,
            street=spec.get("street", ""),
            postcode=spec.get("postcode", ""),
            federal_state=states.get(self.spec["states"].get(city)),
            location=f"SRID=4326;POINT({point[1]} {point[0]})" if point else "",
            online_url=spec.get("online_url", ""),
            start=dates["start"],
            end=dates["end"],
            all_day=dates["all_day"],
            recurrence=spec.get("recurrence", ""),
            recurrence_rule=spec.get("recurrence_rule", ""),
            exception_dates=spec.get("exception_dates", ""),
            is_free=spec.get("is_free", False),
            price=spec.get("price"),
            registration_url=spec.get("registration_url", ""),
            registration_deadline=spec.get("registration_deadline"),
            participant_count=spec.get("participant_count"),
            body=self.demo.stream(self.body(spec)),
            documentation_summary="".join(
                f"<p>{escape(text.de, quote=False)}</p>"
                for text in spec.get("documentation_summary", [])
            ),
        )
        page.category_links = [
            EventCategoryLink(category=categories[slug], sort_order=index)
            for index, slug in enumerate(spec["categories"])
        ]
        page.organisers = [
            EventOrganiser(name=name.de, sort_order=index)
            for index, name in enumerate(spec.get("organisers", []))
        ]
        return page
