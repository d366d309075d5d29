"""Demo loader of the locations domain: the two pool pages ("Gewerbeflächen", "Hallenobjekte")
and about thirty sites and halls with a contact person, German and English. The facts and
texts are in `content.yaml` beside this module.

Stand-in standard pages at the pools' slugs (from older demo databases) are replaced by the
pool pages, their main-menu entries recreated at the same positions. The steps are
idempotent: a second run finds every object and changes nothing.
"""

from decimal import Decimal

from django.utils.text import slugify

from wagtail.models import Page

from demo.data import Html, Text, content
from demo.engine import TARGET_LANGUAGE, Tally
from demo.home.loader import main_menu_position
from home.models import HomePage
from locations.models import LocationIndexPage, LocationPage, format_point
from portal.models import ContactPerson, FederalState, MainMenuItem, PortalSettings

# Slugs spell umlauts out as German readers expect ("Großkayna" -> "grosskayna").
GERMAN_SLUGS = {
    "ä": "ae",
    "ö": "oe",
    "ü": "ue",
    "ß": "ss",
}

# Fields that only one kind of location has (areas for sites, halls' space and fittings).
KIND_FIELDS = (
    "total_area_ha",
    "available_area_ha",
    "floor_space_m2",
    "hall_height_m",
    "floor_load_t_m2",
    "loading_docks",
    "office_space_m2",
)


def german_slug(title):
    text = title.lower()
    for umlaut, spelled in GERMAN_SLUGS.items():
        text = text.replace(umlaut, spelled)
    return slugify(text)


def data():
    """The content of `content.yaml` beside this module (read once)."""
    return content(__file__)


def steps(demo):
    loader = LocationsLoader(demo, data())
    return [
        ("Location pools (de)", loader.load_pools),
        ("Location contact person (de)", loader.load_contact),
        ("Commercial sites and halls (de)", loader.load_locations),
        ("English pools, sites and halls (wagtail-localize)", loader.translate_all),
        ("Home page pool links", loader.link_home_pages),
    ]


class LocationsLoader:
    def __init__(self, demo, spec):
        self.demo = demo
        self.spec = spec
        self.specs = [("sites", item) for item in spec["sites"]] + [
            ("halls", item) for item in spec["halls"]
        ]
        demo.add_english(
            [
                spec["pools"],
                spec["contact"],
                [self.location_texts(item) for _pool, item in self.specs],
                spec["subsidies"],
            ]
        )
        self.pools = {}
        self.contact = None

    def location_texts(self, spec):
        """Every translatable text of a location, as (German, English) pairs."""
        title = spec["title"]
        slug = Text(german_slug(title.de), slugify(title.en))
        where = spec["city"]
        if spec["district"] != spec["city"]:
            where = f"{spec['city']} ({spec['district']})"
        template = self.spec["location_paragraph"]
        paragraph = Text(
            template.de.format(title=title.de, where=where),
            template.en.format(title=title.en, where=where),
        )
        description = [{"paragraph": _html(spec["summary"], paragraph, self.spec["demo_note"])}]
        return {
            "title": title,
            "slug": slug,
            "summary": spec["summary"],
            "description": description,
        }

    def load_pools(self):
        tally = Tally()
        home = self.demo.german_home()
        settings = PortalSettings.objects.filter(site__root_page=home).first()
        for spec in self.spec["pools"]:
            slug = spec["slug"].de
            existing = home.get_children().filter(slug=slug).specific().first()
            if isinstance(existing, LocationIndexPage):
                self.pools[spec["key"]] = existing
                tally.present += 1
                continue
            menu_positions = []
            if existing is not None:
                # A stand-in standard page: replace it, keeping its menu place.
                menu_positions = list(
                    MainMenuItem.objects.filter(page=existing).values_list("sort_order", flat=True)
                )
                for translation in existing.get_translations():
                    translation.delete()
                Page.objects.get(pk=existing.pk).delete()
                tally.updated += 1
            pool = LocationIndexPage(
                title=spec["title"].de,
                slug=slug,
                kind=spec["kind"],
                intro=spec["intro"].de,
                search_description=spec["search_description"].de,
            )
            home.add_child(instance=pool)
            pool.save_revision().publish()
            if settings is not None:
                if not menu_positions:
                    menu_positions = [main_menu_position(spec["key"])]
                for position in menu_positions:
                    MainMenuItem.objects.create(settings=settings, page=pool, sort_order=position)
            self.pools[spec["key"]] = pool
            tally.created += 1
        return tally

    def load_contact(self):
        tally = Tally()
        spec = self.spec["contact"]
        german = self.demo.german_home().locale
        contact = ContactPerson.objects.filter(locale=german, name=spec["name"].de).first()
        if contact is None:
            contact = ContactPerson(
                locale=german,
                name=spec["name"].de,
                role=spec["role"].de,
                organisation=spec["organisation"].de,
                phone=spec["phone"].de,
                email=spec["email"],
            )
            contact.full_clean()
            contact.save()
            contact.save_revision().publish()
            tally.created += 1
        else:
            tally.present += 1
        self.contact = contact
        return tally

    def load_locations(self):
        tally = Tally()
        states = {state.code: state for state in FederalState.objects.all()}
        for pool_key, spec in self.specs:
            pool = self.pools[pool_key]
            texts = self.location_texts(spec)
            if pool.get_children().filter(slug=texts["slug"].de).exists():
                tally.present += 1
                continue
            page = self.build_location(spec, texts, states)
            pool.add_child(instance=page)
            page.full_clean()
            page.save_revision().publish()
            tally.created += 1
        return tally

    def build_location(self, spec, texts, states):
        motorway_name, motorway_km = spec["motorway"]
        latitude, longitude = spec["point"]
        page = LocationPage(
            title=texts["title"].de,
            slug=texts["slug"].de,
            summary=spec["summary"].de,
            street=spec["street"],
            postcode=spec["postcode"],
            city=spec["city"],
            district=spec["district"],
            federal_state=states[spec["state"]],
            location=format_point(latitude, longitude),
            zoning=spec["zoning"],
            price_per_m2=spec["price"],
            price_on_request=spec["price"] is None,
            available_from=spec["available_from"],
            motorway_name=motorway_name,
            distance_motorway_km=Decimal(motorway_km) if motorway_km else None,
            distance_airport_km=Decimal(spec["airport"]) if spec["airport"] else None,
            distance_rail_km=Decimal(spec["rail"]) if spec["rail"] else None,
            subsidy_notes=spec["subsidy"].de if spec["subsidy"] else "",
            contact_person=self.contact,
            description=self.demo.stream(texts["description"]),
        )
        for field in KIND_FIELDS:
            if field in spec:
                setattr(page, field, spec[field])
        return page

    def translate_all(self):
        tally = Tally()
        self.demo.translate(self.contact, tally)
        for spec in self.spec["pools"]:
            pool = self.pools[spec["key"]]
            self.demo.translate(Page.objects.get(pk=pool.pk).specific, tally)
        for pool_key, spec in self.specs:
            pool = self.pools[pool_key]
            slug = self.location_texts(spec)["slug"].de
            page = pool.get_children().get(slug=slug)
            self.demo.translate(Page.objects.get(pk=page.pk).specific, tally)
        return tally

    def link_home_pages(self):
        tally = Tally()
        german_home = self.demo.german_home()
        pools = self.pools
        english_locale = self.demo.locale(TARGET_LANGUAGE)
        targets = [(german_home, pools["sites"], pools["halls"])]
        english_home = german_home.get_translation_or_none(english_locale)
        if english_home is not None:
            targets.append(
                (
                    english_home.specific,
                    pools["sites"].get_translation_or_none(english_locale),
                    pools["halls"].get_translation_or_none(english_locale),
                )
            )
        for home, sites, halls in targets:
            home = HomePage.objects.get(pk=home.pk)
            if sites is None or halls is None:
                continue
            # The home page shows each link in the visitor's language (`localize_pages`), so
            # a link to another language's version of the pool (as a wagtail-localize sync
            # leaves it) is already right.
            linked = [home.sites_page, home.halls_page]
            if [page.translation_key if page else None for page in linked] == [
                sites.translation_key,
                halls.translation_key,
            ]:
                tally.present += 1
                continue
            home.sites_page = sites
            home.halls_page = halls
            home.save_revision().publish()
            tally.updated += 1
        return tally


def _html(*parts):
    return Html(list(parts))
