"""Demo content of the events calendar for `manage.py load_demo_content`.

Creates the categories, the calendar "Termine" below the German home page, the association's
past events from the research notes (FORUM Mitteldeutschland 2017 and 2019 with its
documentation, Jahreskonferenz 2019, 6. Radverkehrskonferenz) and sixteen example events in
2027, one of them a monthly series and one crossing the switch to summer time. The stand-in
standard page of FORUM 2019 is replaced by the event page with the same slug; the home pages
and the main menu are pointed at the new pages. Everything is translated into English through
wagtail-localize. Objects are found by slug, so a second run changes nothing.
"""

import datetime as dt
from html import escape

from wagtail.models import Locale, Page

from home import demo_content as home_demo
from home.demo_content import Text, heading, paragraph, same
from home.models import FederalState, HomePage, MainMenuItem, PortalSettings, StandardPage

from .models import EventCategory, EventCategoryLink, EventIndexPage, EventOrganiser, EventPage
from .recurrence import make_aware

FORUM_SLUG = "forum-mitteldeutschland-2019"
MENU_POSITION = home_demo.MAIN_MENU_POSITIONS["events"]

CATEGORIES = [
    {"slug": "wirtschaft", "name": Text("Wirtschaft", "Economy"), "sort_order": 10},
    {"slug": "wissenschaft", "name": Text("Wissenschaft", "Science"), "sort_order": 20},
    {"slug": "kultur", "name": Text("Kultur", "Culture"), "sort_order": 30},
    {"slug": "sport", "name": Text("Sport", "Sport"), "sort_order": 40},
]

INDEX_PAGE = {
    "title": Text("Termine", "Events"),
    "slug": Text("termine", "events"),
    "intro": Text(
        "Veranstaltungen aus Wirtschaft, Wissenschaft, Kultur und Sport in der Metropolregion "
        "Mitteldeutschland – und die Dokumentationen unserer eigenen Konferenzen. Die Termine "
        "des Jahres 2027 sind Beispiele der Demo.",
        "Events from business, science, culture and sport in the Central Germany metropolitan "
        "region – and the documentation of our own conferences. The 2027 dates are examples "
        "of the demo.",
    ),
    "search_description": Text(
        "Termine in Mitteldeutschland: Konferenzen, Wissenschaft, Kultur und Sport in "
        "Sachsen, Sachsen-Anhalt und Thüringen.",
        "Events in Central Germany: conferences, science, culture and sport in Saxony, "
        "Saxony-Anhalt and Thuringia.",
    ),
}

# A proper name: the home app's demo keeps it in German in both languages.
ASSOCIATION = same(home_demo.ORGANISATION)
SAXON_MINISTRY = Text(
    "Sächsisches Staatsministerium für Wirtschaft, Arbeit und Verkehr",
    "Saxon State Ministry for Economic Affairs, Labour and Transport",
)
PRESS_CLUB = same("Mitteldeutscher Presseclub")

# Approximate coordinates from the research notes (lat, lon).
POINTS = {
    "Leipzig": (51.340, 12.375),
    "Halle (Saale)": (51.483, 11.970),
    "Jena": (50.927, 11.586),
    "Chemnitz": (50.833, 12.917),
    "Zwickau": (50.718, 12.496),
    "Gera": (50.881, 12.082),
    "Zeitz": (51.048, 12.138),
    "Leuna": (51.317, 12.017),
    "Dessau-Roßlau": (51.833, 12.233),
    "Böhlen": (51.200, 12.383),
    "Bitterfeld-Wolfen": (51.624, 12.327),
    "München": (48.136, 11.698),
}
STATES = {
    "Leipzig": "SN",
    "Chemnitz": "SN",
    "Zwickau": "SN",
    "Böhlen": "SN",
    "Halle (Saale)": "ST",
    "Zeitz": "ST",
    "Leuna": "ST",
    "Dessau-Roßlau": "ST",
    "Bitterfeld-Wolfen": "ST",
    "Jena": "TH",
    "Gera": "TH",
}


def when(day, start=None, end=None, end_day=None):
    """Aware start and end in Berlin time; no times means an all-day event."""
    if start is None:
        first = make_aware(dt.datetime.combine(day, dt.time()))
        last = make_aware(dt.datetime.combine(end_day or day, dt.time()))
        return {"start": first, "end": last, "all_day": True}
    return {
        "start": make_aware(dt.datetime.combine(day, start)),
        "end": make_aware(dt.datetime.combine(end_day or day, end)) if end else None,
        "all_day": False,
    }


def event(title, slug, summary, categories, city, venue, dates, **extra):
    return {
        "title": title,
        "slug": slug,
        "summary": summary,
        "categories": categories,
        "city": city,
        "venue_name": venue,
        "dates": dates,
        **extra,
    }


def short_body(text):
    return [paragraph(text)]


FORUM_2019 = event(
    same("FORUM Mitteldeutschland 2019"),
    same(FORUM_SLUG),
    Text(
        f"Rund 400 Gäste diskutierten im Kulturhaus Böhlen über „{home_demo.FORUM_THEME.de}“.",
        f"Around 400 guests discussed “{home_demo.FORUM_THEME.en}” at the Kulturhaus Böhlen.",
    ),
    ["wirtschaft"],
    "Böhlen",
    same("Kulturhaus Böhlen"),
    when(dt.date(2019, 3, 4)),
    organisers=[SAXON_MINISTRY, ASSOCIATION, PRESS_CLUB],
    participant_count=400,
    is_free=True,
    body=home_demo.FORUM_PAGE["body"],
    search_description=home_demo.FORUM_PAGE["search_description"],
    documentation_summary=[
        Text(
            "Das FORUM Mitteldeutschland 2019 brachte Politik, Wirtschaft, Wissenschaft und "
            "Kommunen aus den drei Ländern zusammen. Im Mittelpunkt stand die Frage, wie der "
            "Ausstieg aus der Braunkohle zum Anstoß für neue Wertschöpfung im Revier werden "
            "kann.",
            "FORUM Mitteldeutschland 2019 brought together politics, business, science and "
            "municipalities from the three states. The central question was how the phase-out "
            "of lignite can trigger new value creation in the mining district.",
        ),
        Text(
            "Die Teilnehmenden waren sich einig, dass der Strukturwandel nur über "
            "Landesgrenzen hinweg gelingt: mit gemeinsamen Flächen, Verkehrswegen und "
            "Forschungsprojekten.",
            "Participants agreed that structural change can only succeed across state "
            "borders: with shared sites, transport links and research projects.",
        ),
    ],
)

PAST_EVENTS = [
    event(
        same("1. FORUM Mitteldeutschland"),
        Text("1-forum-mitteldeutschland-2017", "1st-forum-mitteldeutschland-2017"),
        Text(
            "Das erste FORUM Mitteldeutschland: Auftakt einer Konferenzreihe über die "
            "gemeinsame Entwicklung der Region.",
            "The first FORUM Mitteldeutschland: the start of a conference series on the "
            "joint development of the region.",
        ),
        ["wirtschaft"],
        "",
        same(""),
        when(dt.date(2017, 2, 27)),
        organisers=[ASSOCIATION],
    ),
    FORUM_2019,
    event(
        same("6. Radverkehrskonferenz"),
        Text("6-radverkehrskonferenz-2019", "6th-cycling-conference-2019"),
        Text(
            "Mehr als 100 Teilnehmende berieten in der Volkshochschule Leipzig, wie Radwege "
            "Städte und Umland besser verbinden.",
            "More than 100 participants met at the Leipzig adult education centre to discuss "
            "how cycle routes can better connect cities and their surroundings.",
        ),
        ["wirtschaft", "sport"],
        "Leipzig",
        Text("Volkshochschule Leipzig", "Leipzig adult education centre (VHS)"),
        when(dt.date(2019, 8, 26)),
        organisers=[ASSOCIATION],
        participant_count=100,
    ),
    event(
        same("Jahreskonferenz 2019"),
        Text("jahreskonferenz-2019", "annual-conference-2019"),
        Text(
            "Rund 120 Mitglieder und Gäste zogen im August Horch Museum Zwickau Bilanz über "
            "das Jahr der Metropolregion.",
            "Around 120 members and guests took stock of the metropolitan region's year at "
            "the August Horch Museum in Zwickau.",
        ),
        ["wirtschaft"],
        "Zwickau",
        same("August Horch Museum Zwickau"),
        when(dt.date(2019, 12, 12)),
        organisers=[ASSOCIATION],
        participant_count=120,
    ),
]

UPCOMING_EVENTS = [
    event(
        Text("Neujahrsempfang der Metropolregion 2027", "New Year reception of the region 2027"),
        Text("neujahrsempfang-2027", "new-year-reception-2027"),
        Text(
            "Mitglieder, Partner und Gäste eröffnen gemeinsam das Jahr 2027 der Metropolregion.",
            "Members, partners and guests open the metropolitan region's year 2027 together.",
        ),
        ["wirtschaft"],
        "Leipzig",
        same("Geschäftsstelle der Metropolregion"),
        when(dt.date(2027, 1, 21), dt.time(18, 0), dt.time(21, 0)),
        organisers=[ASSOCIATION],
        street="Schillerstraße 5",
        postcode="04109",
        is_free=True,
    ),
    event(
        Text("Gründungsstammtisch Mitteldeutschland", "Central Germany founders' meet-up"),
        Text("gruendungsstammtisch-2027", "founders-meet-up-2027"),
        Text(
            "Jeden ersten Mittwoch im Monat treffen sich Gründerinnen, Gründer und Neugierige "
            "zum Austausch – im Juli ist Sommerpause.",
            "Founders and the curious meet on the first Wednesday of every month – with a "
            "summer break in July.",
        ),
        ["wirtschaft"],
        "Leipzig",
        same("Basislager Coworking"),
        when(dt.date(2027, 2, 3), dt.time(18, 30), dt.time(20, 30)),
        organisers=[ASSOCIATION],
        recurrence="rule",
        recurrence_rule="FREQ=MONTHLY;BYDAY=1WE;UNTIL=20271231T235959",
        exception_dates="2027-07-07",
        is_free=True,
    ),
    event(
        Text("Wasserstoff-Dialog Mitteldeutschland", "Central Germany hydrogen dialogue"),
        Text("wasserstoff-dialog-2027", "hydrogen-dialogue-2027"),
        Text(
            "Unternehmen und Forschung berichten vom Aufbau der Wasserstoffwirtschaft entlang "
            "der A9 und am Chemiestandort Leuna.",
            "Companies and researchers report on building the hydrogen economy along the A9 "
            "and at the Leuna chemical site.",
        ),
        ["wirtschaft", "wissenschaft"],
        "Leuna",
        same("Chemiepark Leuna"),
        when(dt.date(2027, 3, 10), dt.time(9, 30), dt.time(16, 0)),
        organisers=[ASSOCIATION],
        price="45.00",
        registration_url="https://example.org/anmeldung/wasserstoff-dialog",
        registration_deadline=make_aware(dt.datetime(2027, 3, 1, 23, 59)),
    ),
    event(
        Text("Lange Nacht der Wissenschaften Halle", "Long Night of the Sciences in Halle"),
        Text("lange-nacht-der-wissenschaften-2027", "long-night-of-the-sciences-2027"),
        Text(
            "Institute und Hochschulen öffnen bis in die Nacht ihre Labore – auch über die "
            "Zeitumstellung hinweg.",
            "Institutes and universities open their laboratories late into the night – "
            "right through the switch to summer time.",
        ),
        ["wissenschaft"],
        "Halle (Saale)",
        same("Weinberg Campus"),
        when(dt.date(2027, 3, 27), dt.time(18, 0), dt.time(4, 0), end_day=dt.date(2027, 3, 28)),
        is_free=True,
    ),
    event(
        Text("Innovationstag Life Sciences", "Life Sciences innovation day"),
        Text("innovationstag-life-sciences-2027", "life-sciences-innovation-day-2027"),
        Text(
            "Biotech-Unternehmen aus Halle, Leipzig und Jena stellen Projekte vor und suchen "
            "Partner.",
            "Biotech companies from Halle, Leipzig and Jena present projects and look for "
            "partners.",
        ),
        ["wissenschaft"],
        "Halle (Saale)",
        same("Technologiepark Weinberg Campus"),
        when(dt.date(2027, 5, 6), dt.time(10, 0), dt.time(17, 0)),
        price="25.00",
    ),
    event(
        Text("Radtour entlang der Saale", "Cycling tour along the Saale"),
        Text("saale-radtour-2027", "saale-cycling-tour-2027"),
        Text(
            "Eine gemeinsame Tagestour von Jena flussabwärts, mit Stationen bei Unternehmen "
            "am Weg.",
            "A joint day tour from Jena downstream, stopping at companies along the way.",
        ),
        ["sport"],
        "Jena",
        Text("Treffpunkt Paradiesbahnhof", "Meeting point: Paradies station"),
        when(dt.date(2027, 5, 22)),
        is_free=True,
    ),
    event(
        Text("Firmenstaffel der Metropolregion", "Company relay of the metropolitan region"),
        Text("firmenstaffel-2027", "company-relay-2027"),
        Text(
            "Teams aus Mitgliedsunternehmen laufen gemeinsam fünf mal fünf Kilometer.",
            "Teams from member companies run five times five kilometres together.",
        ),
        ["sport"],
        "Leipzig",
        same("Clara-Zetkin-Park"),
        when(dt.date(2027, 6, 12), dt.time(10, 0), dt.time(14, 0)),
        price="15.00",
    ),
    event(
        Text("Abend der Industriekultur", "Evening of industrial heritage"),
        Text("abend-der-industriekultur-2027", "evening-of-industrial-heritage-2027"),
        Text(
            "Musik und Lesungen in einer historischen Industriehalle erzählen vom Wandel des "
            "Reviers.",
            "Music and readings in a historic industrial hall tell the story of the mining "
            "district's transformation.",
        ),
        ["kultur"],
        "Zeitz",
        Text("Historische Maschinenhalle", "Historic engine house"),
        when(dt.date(2027, 6, 24), dt.time(19, 0), dt.time(22, 0)),
        price="12.00",
    ),
    event(
        Text("Radverkehrskonferenz 2027", "Cycling conference 2027"),
        Text("radverkehrskonferenz-2027", "cycling-conference-2027"),
        Text(
            "Kommunen, Verbände und Planungsbüros beraten über Radschnellwege in der Region.",
            "Municipalities, associations and planners discuss cycle highways in the region.",
        ),
        ["wirtschaft", "sport"],
        "Leipzig",
        Text("Volkshochschule Leipzig", "Leipzig adult education centre (VHS)"),
        when(dt.date(2027, 8, 26), dt.time(9, 0), dt.time(16, 30)),
        organisers=[ASSOCIATION],
        is_free=True,
        online_url="https://example.org/stream/radverkehrskonferenz",
    ),
    event(
        Text("Tag der offenen Ateliers", "Open studios day"),
        Text("offene-ateliers-gera-2027", "open-studios-gera-2027"),
        Text(
            "Künstlerinnen und Künstler in Gera öffnen ihre Werkstätten für Besucher.",
            "Artists in Gera open their workshops to visitors.",
        ),
        ["kultur"],
        "Gera",
        Text("Ateliers in der Innenstadt", "Studios in the city centre"),
        when(dt.date(2027, 9, 18)),
        is_free=True,
    ),
    event(
        Text("EXPO REAL 2027: Gemeinschaftsstand", "EXPO REAL 2027: joint stand"),
        Text("expo-real-2027", "expo-real-2027"),
        Text(
            "Die Region präsentiert Gewerbeflächen und Projekte auf der Immobilienmesse in "
            "München.",
            "The region presents commercial sites and projects at the property fair in Munich.",
        ),
        ["wirtschaft"],
        "München",
        Text("Messe München", "Messe München exhibition centre"),
        when(dt.date(2027, 10, 4), end_day=dt.date(2027, 10, 6)),
        organisers=[ASSOCIATION],
    ),
    event(
        Text(
            "IQ Innovationspreis Mitteldeutschland 2027: Preisverleihung",
            "IQ Innovation Prize Central Germany 2027: award ceremony",
        ),
        Text("iq-innovationspreis-2027", "iq-innovation-prize-2027"),
        Text(
            "Die Preisträger der fünf Cluster und der Gesamtsieger werden ausgezeichnet.",
            "The winners of the five clusters and the overall winner receive their awards.",
        ),
        ["wissenschaft", "wirtschaft"],
        "Jena",
        same("Volkshaus Jena"),
        when(dt.date(2027, 10, 14), dt.time(18, 0), dt.time(22, 0)),
        organisers=[ASSOCIATION],
    ),
    event(
        Text("Wissenschaftsforum Optik", "Optics science forum"),
        Text("wissenschaftsforum-optik-2027", "optics-science-forum-2027"),
        Text(
            "Forschende aus Jena und Ilmenau stellen Ergebnisse der Photonik vor – vor Ort "
            "und im Livestream.",
            "Researchers from Jena and Ilmenau present photonics results – on site and via "
            "live stream.",
        ),
        ["wissenschaft"],
        "Jena",
        same("Ernst-Abbe-Hochschule Jena"),
        when(dt.date(2027, 11, 10), dt.time(13, 0), dt.time(18, 0)),
        online_url="https://example.org/stream/optik",
        is_free=True,
    ),
    event(
        Text("Konzert „Klang der Region“", "Concert “Sound of the region”"),
        Text("konzert-klang-der-region-2027", "concert-sound-of-the-region-2027"),
        Text(
            "Ensembles aus Sachsen, Sachsen-Anhalt und Thüringen spielen gemeinsam.",
            "Ensembles from Saxony, Saxony-Anhalt and Thuringia play together.",
        ),
        ["kultur"],
        "Chemnitz",
        same("Stadthalle Chemnitz"),
        when(dt.date(2027, 11, 20), dt.time(19, 30), dt.time(22, 0)),
        price="28.00",
    ),
    event(
        Text("Mitteldeutscher Schwimmcup", "Central German swimming cup"),
        Text("schwimmcup-2027", "swimming-cup-2027"),
        Text(
            "Vereine aus der ganzen Region treten in Staffeln und Einzelwettkämpfen an.",
            "Clubs from across the region compete in relays and individual races.",
        ),
        ["sport"],
        "Dessau-Roßlau",
        same("Schwimmhalle Dessau"),
        when(dt.date(2027, 11, 27), dt.time(9, 0), dt.time(17, 0)),
        is_free=True,
    ),
    event(
        same("Jahreskonferenz 2027"),
        Text("jahreskonferenz-2027", "annual-conference-2027"),
        Text(
            "Die Mitglieder der Metropolregion ziehen Bilanz und beraten das Programm für 2028.",
            "The members of the metropolitan region take stock and discuss the 2028 programme.",
        ),
        ["wirtschaft"],
        "Chemnitz",
        same("Industriemuseum Chemnitz"),
        when(dt.date(2027, 12, 9), dt.time(10, 0), dt.time(16, 0)),
        organisers=[ASSOCIATION],
    ),
]

EVENTS = PAST_EVENTS + UPCOMING_EVENTS

# Blocks of the bodies (the FORUM's body is the one of the home app's stand-in page).
for spec in EVENTS:
    spec.setdefault("body", short_body(spec["summary"]))
    spec.setdefault("body_heading", heading("Worum es geht", "What it is about"))


def steps(command):
    from home.management.commands.load_demo_content import Tally

    command.add_english(
        [
            [c["name"] for c in CATEGORIES],
            INDEX_PAGE,
            [
                {
                    key: value
                    for key, value in spec.items()
                    if key
                    in {
                        "title",
                        "slug",
                        "summary",
                        "venue_name",
                        "organisers",
                        "body",
                        "body_heading",
                        "search_description",
                        "documentation_summary",
                    }
                }
                for spec in EVENTS
            ],
        ]
    )
    state = {}

    def categories():
        tally = Tally()
        german = Locale.objects.get(language_code="de")
        for spec in CATEGORIES:
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
            command.translate(category, tally)
        return tally

    def pages():
        tally = Tally()
        remove_stand_in(tally)
        home = command.german_home()
        index_page = home.get_children().type(EventIndexPage).filter(slug=INDEX_PAGE["slug"].de)
        index_page = index_page.specific().first()
        if index_page is None:
            index_page = EventIndexPage(
                title=INDEX_PAGE["title"].de,
                slug=INDEX_PAGE["slug"].de,
                intro=INDEX_PAGE["intro"].de,
                search_description=INDEX_PAGE["search_description"].de,
            )
            home.add_child(instance=index_page)
            index_page.save_revision().publish()
            tally.created += 1
        else:
            tally.present += 1
        state["index"] = index_page
        german = index_page.locale
        by_slug = {c.slug: c for c in EventCategory.objects.filter(locale=german)}
        states = {s.code: s for s in FederalState.objects.all()}
        state["events"] = []
        for spec in EVENTS:
            slug = spec["slug"].de
            page = index_page.get_children().filter(slug=slug).specific().first()
            if page is not None:
                tally.present += 1
            else:
                page = build_event(command, spec, by_slug, states)
                index_page.add_child(instance=page)
                page.save_revision().publish()
                tally.created += 1
            state["events"].append(page)
        return tally

    def translations():
        tally = Tally()
        command.translate(Page.objects.get(pk=state["index"].pk).specific, tally)
        for page in state["events"]:
            command.translate(Page.objects.get(pk=page.pk).specific, tally)
        return tally

    def home_and_menu():
        tally = Tally()
        index_page = state["index"]
        forum = next(p for p in state["events"] if p.slug == FORUM_SLUG)
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
                settings=settings, page=index_page, sort_order=MENU_POSITION
            )
            tally.created += 1
        return tally

    return [
        ("Event categories (de, en)", categories),
        ("Events calendar and events (de)", pages),
        ("English events calendar and events (wagtail-localize)", translations),
        ("Home pages and main menu: events", home_and_menu),
    ]


def remove_stand_in(tally):
    """Delete the standard page that stood in for the FORUM 2019 documentation."""
    stand_ins = list(StandardPage.objects.filter(slug=FORUM_SLUG))
    keys = {page.translation_key for page in stand_ins}
    # Translations first, then their German source.
    for page in sorted(
        StandardPage.objects.filter(translation_key__in=keys),
        key=lambda p: p.locale.language_code == "de",
    ):
        page.delete()
        tally.updated += 1


def build_event(command, spec, categories, states):
    dates = spec["dates"]
    city = spec["city"]
    point = POINTS.get(city)
    page = EventPage(
        title=spec["title"].de,
        slug=spec["slug"].de,
        summary=spec["summary"].de,
        search_description=spec.get("search_description", spec["summary"]).de,
        venue_name=spec["venue_name"].de,
        city=city,
        street=spec.get("street", ""),
        postcode=spec.get("postcode", ""),
        federal_state=states.get(STATES.get(city)),
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
        body=command.stream([spec["body_heading"], *spec["body"]])
        if spec["body"] is not home_demo.FORUM_PAGE["body"]
        else command.stream(spec["body"]),
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
