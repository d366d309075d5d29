"""Demo loader of the clusters domain: the overview "Cluster in Mitteldeutschland" under the
German home page, the eight cluster pages, the sectors, a contact and the quotes; it points
the home page's cluster teasers and quotes at them, adds the overview to the main menu and
translates everything into English through wagtail-localize. The texts and facts are in
`content.yaml` beside this module. Every step finds what exists and leaves it alone.
"""

from wagtail.models import Site

from clusters.models import (
    ClusterFigure,
    ClusterIndexPage,
    ClusterLocation,
    ClusterNetwork,
    ClusterPage,
    ClusterPageQuote,
    Sector,
)
from demo.data import content
from demo.engine import SOURCE_LANGUAGE, TARGET_LANGUAGE, Tally
from demo.home.loader import main_menu_position
from portal.models import ContactPerson, FederalState, MainMenuItem, PortalSettings
from quotes.models import Quote


def data():
    """The content of `content.yaml` beside this module (read once)."""
    return content(__file__)


def steps(demo):
    loader = ClustersLoader(demo, data())
    return [
        ("Sectors (de, en)", loader.load_sectors),
        ("Cluster contact (de, en)", loader.load_contact),
        ("Quotes (de, en)", loader.load_quotes),
        ("Cluster overview (de)", loader.load_index),
        ("Cluster pages (de)", loader.load_clusters),
        ("Cluster pages (en, wagtail-localize)", loader.translate_pages),
        ("Home page: clusters and quotes (de, en)", loader.link_home_page),
        ("Main menu: cluster overview", loader.add_menu_entry),
    ]


class ClustersLoader:
    def __init__(self, demo, spec):
        self.demo = demo
        self.spec = spec
        demo.add_english(spec)
        self.sectors = {}
        self.quotes = {}
        self.clusters = []
        self.contact = None
        self.index = None

    def load_sectors(self):
        tally = Tally()
        german = self.demo.locale(SOURCE_LANGUAGE)
        for spec in self.spec["sectors"]:
            slug = spec["slug"]
            sector = Sector.objects.filter(locale=german, slug=slug).first()
            if sector is None:
                sector = Sector.objects.create(locale=german, slug=slug, name=spec["name"].de)
                tally.created += 1
            else:
                tally.present += 1
            self.sectors[slug] = sector
            self.demo.translate_unversioned(sector, tally)
        return tally

    def load_contact(self):
        tally = Tally()
        spec = self.spec["contact"]
        german = self.demo.locale(SOURCE_LANGUAGE)
        contact = ContactPerson.objects.filter(locale=german, name=spec["name"].de).first()
        if contact is None:
            contact = ContactPerson(locale=german)
            for field, value in spec.items():
                setattr(contact, field, self.demo.german(value))
            contact.full_clean()
            contact.save()
            contact.save_revision().publish()
            tally.created += 1
        else:
            tally.present += 1
        self.contact = contact
        self.demo.translate(contact, tally)
        return tally

    def load_quotes(self):
        tally = Tally()
        german = self.demo.locale(SOURCE_LANGUAGE)
        for spec in self.spec["quotes"]:
            quote = Quote.objects.filter(
                locale=german, name=spec["name"], text=spec["text"].de
            ).first()
            if quote is None:
                quote = Quote(
                    locale=german,
                    text=spec["text"].de,
                    academic_title=spec["academic_title"],
                    name=spec["name"],
                    role=spec["role"].de,
                    organisation=spec["organisation"],
                )
                quote.full_clean()
                quote.save()
                quote.save_revision().publish()
                tally.created += 1
            else:
                tally.present += 1
            self.quotes[spec["key"]] = quote
            self.demo.translate(quote, tally)
        return tally

    def load_index(self):
        tally = Tally()
        spec = self.spec["index_page"]
        home = self.demo.german_home()
        index = ClusterIndexPage.objects.child_of(home).filter(slug=spec["slug"].de).first()
        if index is None:
            index = ClusterIndexPage(
                title=spec["title"].de,
                slug=spec["slug"].de,
                search_description=spec["search_description"].de,
                intro=self.demo.german(spec["intro"]),
                body=self.demo.stream(spec["body"]),
            )
            home.add_child(instance=index)
            index.save_revision().publish()
            tally.created += 1
        else:
            tally.present += 1
        self.index = index
        return tally

    def load_clusters(self):
        tally = Tally()
        states = {s.code: s for s in FederalState.objects.all()}
        for spec in self.spec["clusters"]:
            page = ClusterPage.objects.child_of(self.index).filter(slug=spec["slug"].de).first()
            if page is not None:
                tally.present += 1
                self.clusters.append(page)
                continue
            page = self.build_cluster(spec, states)
            self.index.add_child(instance=page)
            page.save_revision().publish()
            tally.created += 1
            self.clusters.append(page)
        return tally

    def build_cluster(self, spec, states):
        page = ClusterPage(
            title=spec["title"].de,
            slug=spec["slug"].de,
            kind=spec["kind"],
            sector=self.sectors[spec["sector"]],
            summary=spec["summary"].de,
            body=self.demo.stream(spec["body"]),
            contact_person=self.contact,
        )
        page.federal_states = [states[code] for code in spec["states"]]
        page.locations = [
            ClusterLocation(name=name, federal_state=states[code], sort_order=number)
            for number, (name, code) in enumerate(spec["locations"])
        ]
        page.figures = [
            ClusterFigure(
                kind=item["kind"],
                label=item["label"].de,
                value=item["value"],
                is_approximate=item["is_approximate"],
                unit=item["unit"].de,
                year=item["year"],
                source=item["source"].de,
                sort_order=number,
            )
            for number, item in enumerate(spec["figures"])
        ]
        page.networks = [
            ClusterNetwork(
                name=item["name"],
                role=item["role"].de,
                founded=item["founded"],
                website=item["website"],
                sort_order=number,
            )
            for number, item in enumerate(spec["networks"])
        ]
        page.related_quotes = [
            ClusterPageQuote(quote=self.quotes[key], sort_order=number)
            for number, key in enumerate(spec["quotes"])
        ]
        return page

    def translate_pages(self):
        # Parents first: wagtail-localize creates a page's translation under its parent's.
        tally = Tally()
        for page in [self.index, *self.clusters]:
            self.demo.translate(type(page).objects.get(pk=page.pk), tally)
        return tally

    def link_home_page(self):
        """Point the German home page at the overview and the quote snippets, then sync
        English."""
        tally = Tally()
        home = self.demo.german_home()
        chosen = [self.quotes[key] for key in self.spec["home_quotes"]]
        wanted_quotes = [{"type": "quote_snippet", "value": quote.pk} for quote in chosen]
        current_quotes = [
            {"type": item["type"], "value": item["value"]} for item in home.quotes.raw_data
        ]
        has_snippets = any(item["type"] == "quote_snippet" for item in current_quotes)
        if home.clusters_page_id == self.index.pk and has_snippets:
            tally.present += 1
            return tally
        home.clusters_page = self.index
        if not has_snippets:
            # The KUMATEC quote written on the page becomes the snippet of the same text.
            home.quotes = wanted_quotes
        home.save_revision().publish()
        self.demo.sync_translation(home)
        english = self.demo.locale(TARGET_LANGUAGE)
        english_home = home.get_translation_or_none(english)
        english_index = self.index.get_translation_or_none(english)
        if english_home is not None and english_index is not None:
            english_home = english_home.specific
            english_home.clusters_page = english_index
            english_home.save_revision().publish()
        tally.updated += 1
        return tally

    def add_menu_entry(self):
        """The overview becomes the main menu's first entry (others add theirs after it)."""
        tally = Tally()
        site = Site.objects.get(is_default_site=True)
        settings = PortalSettings.for_site(site)
        items = MainMenuItem.objects.filter(settings=settings)
        if items.filter(page=self.index).exists():
            tally.present += 1
            return tally
        MainMenuItem.objects.create(
            settings=settings, page=self.index, sort_order=main_menu_position("clusters")
        )
        tally.created += 1
        return tally
