"""Demo content of the clusters app for `manage.py load_demo_content`.

Builds the cluster overview "Cluster in Mitteldeutschland" under the German home page with the
five region-wide macro-clusters and three micro-clusters (facts from the project's research
notes, wording our own), the sectors, a contact, the KUMATEC quote and four quotes by clearly
fictional people of fictional organisations; points the home page's cluster teasers and quotes
at them, adds the overview to the main menu and translates everything into English through
wagtail-localize. Every step finds what exists and leaves it alone, so a second run changes
nothing.
"""

from django.core.management.base import CommandError

from wagtail.models import Locale, Page, Site
from wagtail_localize.models import Translation, TranslationSource

from home import demo_content as home_demo
from home.demo_content import EMAIL, KUMATEC_QUOTE, PHONE, Text, heading, html, same
from home.demo_content import paragraph as paragraph_block
from home.management.commands.load_demo_content import TOOL_NAME, Tally, english_pairs
from home.models import ContactPerson, FederalState, MainMenuItem, PortalSettings

from .models import (
    ClusterFigure,
    ClusterIndexPage,
    ClusterLocation,
    ClusterNetwork,
    ClusterPage,
    ClusterPageQuote,
    Quote,
    Sector,
)

SN, ST, TH = "SN", "ST", "TH"


def paragraph(*texts):
    return paragraph_block(*texts)


# Sectors: the short name in the address is the same in both languages.

SECTORS = [
    ("automotive", Text("Automobilindustrie", "Automotive industry")),
    ("chemie-kunststoffe", Text("Chemie und Kunststoffe", "Chemicals and plastics")),
    (
        "energie-umwelt",
        Text("Energie, Umwelt und Solarwirtschaft", "Energy, environment and solar"),
    ),
    ("informationstechnologie", Text("Informationstechnologie", "Information technology")),
    ("life-sciences", Text("Life Sciences", "Life sciences")),
    ("optik-photonik", Text("Optik und Photonik", "Optics and photonics")),
    ("mikroelektronik", Text("Mikroelektronik", "Microelectronics")),
    ("biooekonomie", Text("Bioökonomie", "Bioeconomy")),
]

CONTACT = {
    "name": same("Jana Beispiel"),
    "role": Text(
        "Clustermanagerin der Metropolregion (fiktiver Demo-Kontakt)",
        "Cluster manager of the metropolitan region (fictional demo contact)",
    ),
    "email": EMAIL,
    "phone": same(PHONE),
}

# Quotes: KUMATEC from the association's page; the others are invented for the demo and say
# so in their role; their organisations are fictional, too.

QUOTES = [
    {
        "key": "kumatec",
        "text": KUMATEC_QUOTE,
        "academic_title": "Dr.-Ing.",
        "name": "Joachim Löffler",
        "role": Text("", ""),
        "organisation": "KUMATEC Sondermaschinenbau & Kunststoffverarbeitung GmbH",
    },
    {
        "key": "optik",
        "text": Text(
            "In Jena finden wir Glasspezialisten, Feinmechanikerinnen und Forschungsinstitute "
            "in Fahrradentfernung. Für ein junges Optikunternehmen ist diese Nähe mehr wert als "
            "jede Förderung.",
            "In Jena we find glass specialists, precision engineers and research institutes "
            "within cycling distance. For a young optics company this closeness is worth more "
            "than any subsidy.",
        ),
        "academic_title": "Dr.",
        "name": "Erika Musterfrau",
        "role": Text(
            "Geschäftsführerin (fiktive Person für die Demo)",
            "Managing director (fictional person for the demo)",
        ),
        "organisation": "Beispiel Optik GmbH",
    },
    {
        "key": "automotive",
        "text": Text(
            "Unsere Zulieferer sitzen in Sachsen, Sachsen-Anhalt und Thüringen. Wer in "
            "Mitteldeutschland plant, denkt in Lieferketten, nicht in Landesgrenzen.",
            "Our suppliers are based in Saxony, Saxony-Anhalt and Thuringia. Whoever plans in "
            "Central Germany thinks in supply chains, not in state borders.",
        ),
        "academic_title": "",
        "name": "Max Mustermann",
        "role": Text(
            "Werkleiter (fiktive Person für die Demo)",
            "Plant manager (fictional person for the demo)",
        ),
        "organisation": "Mustermann Fahrzeugtechnik AG",
    },
    {
        "key": "life-sciences",
        "text": Text(
            "Zwischen Labor und Produktion liegen in Halle oft nur wenige Straßen. So wird aus "
            "einer Idee schneller ein Verfahren, das Patientinnen und Patienten hilft.",
            "In Halle, lab and production are often only a few streets apart. That way an idea "
            "becomes a method that helps patients more quickly.",
        ),
        "academic_title": "Prof. Dr.",
        "name": "Anna Beispiel",
        "role": Text(
            "Institutsleiterin (fiktive Person für die Demo)",
            "Head of institute (fictional person for the demo)",
        ),
        "organisation": "Institut für Beispielforschung Halle",
    },
    {
        "key": "it",
        "text": Text(
            "Fachkräfte, Hochschulen und Kunden aus der Industrie – für unser Softwarehaus ist "
            "die Region ein kurzer Weg zu allem, was wir brauchen.",
            "Skilled staff, universities and industrial customers – for our software company "
            "the region is a short way to everything we need.",
        ),
        "academic_title": "",
        "name": "Jonas Probst",
        "role": Text(
            "Gründer (fiktive Person für die Demo)", "Founder (fictional person for the demo)"
        ),
        "organisation": "Datenwerk Probst GmbH",
    },
]

# The quotes the home page shows, in this order.
HOME_QUOTES = ["kumatec", "optik", "automotive", "life-sciences"]

INDEX_PAGE = {
    "title": Text("Cluster in Mitteldeutschland", "Clusters in Central Germany"),
    "slug": Text("cluster", "clusters"),
    "search_description": Text(
        "Die Cluster der Metropolregion Mitteldeutschland nach Art, Bundesland und Branche: "
        "Kennzahlen, Netzwerke und Ansprechpartner.",
        "The clusters of the Central Germany metropolitan region by kind, federal state and "
        "sector: key figures, networks and contacts.",
    ),
    "intro": html(
        Text(
            "Die Europäische Metropolregion Mitteldeutschland begleitet Clusterinitiativen und "
            "Netzwerke in Branchen, in denen Sachsen, Sachsen-Anhalt und Thüringen besonders "
            "viele Unternehmen und Forschungseinrichtungen vereinen. Filtern Sie nach Art, "
            "Bundesland und Branche.",
            "The European Metropolitan Region Central Germany supports cluster initiatives and "
            "networks in industries in which Saxony, Saxony-Anhalt and Thuringia bring together "
            "an especially large number of companies and research institutions. Filter by kind, "
            "federal state and sector.",
        ),
    ),
    "body": [
        heading("Mikro- oder Makro-Cluster?", "Micro- or macro-cluster?"),
        paragraph(
            Text(
                "Ein Mikro-Cluster verdichtet sich in einer Stadt oder einem Standort – etwa die "
                "Optoelektronik in Jena, die Mikroelektronik in Dresden oder die Bioökonomie in "
                "Leuna.",
                "A micro-cluster is concentrated in one city or site – such as optoelectronics "
                "in Jena, microelectronics in Dresden or the bioeconomy in Leuna.",
            ),
            Text(
                "Ein Makro-Cluster erreicht seine kritische Masse erst über mehrere Bundesländer "
                "hinweg. Seine Grenzen ziehen Wertschöpfungsketten und Kooperationen, nicht die "
                "Verwaltung.",
                "A macro-cluster reaches its critical mass only across several federal states. "
                "Its borders are drawn by value chains and partnerships, not by administration.",
            ),
        ),
    ],
}


def figure(kind, value, source, unit=None, year=None, label=None, approximate=False):
    return {
        "kind": kind,
        "value": value,
        "unit": unit or Text("", ""),
        "year": year,
        "label": label or Text("", ""),
        "source": source,
        "is_approximate": approximate,
    }


def network(name, role, founded=None, website=""):
    return {"name": name, "role": role, "founded": founded, "website": website}


AT_LEAST_MEMBERS = Text("Mitglieder (mindestens)", "Members (at least)")
AT_LEAST_COMPANIES = Text("Unternehmen (mindestens)", "Companies (at least)")
BN_EUR = Text("Mrd. EUR", "bn EUR")
M_EUR = Text("Mio. EUR", "m EUR")

CLUSTERS = [
    {
        "title": same("Automotive"),
        "slug": Text("automotive", "automotive"),
        "kind": ClusterPage.Kind.MACRO,
        "states": [SN, ST, TH],
        "sector": "automotive",
        "summary": Text(
            "Vom Fahrzeugwerk bis zum spezialisierten Zulieferer: Die Automobilindustrie "
            "verbindet Betriebe in allen drei Ländern, mit Leipzig als einem Schwerpunkt.",
            "From the vehicle plant to the specialised supplier: the automotive industry links "
            "companies in all three states, with Leipzig as one focal point.",
        ),
        "locations": [("Leipzig", SN)],
        "figures": [
            figure(
                "members",
                85,
                Text("Automobilzulieferer-Netzwerk AMZK", "Automotive supplier network AMZK"),
                label=Text("Mitglieder im Zuliefernetzwerk AMZK", "Members of the AMZK network"),
            ),
        ],
        "networks": [
            network(
                "Automotive Cluster Ostdeutschland (ACOD)",
                Text(
                    "Branchennetzwerk der ostdeutschen Automobilindustrie; Geschäftsstelle seit "
                    "2015 in Leipzig",
                    "Industry network of the East German automotive industry; office in Leipzig "
                    "since 2015",
                ),
                founded=2006,
            ),
            network(
                "AMZK",
                Text(
                    "Netzwerk der Automobilzulieferer in Leipzig",
                    "Network of automotive suppliers in Leipzig",
                ),
                founded=2002,
            ),
        ],
        "body": [
            paragraph(
                Text(
                    "Porsche fertigt seit 2002 in Leipzig, BMW seit 2005. Um die Werke herum ist "
                    "ein dichtes Netz von Zulieferern und Dienstleistern entstanden, das weit "
                    "über Sachsen hinausreicht.",
                    "Porsche has been manufacturing in Leipzig since 2002, BMW since 2005. "
                    "Around the plants a dense web of suppliers and service providers has grown "
                    "that reaches far beyond Saxony.",
                ),
            ),
        ],
        "quotes": ["automotive"],
    },
    {
        "title": Text("Chemie/Kunststoffe", "Chemicals/plastics"),
        "slug": Text("chemie-kunststoffe", "chemicals-plastics"),
        "kind": ClusterPage.Kind.MACRO,
        "states": [ST, SN],
        "sector": "chemie-kunststoffe",
        "summary": Text(
            "Chemieparks mit langer Tradition und moderne Kunststoffverarbeitung: Das Cluster "
            "wurde 2003 gegründet und reicht von Leuna bis Böhlen.",
            "Chemical parks with a long tradition and modern plastics processing: the cluster "
            "was founded in 2003 and reaches from Leuna to Böhlen.",
        ),
        "locations": [
            ("Leuna", ST),
            ("Schkopau", ST),
            ("Bitterfeld-Wolfen", ST),
            ("Zeitz", ST),
            ("Piesteritz", ST),
            ("Böhlen", SN),
        ],
        "figures": [
            figure(
                "companies",
                750,
                Text("Cluster Chemie/Kunststoffe", "Chemicals/plastics cluster"),
                year=2007,
                approximate=True,
            ),
            figure(
                "employees",
                71000,
                Text("Cluster Chemie/Kunststoffe", "Chemicals/plastics cluster"),
                year=2007,
                approximate=True,
            ),
            figure(
                "turnover",
                18,
                Text("Cluster Chemie/Kunststoffe", "Chemicals/plastics cluster"),
                unit=BN_EUR,
                year=2007,
                approximate=True,
            ),
        ],
        "networks": [
            network(
                "CeChemNet",
                Text(
                    "Netzwerk der mitteldeutschen Chemiestandorte",
                    "Network of the chemical sites in Central Germany",
                ),
            ),
            network(
                "Polykum",
                Text("Netzwerk der Kunststoffbranche", "Network of the plastics industry"),
            ),
        ],
        "body": [
            paragraph(
                Text(
                    "Die Chemiestandorte in Sachsen-Anhalt und Sachsen sind durch Rohstoff- und "
                    "Produktleitungen eng verbunden. Wer sich hier ansiedelt, findet Infrastruktur "
                    "und Abnehmer direkt am Werkszaun.",
                    "The chemical sites in Saxony-Anhalt and Saxony are closely linked by "
                    "pipelines for raw materials and products. Companies settling here find "
                    "infrastructure and customers right at the factory fence.",
                ),
            ),
        ],
        "quotes": ["kumatec"],
    },
    {
        "title": Text("Energie/Umwelt/Solarwirtschaft", "Energy/environment/solar industry"),
        "slug": Text("energie-umwelt-solarwirtschaft", "energy-environment-solar"),
        "kind": ClusterPage.Kind.MACRO,
        "states": [ST, SN, TH],
        "sector": "energie-umwelt",
        "summary": Text(
            "Solartechnik, Umwelttechnik und grüner Wasserstoff: Die Region hat mit Solarvalley "
            "Mitteldeutschland den Spitzencluster-Wettbewerb des Bundes gewonnen.",
            "Solar technology, environmental technology and green hydrogen: with Solarvalley "
            "Mitteldeutschland the region won the federal leading-edge cluster competition.",
        ),
        "locations": [("Halle (Saale)", ST)],
        "figures": [
            figure(
                "funding",
                40,
                Text(
                    "Spitzencluster-Wettbewerb des Bundes",
                    "Federal leading-edge cluster competition",
                ),
                unit=M_EUR,
                label=Text("Förderung über fünf Jahre", "Funding over five years"),
                approximate=True,
            ),
            figure(
                "companies",
                27,
                Text(
                    "Spitzencluster-Wettbewerb des Bundes",
                    "Federal leading-edge cluster competition",
                ),
                label=Text("Beteiligte Unternehmen", "Participating companies"),
            ),
            figure(
                "research",
                14,
                Text(
                    "Spitzencluster-Wettbewerb des Bundes",
                    "Federal leading-edge cluster competition",
                ),
                label=Text("Beteiligte Forschungsinstitute", "Participating research institutes"),
            ),
        ],
        "networks": [
            network(
                "Solarvalley Mitteldeutschland",
                Text(
                    "Spitzencluster der Solarindustrie",
                    "Leading-edge cluster of the solar industry",
                ),
            ),
            network(
                "Spot on",
                Text(
                    "Solarcluster mit Sitz in Halle (Saale)", "Solar cluster based in Halle (Saale)"
                ),
                founded=2024,
            ),
        ],
        "body": [
            paragraph(
                Text(
                    "Forschung und Industrie arbeiten an Photovoltaik, Speichern und Wasserstoff. "
                    "Das Wasserstoffnetzwerk HYPOS verbindet dabei Chemie- und Energiewirtschaft.",
                    "Research and industry work on photovoltaics, storage and hydrogen. The "
                    "HYPOS hydrogen network connects the chemical and energy industries.",
                ),
            ),
        ],
        "quotes": ["kumatec"],
    },
    {
        "title": Text("Informationstechnologie", "Information technology"),
        "slug": Text("informationstechnologie", "information-technology"),
        "kind": ClusterPage.Kind.MACRO,
        "states": [SN, ST, TH],
        "sector": "informationstechnologie",
        "summary": Text(
            "Softwarehäuser, Rechenzentren und IT-Dienstleister zwischen Magdeburg, Dresden und "
            "Jena – vernetzt im 2009 in Halle gegründeten Cluster IT Mitteldeutschland.",
            "Software companies, data centres and IT service providers between Magdeburg, "
            "Dresden and Jena – connected in the Cluster IT Mitteldeutschland founded in Halle "
            "in 2009.",
        ),
        "locations": [
            ("Leipzig", SN),
            ("Halle (Saale)", ST),
            ("Magdeburg", ST),
            ("Jena", TH),
            ("Dresden", SN),
        ],
        "figures": [
            figure(
                "members",
                60,
                same("Cluster IT Mitteldeutschland e.V."),
                label=AT_LEAST_MEMBERS,
            ),
            figure(
                "turnover",
                3.8,
                same("Cluster IT Mitteldeutschland e.V."),
                unit=BN_EUR,
                approximate=True,
            ),
            figure(
                "employees",
                6000,
                same("Cluster IT Mitteldeutschland e.V."),
                approximate=True,
            ),
        ],
        "networks": [
            network(
                "Cluster IT Mitteldeutschland e.V.",
                Text(
                    "Von sieben Unternehmen in Halle gegründeter Verein der IT-Wirtschaft",
                    "Association of the IT industry founded by seven companies in Halle",
                ),
                founded=2009,
            ),
        ],
        "body": [
            paragraph(
                Text(
                    "Die IT-Wirtschaft der Region arbeitet eng mit Industrie und Verwaltung "
                    "zusammen und profitiert von den Hochschulen in allen drei Ländern.",
                    "The region's IT industry works closely with industry and public "
                    "administration and benefits from the universities in all three states.",
                ),
            ),
        ],
        "quotes": ["it"],
    },
    {
        "title": Text("Life Sciences", "Life sciences"),
        "slug": Text("life-sciences", "life-sciences"),
        "kind": ClusterPage.Kind.MACRO,
        "states": [ST, SN, TH],
        "sector": "life-sciences",
        "summary": Text(
            "Biotechnologie, Medizintechnik und Pharmazie mit Halle als einem Zentrum; seit 2016 "
            "arbeiten die Netzwerke der drei Länder in einer gemeinsamen Gruppe zusammen.",
            "Biotechnology, medical technology and pharmaceuticals with Halle as one centre; "
            "since 2016 the networks of the three states have worked together in a joint group.",
        ),
        "locations": [("Halle (Saale)", ST)],
        "figures": [
            figure(
                "companies",
                160,
                Text("Clusteratlas Life Sciences", "Life sciences cluster atlas"),
                label=AT_LEAST_COMPANIES,
            ),
        ],
        "networks": [
            network(
                "biosaxony",
                Text(
                    "Branchenverband aus Sachsen; seit 2016 Teil der Gruppe Life Sciences "
                    "Mitteldeutschland",
                    "Industry association from Saxony; part of the Life Sciences "
                    "Mitteldeutschland group since 2016",
                ),
            ),
        ],
        "body": [],
        "quotes": ["life-sciences"],
    },
    {
        "title": Text("Optoelektronik Jena", "Optoelectronics Jena"),
        "slug": Text("optoelektronik-jena", "optoelectronics-jena"),
        "kind": ClusterPage.Kind.MICRO,
        "states": [TH],
        "sector": "optik-photonik",
        "summary": Text(
            "Optik und Photonik mit Jena als Mittelpunkt: Das Netzwerk OptoNet verbindet "
            "Unternehmen und Institute in Jena, Erfurt, Ilmenau und Gera.",
            "Optics and photonics centred on Jena: the OptoNet network connects companies and "
            "institutes in Jena, Erfurt, Ilmenau and Gera.",
        ),
        "locations": [("Jena", TH), ("Erfurt", TH), ("Ilmenau", TH), ("Gera", TH)],
        "figures": [
            figure("companies", 187, same("OptoNet e.V.")),
        ],
        "networks": [
            network(
                "OptoNet e.V.",
                Text(
                    "Kompetenznetz für Optik und Photonik in Thüringen",
                    "Competence network for optics and photonics in Thuringia",
                ),
            ),
        ],
        "body": [],
        "quotes": ["optik"],
    },
    {
        "title": Text("Mikroelektronik Dresden", "Microelectronics Dresden"),
        "slug": Text("mikroelektronik-dresden", "microelectronics-dresden"),
        "kind": ClusterPage.Kind.MICRO,
        "states": [SN],
        "sector": "mikroelektronik",
        "summary": Text(
            "Chipfertigung, Ausrüster und Forschung auf engem Raum: Rund um Dresden ist eines "
            "der großen Zentren der Mikroelektronik in Europa gewachsen.",
            "Chip manufacturing, equipment suppliers and research in a small area: around "
            "Dresden one of Europe's large microelectronics centres has grown.",
        ),
        "locations": [("Dresden", SN)],
        "figures": [
            figure("members", 330, same("Silicon Saxony e.V."), label=AT_LEAST_MEMBERS),
        ],
        "networks": [
            network(
                "Silicon Saxony e.V.",
                Text(
                    "Branchenverband der sächsischen Mikroelektronik",
                    "Industry association of Saxon microelectronics",
                ),
            ),
        ],
        "body": [],
        "quotes": [],
    },
    {
        "title": Text("Bioökonomie Leuna", "Bioeconomy Leuna"),
        "slug": Text("biooekonomie-leuna", "bioeconomy-leuna"),
        "kind": ClusterPage.Kind.MICRO,
        "states": [ST],
        "sector": "biooekonomie",
        "summary": Text(
            "Aus Holz und anderen nachwachsenden Rohstoffen werden Chemikalien und Werkstoffe: "
            "Das BioEconomy-Cluster nutzt die Infrastruktur des Chemiestandorts Leuna.",
            "Chemicals and materials made from wood and other renewable raw materials: the "
            "BioEconomy cluster uses the infrastructure of the Leuna chemical site.",
        ),
        "locations": [("Leuna", ST)],
        "figures": [],
        "networks": [
            network(
                "BioEconomy Cluster",
                Text("Cluster der Bioökonomie rund um Leuna", "Bioeconomy cluster around Leuna"),
            ),
        ],
        "body": [],
        "quotes": [],
    },
]


# Steps


def steps(command):
    state = {}
    add_english(
        command,
        [
            [text for _slug, text in SECTORS],
            CONTACT,
            [{k: v for k, v in spec.items() if k != "key"} for spec in QUOTES],
            INDEX_PAGE,
            CLUSTERS,
        ],
    )
    return [
        ("Sectors (de, en)", lambda: load_sectors(command, state)),
        ("Cluster contact (de, en)", lambda: load_contact(command, state)),
        ("Quotes (de, en)", lambda: load_quotes(command, state)),
        ("Cluster overview (de)", lambda: load_index(command, state)),
        ("Cluster pages (de)", lambda: load_clusters(command, state)),
        ("Cluster pages (en, wagtail-localize)", lambda: translate_pages(command, state)),
        ("Home page: clusters and quotes (de, en)", lambda: link_home_page(command, state)),
        ("Main menu: cluster overview", lambda: add_menu_entry(command, state)),
    ]


def german_locale():
    return Locale.objects.get(language_code="de")


def english_locale():
    return Locale.objects.get(language_code="en")


def load_sectors(command, state):
    tally = Tally()
    german = german_locale()
    state["sectors"] = {}
    for slug, name in SECTORS:
        sector = Sector.objects.filter(locale=german, slug=slug).first()
        if sector is None:
            sector = Sector.objects.create(locale=german, slug=slug, name=name.de)
            tally.created += 1
        else:
            tally.present += 1
        state["sectors"][slug] = sector
        translate_unversioned(command, sector, tally)
    return tally


def load_contact(command, state):
    tally = Tally()
    german = german_locale()
    contact = ContactPerson.objects.filter(locale=german, name=CONTACT["name"].de).first()
    if contact is None:
        contact = ContactPerson(locale=german)
        for field, value in CONTACT.items():
            setattr(contact, field, command.german(value))
        contact.full_clean()
        contact.save()
        contact.save_revision().publish()
        tally.created += 1
    else:
        tally.present += 1
    state["contact"] = contact
    command.translate(contact, tally)
    return tally


def load_quotes(command, state):
    tally = Tally()
    german = german_locale()
    state["quotes"] = {}
    for spec in QUOTES:
        quote = Quote.objects.filter(locale=german, name=spec["name"], text=spec["text"].de).first()
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
        state["quotes"][spec["key"]] = quote
        command.translate(quote, tally)
    return tally


def load_index(command, state):
    tally = Tally()
    home = command.german_home()
    index = ClusterIndexPage.objects.child_of(home).filter(slug=INDEX_PAGE["slug"].de).first()
    if index is None:
        index = ClusterIndexPage(
            title=INDEX_PAGE["title"].de,
            slug=INDEX_PAGE["slug"].de,
            search_description=INDEX_PAGE["search_description"].de,
            intro=command.german(INDEX_PAGE["intro"]),
            body=command.stream(INDEX_PAGE["body"]),
        )
        home.add_child(instance=index)
        index.save_revision().publish()
        tally.created += 1
    else:
        tally.present += 1
    state["index"] = index
    return tally


def load_clusters(command, state):
    tally = Tally()
    index = state["index"]
    states = {s.code: s for s in FederalState.objects.all()}
    state["clusters"] = []
    for spec in CLUSTERS:
        page = ClusterPage.objects.child_of(index).filter(slug=spec["slug"].de).first()
        if page is not None:
            tally.present += 1
            state["clusters"].append(page)
            continue
        page = ClusterPage(
            title=spec["title"].de,
            slug=spec["slug"].de,
            kind=spec["kind"],
            sector=state["sectors"][spec["sector"]],
            summary=spec["summary"].de,
            body=command.stream(spec["body"]),
            contact_person=state["contact"],
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
            ClusterPageQuote(quote=state["quotes"][key], sort_order=number)
            for number, key in enumerate(spec["quotes"])
        ]
        index.add_child(instance=page)
        page.save_revision().publish()
        tally.created += 1
        state["clusters"].append(page)
    return tally


def translate_pages(command, state):
    # Parents first: wagtail-localize creates a page's translation under its parent's.
    tally = Tally()
    for page in [state["index"], *state["clusters"]]:
        command.translate(type(page).objects.get(pk=page.pk), tally)
    return tally


def link_home_page(command, state):
    """Point the German home page at the overview and the quote snippets, then sync English."""
    tally = Tally()
    home = command.german_home()
    chosen = [state["quotes"][key] for key in HOME_QUOTES]
    wanted_quotes = [{"type": "quote_snippet", "value": quote.pk} for quote in chosen]
    current_quotes = [
        {"type": item["type"], "value": item["value"]} for item in home.quotes.raw_data
    ]
    has_snippets = any(item["type"] == "quote_snippet" for item in current_quotes)
    if home.clusters_page_id == state["index"].pk and has_snippets:
        tally.present += 1
        return tally
    home.clusters_page = state["index"]
    if not has_snippets:
        # The KUMATEC quote written on the page becomes the snippet of the same text.
        home.quotes = wanted_quotes
    home.save_revision().publish()
    sync_translation(command, home)
    english_home = home.get_translation_or_none(english_locale())
    english_index = state["index"].get_translation_or_none(english_locale())
    if english_home is not None and english_index is not None:
        english_home = english_home.specific
        english_home.clusters_page = english_index
        english_home.save_revision().publish()
    tally.updated += 1
    return tally


def add_menu_entry(command, state):
    """The overview becomes the main menu's first entry (others add theirs after it)."""
    tally = Tally()
    site = Site.objects.get(is_default_site=True)
    settings = PortalSettings.for_site(site)
    items = MainMenuItem.objects.filter(settings=settings)
    if items.filter(page=state["index"]).exists():
        tally.present += 1
        return tally
    MainMenuItem.objects.create(
        settings=settings,
        page=state["index"],
        sort_order=home_demo.MAIN_MENU_POSITIONS["clusters"],
    )
    tally.created += 1
    return tally


# wagtail-localize helpers


def add_english(command, texts):
    """Like `command.add_english`, but a German string another app already translated keeps
    that translation (e.g. the association's name), so the apps' demo texts cannot clash."""
    for msgid, msgstr in english_pairs(texts):
        command.english.setdefault(msgid, msgstr)


def fill_po(command, translation, instance):
    po = translation.export_po()
    missing = []
    for entry in po:
        if entry.obsolete:
            continue
        try:
            entry.msgstr = command.english[entry.msgid]
        except KeyError:
            missing.append(f"{entry.msgctxt}: {entry.msgid!r}")
    if missing:
        raise CommandError(
            f"No English text for these strings of {instance!r}:\n  " + "\n  ".join(missing)
        )
    warnings = translation.import_po(po, tool_name=TOOL_NAME)
    if warnings:
        raise CommandError(f"Importing the English strings of {instance!r}: {warnings}")


def translate_unversioned(command, instance, tally):
    """`command.translate` for snippets without drafts and revisions (sectors)."""
    english = english_locale()
    if instance.has_translation(english):
        tally.present += 1
        return
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=english)
    fill_po(command, translation, instance)
    translation.save_target(publish=True)
    tally.created += 1


def sync_translation(command, instance):
    """Bring the English version of a changed German page up to date (wagtail-localize sync)."""
    english = english_locale()
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    translation = Translation.objects.filter(source=source, target_locale=english).first()
    if translation is None:
        return
    fill_po(command, translation, instance)
    if isinstance(instance, Page):
        # save_target(publish=True) publishes when the transaction commits, which would put
        # an old revision live over the later demo steps' changes; publish now instead.
        translation.save_target(publish=False)
        instance.get_translation(english).get_latest_revision().publish()
    else:
        translation.save_target(publish=True)
