"""The texts, images and links of the portal's demo site, as German/English pairs.

`manage.py load_demo_content` builds the German pages and snippets from the `de` half of every
`Text` below and hands the `en` half to wagtail-localize as the English translation. Keeping both
languages side by side means a German text cannot be added without its translation: the command
refuses to finish if wagtail-localize asks for a string that has no English counterpart.

The facts (dates, figures, places) come from the project's research notes on the real
Europäische Metropolregion Mitteldeutschland e.V.; the wording is our own. Where the demo
cannot know a real detail (register number, names of representatives) it says so openly.
"""

from typing import NamedTuple


class Text(NamedTuple):
    """One translatable string: the German source and its English translation."""

    de: str
    en: str


def same(text):
    """A name or number that reads the same in both languages."""
    return Text(text, text)


class Html(NamedTuple):
    """Rich text: each part is a paragraph (`Text`) or a bulleted list (tuple of `Text`).

    No inline markup: wagtail-localize offers each paragraph and list item as one string, so
    plain parts keep the German and English strings in step.
    """

    parts: tuple


class PageRef(NamedTuple):
    """A German standard page, named by its German slug."""

    slug: str


class ImageRef(NamedTuple):
    """A generated image, named by its key in `IMAGES`."""

    key: str


def html(*parts):
    return Html(tuple(parts))


def heading(de, en, size="h2"):
    return ("heading", {"heading_text": Text(de, en), "size": size})


def paragraph(*parts):
    return ("paragraph", html(*parts))


def call_to_action(title, text, button_label, page=None, external_url=""):
    return (
        "call_to_action",
        {
            "title": title,
            "text": text,
            "page": PageRef(page) if page else None,
            "external_url": external_url,
            "button_label": button_label,
        },
    )


def quote(text, name, role):
    return ("quote", {"text": text, "name": name, "role": role})


# Positions in the main menu, so each app's demo step can put its entry in place.
MAIN_MENU_POSITIONS = {
    "clusters": 10,
    "background": 20,
    "sites": 30,
    "halls": 40,
    "events": 50,
    "about": 90,
}

# Contact details, shared by the settings, the contact page, the imprint and the privacy page.

ORGANISATION = "Europäische Metropolregion Mitteldeutschland e.V."
STREET = "Schillerstraße 5"
POSTCODE = "04109"
CITY = "Leipzig"
PHONE = "+49 341 600 16-0"
EMAIL = "info@mitteldeutschland.com"

SITE_NAME = "Metropolregion Mitteldeutschland"
SITE_HOSTNAME = "localhost"
SITE_PORT = 80


# Images, drawn by the command with Pillow. Titles identify them on later runs.

IQ_2019_ENTRIES = [
    # (German label, English label, entries); FACTS: 155 entries in the 15th round, 2019.
    ("Informationstechnologie", "Information technology", 61),
    ("Life Sciences", "Life sciences", 33),
    ("Energie/Umwelt", "Energy/environment", 31),
    ("Automotive", "Automotive", 19),
    ("Chemie", "Chemicals", 11),
]

IMAGES = {
    "portal-logo": {
        "kind": "portal_logo",
        "title": "Logo Metropolregion Mitteldeutschland",
        "description": "Metropolregion Mitteldeutschland",
        "lines": ["Metropolregion", "Mitteldeutschland"],
        "colour": "#00587c",
    },
    "logo-innovationsregion": {
        "kind": "project_logo",
        "title": "Logo Innovationsregion Mitteldeutschland",
        "description": "Logo der Innovationsregion Mitteldeutschland",
        "name": "Innovationsregion Mitteldeutschland",
        "mark": "IR",
        "colour": "#2e7d32",
    },
    "logo-iq": {
        "kind": "project_logo",
        "title": "Logo IQ Innovationspreis Mitteldeutschland",
        "description": "Logo des IQ Innovationspreises Mitteldeutschland",
        "name": "IQ Innovationspreis Mitteldeutschland",
        "mark": "IQ",
        "colour": "#c62828",
    },
    "logo-startup": {
        "kind": "project_logo",
        "title": "Logo Startup Mitteldeutschland",
        "description": "Logo von Startup Mitteldeutschland",
        "name": "Startup Mitteldeutschland",
        "mark": "SM",
        "colour": "#ef6c00",
    },
    "logo-hypos": {
        "kind": "project_logo",
        "title": "Logo HYPOS",
        "description": "Logo von HYPOS, Hydrogen Power Storage & Solutions East Germany",
        "name": "HYPOS",
        "subline": "Hydrogen Power Storage & Solutions East Germany",
        "mark": "H2",
        "colour": "#0277bd",
    },
    "logo-expo-real": {
        "kind": "project_logo",
        "title": "Logo EXPO REAL Gemeinschaftsstand",
        "description": "Logo des Gemeinschaftsstands der Region auf der EXPO REAL",
        "name": "EXPO REAL",
        "subline": "Gemeinschaftsstand Mitteldeutschland",
        "mark": "ER",
        "colour": "#6a1b9a",
    },
    "chart-iq-2019-de": {
        "kind": "chart",
        "title": "Diagramm IQ Innovationspreis 2019: Bewerbungen je Cluster",
        "description": "Balkendiagramm der Bewerbungen zum IQ Innovationspreis 2019 je Cluster",
        "heading": "IQ Innovationspreis 2019: Bewerbungen je Cluster",
        "total": "Gesamt: 155 Bewerbungen",
        "language": "de",
    },
    "chart-iq-2019-en": {
        "kind": "chart",
        "title": "Chart IQ Innovation Prize 2019: entries per cluster",
        "description": "Bar chart of the entries for the IQ Innovation Prize 2019 per cluster",
        "heading": "IQ Innovation Prize 2019: entries per cluster",
        "total": "Total: 155 entries",
        "language": "en",
    },
}

# The English page shows the English chart: the command stores this as a wagtail-localize
# override of the image chosen in the German page.
IMAGE_TRANSLATIONS = {"chart-iq-2019-de": "chart-iq-2019-en"}


# Standard pages, in page-tree order. Slugs: German source, English translation.

CLUSTER_PAGE = {
    "slug": Text("entwicklung-und-effekte-von-clustern", "development-and-effects-of-clusters"),
    "title": Text("Entwicklung und Effekte von Clustern", "Development and effects of clusters"),
    "intro": Text(
        "Warum Unternehmen und Forschung im Verbund stärker sind – und weshalb Cluster in "
        "Mitteldeutschland oft über Ländergrenzen hinweg reichen.",
        "Why companies and research are stronger together – and why clusters in Central "
        "Germany often reach across state borders.",
    ),
    "search_description": Text(
        "Was Cluster sind, wie sich Mikro- und Makro-Cluster unterscheiden und welche fünf "
        "Cluster die Wirtschaft Mitteldeutschlands prägen.",
        "What clusters are, how micro- and macro-clusters differ and which five clusters "
        "shape the economy of Central Germany.",
    ),
    "body": [
        heading("Was ist ein Cluster?", "What is a cluster?"),
        paragraph(
            Text(
                "Ein Cluster ist ein bewegliches Geflecht aus großen und kleinen Unternehmen, "
                "Forschungs- und Entwicklungseinrichtungen sowie Bildungsträgern, die einander "
                "ergänzen. Weil sie sich gegenseitig beliefern und eng zusammenarbeiten, "
                "entstehen neues Wissen, neue Produkte und gut ausgebildete Fachkräfte schneller "
                "als im Alleingang – und das Netzwerk als Ganzes gewinnt im Wettbewerb.",
                "A cluster is a flexible web of large and small companies, research and "
                "development institutions and training providers that complement one another. "
                "Because they supply each other and work closely together, new knowledge, new "
                "products and well-trained specialists emerge faster than they would alone – "
                "and the network as a whole gains a competitive edge.",
            ),
        ),
        heading("Mikro- und Makro-Cluster", "Micro- and macro-clusters"),
        paragraph(
            Text(
                "In Mitteldeutschland lassen sich zwei Arten von Clustern beobachten. "
                "Mikro-Cluster ballen sich an einem Ort: die Optoelektronik in Jena mit dem "
                "Netzwerk OptoNet oder die Mikroelektronik in Dresden rund um Silicon Saxony.",
                "Two kinds of clusters can be seen in Central Germany. Micro-clusters "
                "concentrate in one place: optoelectronics in Jena with the OptoNet network, "
                "or microelectronics in Dresden around Silicon Saxony.",
            ),
            Text(
                "Bei Makro-Clustern wie Chemie/Kunststoffe oder Automotive kommt die nötige Zahl "
                "an Unternehmen erst zusammen, wenn man mehrere Bundesländer gemeinsam "
                "betrachtet. Wie weit ein Cluster reicht, bestimmen deshalb nicht Kreis- oder "
                "Landesgrenzen, sondern Lieferketten und gewachsene Partnerschaften.",
                "With macro-clusters such as chemicals/plastics or automotive, the necessary "
                "number of companies only comes together when several federal states are "
                "looked at as a whole. How far a cluster reaches is therefore decided not by "
                "district or state borders but by supply chains and established partnerships.",
            ),
        ),
        heading("Fünf Cluster für die Region", "Five clusters for the region"),
        paragraph(
            (
                Text(
                    "Automotive: Porsche produziert seit 2002 in Leipzig, BMW seit 2005; das "
                    "Automotive Cluster Ostdeutschland (ACOD) hat seit 2015 seine Geschäftsstelle "
                    "in Leipzig.",
                    "Automotive: Porsche has been building cars in Leipzig since 2002 and BMW "
                    "since 2005; the Automotive Cluster Ostdeutschland (ACOD) has had its office "
                    "in Leipzig since 2015.",
                ),
                Text(
                    "Chemie/Kunststoffe: Standorte wie Leuna, Schkopau, Bitterfeld-Wolfen, Zeitz "
                    "und Böhlen; 2007 zählte der Cluster rund 750 Unternehmen mit etwa 71.000 "
                    "Beschäftigten.",
                    "Chemicals/plastics: sites such as Leuna, Schkopau, Bitterfeld-Wolfen, Zeitz "
                    "and Böhlen; in 2007 the cluster counted around 750 companies with some "
                    "71,000 employees.",
                ),
                Text(
                    "Energie/Umwelt: Solarvalley Mitteldeutschland setzte sich im "
                    "Spitzencluster-Wettbewerb des Bundes durch; 2024 wurde in Halle der "
                    "Solarcluster „Spot on“ gegründet.",
                    "Energy/environment: Solarvalley Mitteldeutschland won the federal "
                    "government's leading-edge cluster competition; in 2024 the solar cluster "
                    "“Spot on” was founded in Halle.",
                ),
                Text(
                    "Informationstechnologie: Der Cluster IT Mitteldeutschland e.V. wurde 2009 "
                    "von sieben Unternehmen in Halle gegründet und hat heute mehr als 60 "
                    "Mitglieder.",
                    "Information technology: Cluster IT Mitteldeutschland e.V. was founded in "
                    "Halle in 2009 by seven companies and now has more than 60 members.",
                ),
                Text(
                    "Life Sciences: Der Clusteratlas verzeichnet mehr als 160 Unternehmen; ein "
                    "Schwerpunkt liegt in Halle.",
                    "Life sciences: the cluster atlas lists more than 160 companies, with one "
                    "focus in Halle.",
                ),
            ),
        ),
        heading(
            "Wettbewerb der Ideen: der IQ Innovationspreis",
            "A contest of ideas: the IQ Innovation Prize",
        ),
        paragraph(
            Text(
                "Wie lebendig die Cluster sind, zeigt der IQ Innovationspreis Mitteldeutschland. "
                "In seiner 15. Runde gingen 2019 insgesamt 155 Bewerbungen ein. Jeder "
                "Clusterpreis ist mit 7.500 Euro dotiert, der Gesamtpreis mit 15.000 Euro.",
                "The IQ Innovation Prize Central Germany shows how lively the clusters are. Its "
                "15th round in 2019 received 155 entries in total. Each cluster prize carries "
                "EUR 7,500, the overall prize EUR 15,000.",
            ),
        ),
        (
            "table",
            {
                "caption": Text(
                    "IQ Innovationspreis Mitteldeutschland 2019: Bewerbungen je Cluster",
                    "IQ Innovation Prize Central Germany 2019: entries per cluster",
                ),
                "table": {
                    "first_row_is_table_header": True,
                    "first_col_is_header": True,
                    "data": [
                        [Text("Cluster", "Cluster"), Text("Bewerbungen", "Entries")],
                        *[[Text(de, en), same(str(count))] for de, en, count in IQ_2019_ENTRIES],
                        [Text("Gesamt", "Total"), same("155")],
                    ],
                },
                "source": Text(
                    "IQ Innovationspreis Mitteldeutschland",
                    "IQ Innovation Prize Central Germany",
                ),
            },
        ),
        (
            "image",
            {
                "image": ImageRef("chart-iq-2019-de"),
                "alt_text": Text(
                    "Balkendiagramm der 155 Bewerbungen 2019: Informationstechnologie 61, "
                    "Life Sciences 33, Energie/Umwelt 31, Automotive 19, Chemie 11.",
                    "Bar chart of the 155 entries in 2019: information technology 61, life "
                    "sciences 33, energy/environment 31, automotive 19, chemicals 11.",
                ),
                "caption": Text(
                    "Bewerbungen zum IQ Innovationspreis 2019 nach Cluster",
                    "Entries for the IQ Innovation Prize 2019 by cluster",
                ),
                "attribution": Text("Grafik: EMMD", "Chart: EMMD"),
            },
        ),
        call_to_action(
            Text("Partner in einem Cluster gesucht?", "Looking for partners in a cluster?"),
            Text(
                "Die Geschäftsstelle bringt Sie mit den Clustermanagements und Netzwerken der "
                "Region in Kontakt.",
                "Our office puts you in touch with the region's cluster managements and networks.",
            ),
            Text("Kontakt aufnehmen", "Get in touch"),
            page="kontakt",
        ),
    ],
}

SITES_PAGE = {
    "slug": Text("gewerbeflaechen", "commercial-sites"),
    "title": Text("Gewerbeflächen", "Commercial sites"),
    "intro": Text(
        "Freie Industrie- und Gewerbeflächen in Sachsen, Sachsen-Anhalt und Thüringen – "
        "gemeldet von den Wirtschaftsförderungen der Region, mit allen Angaben für eine erste "
        "Standortentscheidung.",
        "Available industrial and commercial sites in Saxony, Saxony-Anhalt and Thuringia – "
        "reported by the region's economic development agencies, with all the details for a "
        "first location decision.",
    ),
    "search_description": Text(
        "Industrie- und Gewerbeflächen in Mitteldeutschland: Größe, Planungsrecht, Preise und "
        "Verkehrsanbindung im gemeinsamen Flächenpool der Region.",
        "Industrial and commercial sites in Central Germany: size, zoning, prices and transport "
        "links in the region's shared site pool.",
    ),
    "body": [
        heading("Was der Flächenpool bietet", "What the site pool offers"),
        paragraph(
            Text(
                "Mehr als 20 Wirtschaftsförderungen aus Städten und Landkreisen speisen ihre "
                "Angebote in den gemeinsamen Pool ein. So sehen Investoren und "
                "Ansiedlungsberater auf einen Blick, wo in Mitteldeutschland Flächen frei sind – "
                "vom kleinen Grundstück für Handwerk und Gewerbe bis zum großen Industriegebiet "
                "an der Autobahn.",
                "More than 20 economic development agencies of cities and districts feed their "
                "offers into the shared pool. Investors and location consultants can thus see at "
                "a glance where land is available in Central Germany – from a small plot for "
                "trades and businesses to a large industrial estate next to the motorway.",
            ),
        ),
        heading("Angaben zu jeder Fläche", "Details of each site", size="h3"),
        paragraph(
            Text(
                "Jedes Exposé ist gleich aufgebaut, damit sich Standorte leicht vergleichen "
                "lassen:",
                "Every listing has the same structure, so that sites are easy to compare:",
            ),
            (
                Text(
                    "Planungsrecht – Gewerbegebiet (GE), Industriegebiet (GI) oder Sondergebiet "
                    "(SO) – und die vorgesehene Nutzung",
                    "Zoning – commercial area (GE), industrial area (GI) or special-use area "
                    "(SO) – and the intended use",
                ),
                Text(
                    "Brutto-, Netto- und noch verfügbare Fläche in Hektar sowie mögliche "
                    "Grundstücksgrößen",
                    "Gross, net and still available area in hectares, and possible plot sizes",
                ),
                Text(
                    "Kaufpreis je Quadratmeter, zum Beispiel 8,50 Euro mit und 10,00 Euro ohne "
                    "Fördermöglichkeit",
                    "Purchase price per square metre, for example EUR 8.50 where subsidies apply "
                    "and EUR 10.00 without",
                ),
                Text(
                    "Förderpriorität des Standorts",
                    "The site's priority for public funding",
                ),
                Text(
                    "Entfernung zur nächsten Autobahn und Bundesstraße, etwa 20 km bis zur A14",
                    "Distance to the nearest motorway and federal road, for example 20 km to the "
                    "A14",
                ),
                Text(
                    "Bereits ansässige Unternehmen und eine Ansprechperson vor Ort",
                    "Companies already based there and a local contact person",
                ),
            ),
        ),
        heading("Beispiele aus dem Pool", "Examples from the pool", size="h3"),
        paragraph(
            (
                Text(
                    "Espenhain (Landkreis Leipzig): 139,5 ha Gesamtfläche, davon 14,3 ha frei",
                    "Espenhain (Leipzig district): 139.5 ha in total, 14.3 ha of it available",
                ),
                Text(
                    "Großkayna-Frankleben (Saalekreis): 47,1 ha, davon 21,9 ha frei",
                    "Großkayna-Frankleben (Saalekreis district): 47.1 ha, 21.9 ha of it available",
                ),
                Text(
                    "Braunsbedra (Saalekreis): 26,6 ha, davon 15,7 ha frei",
                    "Braunsbedra (Saalekreis district): 26.6 ha, 15.7 ha of it available",
                ),
                Text(
                    "Brehnaer Straße in Bitterfeld-Wolfen: 1,4 ha, vollständig verfügbar",
                    "Brehnaer Straße in Bitterfeld-Wolfen: 1.4 ha, all of it available",
                ),
                Text(
                    "Star Park Halle: rund 230 ha Industriegebiet nahe den Autobahnen A14 und A9",
                    "Star Park Halle: an industrial estate of around 230 ha close to the A14 and "
                    "A9 motorways",
                ),
            ),
            Text(
                "Bald zeigt dieses Portal alle Flächen mit Karte, Filtern und ausführlichen "
                "Exposés. Bis dahin helfen Ihnen die Wirtschaftsförderungen der Region und unsere "
                "Geschäftsstelle gern weiter.",
                "Soon this portal will show every site with a map, filters and detailed listings. "
                "Until then, the region's economic development agencies and our office will be "
                "glad to help.",
            ),
        ),
        call_to_action(
            Text("Eine Halle gesucht?", "Looking for a hall?"),
            Text(
                "Bestandshallen und Neubauprojekte finden Sie unter Hallenobjekte.",
                "Existing halls and new-build projects are listed under Halls.",
            ),
            Text("Zu den Hallenobjekten", "View halls"),
            page="hallenobjekte",
        ),
    ],
}

HALLS_PAGE = {
    "slug": Text("hallenobjekte", "halls"),
    "title": Text("Hallenobjekte", "Halls"),
    "intro": Text(
        "Produktions-, Lager- und Logistikhallen in Mitteldeutschland: vom Bestandsobjekt, das "
        "sofort genutzt werden kann, bis zum Neubau nach Ihren Anforderungen.",
        "Production, storage and logistics halls in Central Germany: from existing buildings "
        "ready for immediate use to new builds to your requirements.",
    ),
    "search_description": Text(
        "Hallen für Produktion, Lager und Logistik in Mitteldeutschland, mit Flächen und "
        "Mietpreisen.",
        "Halls for production, storage and logistics in Central Germany, with floor areas and "
        "rents.",
    ),
    "body": [
        heading("Hallen für Produktion und Logistik", "Halls for production and logistics"),
        paragraph(
            Text(
                "Die Lage in der Mitte Deutschlands, die Autobahnen A9 und A14 und der Flughafen "
                "Leipzig/Halle machen die Region zu einem gefragten Standort für Produktion und "
                "Logistik. Im Pool stehen Hallen, die sofort bezogen werden können, ebenso wie "
                "Vorhaben, die nach Ihren Anforderungen errichtet werden.",
                "Its location in the middle of Germany, the A9 and A14 motorways and "
                "Leipzig/Halle Airport make the region a sought-after location for production "
                "and logistics. The pool lists halls that are ready to move into as well as "
                "projects that will be built to your requirements.",
            ),
        ),
        heading("Beispiele", "Examples", size="h3"),
        paragraph(
            (
                Text(
                    "Kabelsketal (Saalekreis): vier Hallen mit zusammen rund 49.000 m²",
                    "Kabelsketal (Saalekreis district): four halls with a total of around "
                    "49,000 m²",
                ),
                Text(
                    "Bitterfeld-Wolfen: rund 40.000 m² Hallenfläche",
                    "Bitterfeld-Wolfen: around 40,000 m² of hall space",
                ),
            ),
        ),
        heading("Mieten", "Rents", size="h3"),
        paragraph(
            Text(
                "Für neu gebaute Hallen in Leipzig und Halle liegen die Mieten je nach Lage und "
                "Ausstattung zwischen 5 und 16 Euro je Quadratmeter und Monat.",
                "For newly built halls in Leipzig and Halle, rents range from EUR 5 to 16 per "
                "square metre per month, depending on location and fittings.",
            ),
        ),
        call_to_action(
            Text("Lieber selbst bauen?", "Prefer to build your own?"),
            Text(
                "Im Flächenpool finden Sie freie Grundstücke für Ihren eigenen Neubau.",
                "The site pool lists available plots for your own new building.",
            ),
            Text("Zu den Gewerbeflächen", "View commercial sites"),
            page="gewerbeflaechen",
        ),
    ],
}

FORUM_THEME = Text(
    "Strukturwandel und Regionalentwicklung im Mitteldeutschen Revier",
    "Structural change and regional development in the Central German mining district",
)

FORUM_PAGE = {
    "slug": Text("forum-mitteldeutschland-2019", "forum-mitteldeutschland-2019"),
    "title": same("FORUM Mitteldeutschland 2019"),
    "intro": Text(
        "Dokumentation der Konferenz vom 4. März 2019 im Kulturhaus Böhlen zum Thema "
        f"„{FORUM_THEME.de}“.",
        "Documentation of the conference held on 4 March 2019 at the Kulturhaus Böhlen on "
        f"“{FORUM_THEME.en}”.",
    ),
    "search_description": Text(
        "FORUM Mitteldeutschland 2019 in Böhlen: rund 400 Gäste diskutierten über "
        "Strukturwandel und Regionalentwicklung im Mitteldeutschen Revier.",
        "FORUM Mitteldeutschland 2019 in Böhlen: around 400 guests discussed structural change "
        "and regional development in the Central German mining district.",
    ),
    "body": [
        heading("Die Veranstaltung auf einen Blick", "The event at a glance"),
        paragraph(
            (
                Text("Datum: Montag, 4. März 2019", "Date: Monday, 4 March 2019"),
                Text(
                    "Ort: Kulturhaus Böhlen, Landkreis Leipzig",
                    "Venue: Kulturhaus Böhlen, Leipzig district",
                ),
                Text(
                    "Teilnehmende: rund 400 Gäste",
                    "Participants: around 400 guests",
                ),
                Text(
                    "Veranstalter: Sächsisches Staatsministerium für Wirtschaft, Arbeit und "
                    "Verkehr, Europäische Metropolregion Mitteldeutschland e.V. und "
                    "Mitteldeutscher Presseclub",
                    "Organisers: the Saxon State Ministry for Economic Affairs, Labour and "
                    "Transport, Europäische Metropolregion Mitteldeutschland e.V. and the "
                    "Mitteldeutscher Presseclub",
                ),
            ),
            Text(
                "Das erste FORUM Mitteldeutschland fand am 27. Februar 2017 statt.",
                "The first FORUM Mitteldeutschland took place on 27 February 2017.",
            ),
        ),
        heading("Worum es ging", "What it was about"),
        paragraph(
            Text(
                "Der Ausstieg aus der Braunkohle verändert das Mitteldeutsche Revier von Grund "
                "auf. Das FORUM fragte, wie aus diesem Umbruch neue Chancen werden: durch "
                "Ansiedlungen, Forschung, Fachkräfte und eine Infrastruktur, die Stadt und Land "
                "verbindet.",
                "The phase-out of lignite is changing the Central German mining district from "
                "the ground up. The FORUM asked how this upheaval can be turned into new "
                "opportunities: through new businesses, research, skilled workers and "
                "infrastructure that connects town and country.",
            ),
        ),
        heading("Themen", "Topics", size="h3"),
        paragraph(
            (
                Text(
                    "Perspektiven für Beschäftigte und Unternehmen der Braunkohlewirtschaft",
                    "Prospects for employees and companies of the lignite industry",
                ),
                Text(
                    "Neue Wertschöpfung durch Chemie, Wasserstoff und Bioökonomie",
                    "New value creation through chemicals, hydrogen and the bioeconomy",
                ),
                Text(
                    "Verkehrswege, Flächen und digitale Infrastruktur im Revier",
                    "Transport routes, land and digital infrastructure in the mining district",
                ),
                Text(
                    "Zusammenarbeit der Kommunen über Landesgrenzen hinweg",
                    "Cooperation between municipalities across state borders",
                ),
            ),
        ),
        quote(
            Text(
                "Aus Böhlen habe ich vor allem mitgenommen, wie viele Menschen im Revier den "
                "Wandel selbst in die Hand nehmen wollen.",
                "What I took away from Böhlen above all was how many people in the mining "
                "district want to take change into their own hands.",
            ),
            same("Erika Musterfrau"),
            Text(
                "Teilnehmerin (erfundenes Beispielzitat der Demo)",
                "Participant (fictional example quote of the demo)",
            ),
        ),
        call_to_action(
            Text("Mitwirken in der Metropolregion", "Get involved in the metropolitan region"),
            Text(
                "Erfahren Sie, wer hinter dem Verein steht und wie Sie mitmachen können.",
                "Find out who is behind the association and how you can take part.",
            ),
            Text("Über uns", "About us"),
            page="ueber-uns",
        ),
    ],
}

ABOUT_PAGE = {
    "slug": Text("ueber-uns", "about-us"),
    "title": Text("Über uns", "About us"),
    "intro": Text(
        "Die Europäische Metropolregion Mitteldeutschland e.V. verbindet Städte, Landkreise und "
        "Unternehmen aus Sachsen, Sachsen-Anhalt und Thüringen zu einer gemeinsamen "
        "Wirtschaftsregion.",
        "The association Europäische Metropolregion Mitteldeutschland e.V. (European "
        "Metropolitan Region Central Germany) links cities, districts and companies from "
        "Saxony, Saxony-Anhalt and Thuringia into one economic region.",
    ),
    "search_description": Text(
        "Der Verein Europäische Metropolregion Mitteldeutschland: Aufgaben, Mitgliedsstädte "
        "und -landkreise, Geschäftsstelle in Leipzig.",
        "The association European Metropolitan Region Central Germany: its tasks, member cities "
        "and districts, and its office in Leipzig.",
    ),
    "body": [
        heading("Der Verein", "The association"),
        paragraph(
            Text(
                "Wirtschaftlich gehört Mitteldeutschland zusammen, auch wenn drei Landesgrenzen "
                "durch die Region verlaufen. Der Verein bündelt deshalb die Kräfte seiner "
                "Mitglieder: Er vernetzt Unternehmen und Forschung in den Clustern, vermarktet "
                "Gewerbeflächen gemeinsam, zeigt die Region auf Messen wie der EXPO REAL und "
                "bringt Projekte für Innovation und Strukturwandel auf den Weg.",
                "Economically, Central Germany belongs together, even though three state borders "
                "run through the region. The association therefore pools the strengths of its "
                "members: it connects companies and research in the clusters, markets commercial "
                "sites jointly, presents the region at trade fairs such as EXPO REAL and gets "
                "projects for innovation and structural change off the ground.",
            ),
        ),
        heading("Unsere Mitglieder", "Our members"),
        heading("Städte", "Cities", size="h3"),
        paragraph(
            tuple(
                same(city)
                for city in (
                    "Leipzig",
                    "Chemnitz",
                    "Zwickau",
                    "Halle (Saale)",
                    "Dessau-Roßlau",
                    "Jena",
                    "Gera",
                )
            ),
        ),
        heading("Landkreise", "Districts", size="h3"),
        paragraph(
            (
                Text("Landkreis Leipzig", "Leipzig district"),
                Text("Landkreis Wittenberg", "Wittenberg district"),
                Text("Landkreis Mansfeld-Südharz", "Mansfeld-Südharz district"),
                Text("Saalekreis", "Saalekreis district"),
                Text("Burgenlandkreis", "Burgenlandkreis district"),
                Text("Landkreis Altenburger Land", "Altenburger Land district"),
            ),
            Text(
                "Dazu kommen Unternehmen aus der ganzen Region – das Thüringer Unternehmen "
                "KUMATEC etwa ist seit 2017 Mitglied.",
                "They are joined by companies from across the region – the Thuringian company "
                "KUMATEC, for example, has been a member since 2017.",
            ),
        ),
        heading("Geschäftsstelle", "Office"),
        paragraph(
            Text(
                f"Unsere Geschäftsstelle finden Sie in Leipzig: {STREET}, {POSTCODE} {CITY}.",
                f"You will find our office in Leipzig: {STREET}, {POSTCODE} {CITY}, Germany.",
            ),
        ),
        call_to_action(
            Text("Kontakt aufnehmen", "Get in touch"),
            Text(
                "Sie möchten Mitglied werden oder ein Projekt mit uns umsetzen? Wir freuen uns "
                "auf Ihre Nachricht.",
                "Would you like to become a member or carry out a project with us? We look "
                "forward to hearing from you.",
            ),
            Text("Zum Kontakt", "Contact us"),
            page="kontakt",
        ),
    ],
}

CONTACT_PAGE = {
    "slug": Text("kontakt", "contact"),
    "title": Text("Kontakt", "Contact"),
    "intro": Text(
        "So erreichen Sie die Geschäftsstelle der Europäischen Metropolregion Mitteldeutschland.",
        "How to reach the office of the European Metropolitan Region Central Germany.",
    ),
    "search_description": Text(
        "Adresse, Telefon und E-Mail der Geschäftsstelle der Metropolregion Mitteldeutschland "
        "in Leipzig.",
        "Address, phone and email of the office of the Metropolitan Region Central Germany in "
        "Leipzig.",
    ),
    "body": [
        heading("Geschäftsstelle", "Office"),
        paragraph(
            same(ORGANISATION),
            Text(f"{STREET}, {POSTCODE} {CITY}", f"{STREET}, {POSTCODE} {CITY}, Germany"),
            Text(f"Telefon: {PHONE}", f"Phone: {PHONE}"),
            Text(f"E-Mail: {EMAIL}", f"Email: {EMAIL}"),
        ),
        heading("Besuch", "Visiting us"),
        paragraph(
            Text(
                "Die Geschäftsstelle liegt im Zentrum von Leipzig und ist mit Bus und "
                "Straßenbahn gut erreichbar. Bitte vereinbaren Sie vor Ihrem Besuch einen "
                "Termin.",
                "The office is in the centre of Leipzig and easy to reach by bus and tram. "
                "Please make an appointment before you visit.",
            ),
        ),
        call_to_action(
            Text("Ihre Daten", "Your data"),
            Text(
                "Wenn Sie uns schreiben, nutzen wir Ihre Angaben nur, um Ihre Anfrage zu "
                "beantworten.",
                "If you write to us, we use your details only to answer your enquiry.",
            ),
            Text("Zur Datenschutzerklärung", "Read the privacy statement"),
            page="datenschutz",
        ),
    ],
}

IMPRINT_PAGE = {
    "slug": Text("impressum", "imprint"),
    "title": Text("Impressum", "Imprint"),
    "intro": Text(
        "Angaben nach § 5 Digitale-Dienste-Gesetz (DDG) und § 18 Medienstaatsvertrag (MStV).",
        "Information pursuant to Section 5 of the German Digital Services Act (DDG) and Section "
        "18 of the Interstate Media Treaty (MStV).",
    ),
    "search_description": Text(
        "Impressum des Portals der Europäischen Metropolregion Mitteldeutschland e.V.",
        "Imprint of the portal of Europäische Metropolregion Mitteldeutschland e.V.",
    ),
    "body": [
        heading("Anbieter", "Provider"),
        paragraph(
            same(ORGANISATION),
            Text(f"{STREET}, {POSTCODE} {CITY}", f"{STREET}, {POSTCODE} {CITY}, Germany"),
        ),
        heading("Kontakt", "Contact"),
        paragraph(
            Text(f"Telefon: {PHONE}", f"Phone: {PHONE}"),
            Text(f"E-Mail: {EMAIL}", f"Email: {EMAIL}"),
        ),
        heading("Vertretung und Registereintrag", "Representation and registration"),
        paragraph(
            Text(
                "Der Verein wird durch seinen Vorstand vertreten und ist im Vereinsregister beim "
                "Amtsgericht Leipzig eingetragen.",
                "The association is represented by its executive board and is entered in the "
                "register of associations at the Leipzig Local Court.",
            ),
            Text(
                "Hinweis zur Demo: Die Namen der Vertretungsberechtigten und die Registernummer "
                "werden ergänzt, bevor das Portal veröffentlicht wird.",
                "Note on the demo: the names of the authorised representatives and the register "
                "number will be added before the portal is published.",
            ),
        ),
        heading("Verantwortlich für den Inhalt", "Responsible for the content"),
        paragraph(
            Text(
                "Verantwortlich im Sinne von § 18 Abs. 2 MStV ist die Geschäftsführung des "
                "Vereins, Anschrift wie oben.",
                "Responsible within the meaning of Section 18(2) MStV is the association's "
                "management, at the address above.",
            ),
        ),
        heading("Haftung für Links", "Liability for links"),
        paragraph(
            Text(
                "Für die Inhalte verlinkter externer Seiten sind allein deren Betreiber "
                "verantwortlich. Beim Setzen der Links waren keine Rechtsverstöße erkennbar; "
                "erfahren wir von solchen, entfernen wir den Link umgehend.",
                "The operators of linked external sites are solely responsible for their "
                "content. No legal violations were apparent when the links were set; if we "
                "learn of any, we will remove the link immediately.",
            ),
        ),
    ],
}

PRIVACY_PAGE = {
    "slug": Text("datenschutz", "privacy"),
    "title": Text("Datenschutz", "Privacy"),
    "intro": Text(
        "Wie wir mit Ihren Daten umgehen, wenn Sie dieses Portal besuchen.",
        "How we handle your data when you visit this portal.",
    ),
    "search_description": Text(
        "Datenschutzerklärung: keine Inhalte von Drittanbietern, Karten und Videos erst nach "
        "Einwilligung.",
        "Privacy statement: no third-party content; maps and videos only after consent.",
    ),
    "body": [
        heading("Verantwortliche Stelle", "Controller"),
        paragraph(
            Text(
                f"Verantwortlich für die Verarbeitung Ihrer Daten ist die {ORGANISATION}, "
                f"{STREET}, {POSTCODE} {CITY}, E-Mail: {EMAIL}.",
                f"The controller responsible for processing your data is {ORGANISATION}, "
                f"{STREET}, {POSTCODE} {CITY}, Germany, email: {EMAIL}.",
            ),
        ),
        heading("Keine Inhalte von Drittanbietern", "No third-party content"),
        paragraph(
            Text(
                "Das Portal lädt Schriften, Skripte, Stylesheets und Bilder ausschließlich von "
                "unserem eigenen Server. Beim Besuch werden keine Daten an Dritte wie Werbe- "
                "oder Analysedienste übermittelt, und wir setzen keine Tracking-Cookies ein.",
                "The portal loads fonts, scripts, style sheets and images exclusively from our "
                "own server. Visiting it transmits no data to third parties such as advertising "
                "or analytics services, and we do not use tracking cookies.",
            ),
            Text(
                "Wir verwenden nur technisch notwendige Cookies, zum Beispiel um Ihre "
                "Sprachwahl oder Ihre Einwilligung zu speichern.",
                "We only use technically necessary cookies, for example to remember your choice "
                "of language or your consent.",
            ),
        ),
        heading("Karten und Videos erst nach Einwilligung", "Maps and videos only after consent"),
        paragraph(
            Text(
                "Standortkarten und eingebettete Videos stammen von externen Diensten, etwa "
                "Kartenkacheln von OpenStreetMap oder Videos von YouTube. Diese Inhalte laden "
                "wir erst, wenn Sie ausdrücklich zustimmen; erst dann übermittelt Ihr Browser "
                "unter anderem Ihre IP-Adresse an den jeweiligen Anbieter.",
                "Site maps and embedded videos come from external services, such as map tiles "
                "from OpenStreetMap or videos from YouTube. We only load this content once you "
                "have expressly agreed; only then does your browser transmit your IP address, "
                "among other data, to the provider concerned.",
            ),
            Text(
                "Rechtsgrundlage ist Ihre Einwilligung nach Art. 6 Abs. 1 lit. a DSGVO. Sie "
                "können sie jederzeit mit Wirkung für die Zukunft widerrufen.",
                "The legal basis is your consent under Art. 6(1)(a) GDPR. You can withdraw it "
                "at any time with effect for the future.",
            ),
        ),
        heading("Server-Protokolle", "Server logs"),
        paragraph(
            Text(
                "Beim Aufruf einer Seite speichert unser Server kurzzeitig technische Daten wie "
                "Datum, Uhrzeit, aufgerufene Adresse und IP-Adresse, um Betrieb und Sicherheit "
                "des Portals zu gewährleisten (Art. 6 Abs. 1 lit. f DSGVO).",
                "When a page is requested, our server briefly stores technical data such as the "
                "date, time, requested address and IP address to keep the portal running and "
                "secure (Art. 6(1)(f) GDPR).",
            ),
        ),
        heading("Ihre Rechte", "Your rights"),
        paragraph(
            Text(
                "Sie haben das Recht auf Auskunft, Berichtigung, Löschung und Einschränkung der "
                "Verarbeitung, auf Datenübertragbarkeit und auf Widerspruch. Außerdem können Sie "
                "sich bei einer Datenschutz-Aufsichtsbehörde beschweren, etwa bei der für "
                "Sachsen zuständigen.",
                "You have the right of access, rectification, erasure and restriction of "
                "processing, the right to data portability and the right to object. You can "
                "also lodge a complaint with a data protection supervisory authority, for "
                "example the one responsible for Saxony.",
            ),
        ),
    ],
}

ACCESSIBILITY_PAGE = {
    "slug": Text("barrierefreiheit", "accessibility"),
    "title": Text("Erklärung zur Barrierefreiheit", "Accessibility statement"),
    "intro": Text(
        "Alle Menschen sollen dieses Portal ohne Hürden nutzen können. Hier lesen Sie, wie weit "
        "wir damit sind.",
        "Everyone should be able to use this portal without barriers. Here you can read how far "
        "we have come.",
    ),
    "search_description": Text(
        "Erklärung zur Barrierefreiheit nach BITV 2.0 und WCAG 2.1 AA, mit Kontakt für das "
        "Melden von Barrieren.",
        "Accessibility statement under BITV 2.0 and WCAG 2.1 AA, with a contact for reporting "
        "barriers.",
    ),
    "body": [
        heading("Geltungsbereich", "Scope"),
        paragraph(
            Text(
                "Diese Erklärung gilt für das Portal der Europäischen Metropolregion "
                "Mitteldeutschland in deutscher und englischer Sprache.",
                "This statement applies to the portal of the European Metropolitan Region "
                "Central Germany in German and English.",
            ),
        ),
        heading("Stand der Vereinbarkeit", "Compliance status"),
        paragraph(
            Text(
                "Das Portal soll die Anforderungen der Barrierefreie-Informationstechnik-"
                "Verordnung (BITV 2.0) erfüllen. Sie verweist auf die Konformitätsstufe AA der "
                "Web Content Accessibility Guidelines (WCAG) 2.1.",
                "The portal aims to meet the requirements of the German Accessible Information "
                "Technology Ordinance (BITV 2.0), which refers to conformance level AA of the "
                "Web Content Accessibility Guidelines (WCAG) 2.1.",
            ),
            Text(
                "Nach unserer Selbstbewertung ist das Portal mit diesen Anforderungen teilweise "
                "vereinbar. Die Ausnahmen sind unten aufgeführt.",
                "According to our self-assessment, the portal is partially compliant with these "
                "requirements. The exceptions are listed below.",
            ),
        ),
        heading("Was wir tun", "What we do", size="h3"),
        paragraph(
            Text(
                "Wir achten auf klare Überschriften, Alternativtexte für Bilder, ausreichende "
                "Kontraste und die vollständige Bedienbarkeit mit der Tastatur. Zu jeder "
                "Standortkarte gibt es eine gleichwertige Liste.",
                "We pay attention to clear headings, alternative texts for images, sufficient "
                "contrast and full keyboard operability. Every site map has an equivalent list.",
            ),
        ),
        heading("Was noch nicht barrierefrei ist", "What is not yet accessible", size="h3"),
        paragraph(
            (
                Text(
                    "Einige ältere PDF-Dokumente zum Herunterladen sind noch nicht vollständig "
                    "barrierefrei.",
                    "Some older PDF documents for download are not yet fully accessible.",
                ),
                Text(
                    "Eingebettete Videos externer Anbieter haben nicht immer Untertitel.",
                    "Embedded videos from external providers do not always have subtitles.",
                ),
            ),
        ),
        heading("Barriere melden", "Report a barrier"),
        paragraph(
            Text(
                f"Ist Ihnen eine Barriere aufgefallen? Schreiben Sie uns an {EMAIL} oder rufen "
                f"Sie uns an unter {PHONE}. Wir melden uns so schnell wie möglich.",
                f"Have you come across a barrier? Write to us at {EMAIL} or call us on {PHONE}. "
                "We will get back to you as soon as possible.",
            ),
        ),
    ],
}

# The pools (locations app) and the FORUM documentation (events app) are built by their apps'
# demo steps; SITES_PAGE, HALLS_PAGE and FORUM_PAGE above lend them texts.
STANDARD_PAGES = [
    CLUSTER_PAGE,
    ABOUT_PAGE,
    CONTACT_PAGE,
    IMPRINT_PAGE,
    PRIVACY_PAGE,
    ACCESSIBILITY_PAGE,
]


# The German home page; the migration created it with slug "start".

KUMATEC_QUOTE = Text(
    # As published by the association (German original); the English is our translation.
    "Als Thüringer Unternehmen fühlen wir uns historisch der Metropolregion Mitteldeutschland "
    "zugehörend und ihr sehr verbunden. Mitteldeutschland ist als innovativer Chemiestandort "
    "exzellent aufgestellt, um in Deutschland Vorreiter von Zukunftstechnologien wie grünem "
    "Wasserstoff zu werden. Das Hypos-Konsortium ist dabei eines der Aushängeschilder für "
    "diese Innovationskraft. Kumatec kann und möchte als Mitglied der Metropolregion "
    "Mitteldeutschland und als Mitglied im Hypos e.V. seinen Beitrag zur Umsetzung der grünen "
    "Wasserstofftechnologie leisten.",
    "As a Thuringian company, we have always felt that we belong to the Metropolitan Region "
    "Central Germany and are closely attached to it. As an innovative chemicals location, "
    "Central Germany is excellently placed to become Germany's pioneer in technologies of the "
    "future such as green hydrogen. The Hypos consortium is one of the flagships of this "
    "capacity for innovation. As a member of the Metropolitan Region Central Germany and of "
    "Hypos e.V., Kumatec can and wants to contribute to putting green hydrogen technology into "
    "practice.",
)

HOME_PAGE = {
    "title": Text(SITE_NAME, "Metropolitan Region Central Germany"),
    # Pages at the top of the tree are siblings whatever their language, so the English home
    # page cannot share the slug "start"; "home" is its translation.
    "slug": Text("start", "home"),
    "search_description": Text(
        "Das Portal der Europäischen Metropolregion Mitteldeutschland: Cluster, Gewerbeflächen, "
        "Termine und Projekte in Sachsen, Sachsen-Anhalt und Thüringen.",
        "The portal of the European Metropolitan Region Central Germany: clusters, commercial "
        "sites, events and projects in Saxony, Saxony-Anhalt and Thuringia.",
    ),
    "intro_heading": same("Net Works!"),
    "intro": html(
        Text(
            "Gute Verbindungen entscheiden – vor Ort ebenso wie auf den Weltmärkten. Der Verein "
            "Europäische Metropolregion Mitteldeutschland (EMMD) bringt Städte, Landkreise und "
            "Unternehmen aus Sachsen, Sachsen-Anhalt und Thüringen zusammen und fördert eine "
            "lebendige Kultur des Gründens und Unternehmens.",
            "Good connections make the difference – locally as much as on world markets. The "
            "association Europäische Metropolregion Mitteldeutschland (EMMD) brings together "
            "cities, districts and companies from Saxony, Saxony-Anhalt and Thuringia and "
            "fosters a lively culture of founding and running businesses.",
        ),
        Text(
            "Wir unterstützen Clusterinitiativen und Kooperationen in den Branchen, in denen die "
            "Region besonders viele Unternehmen und Forschungseinrichtungen vereint. Investoren "
            "von außerhalb finden über uns passende Partner. Unser Ziel: mehr Innovationskraft, "
            "mehr Wettbewerbsfähigkeit und ein Profil, das auch international überzeugt.",
            "We support cluster initiatives and partnerships in the industries in which the "
            "region brings together an especially large number of companies and research "
            "institutions. Investors from elsewhere find suitable partners through us. Our aim: "
            "more capacity for innovation, more competitiveness and a profile that convinces "
            "internationally, too.",
        ),
    ),
    "clusters_heading": Text("Cluster in Mitteldeutschland", "Clusters in Central Germany"),
    "clusters_intro": html(
        Text(
            "Fünf Branchen prägen die Region über Ländergrenzen hinweg: Automotive, "
            "Chemie/Kunststoffe, Energie/Umwelt, Informationstechnologie und Life Sciences. "
            "Hier stellen wir die Cluster und ihre Netzwerke vor.",
            "Five industries shape the region across state borders: automotive, "
            "chemicals/plastics, energy/environment, information technology and life sciences. "
            "Here we introduce the clusters and their networks.",
        ),
    ),
    "clusters_more_page": PageRef("entwicklung-und-effekte-von-clustern"),
    "quotes_heading": Text("Zitate", "Quotes"),
    "quotes": [
        quote(
            KUMATEC_QUOTE,
            same("Dr.-Ing. Joachim Löffler"),
            same("KUMATEC Sondermaschinenbau & Kunststoffverarbeitung GmbH"),
        ),
    ],
    "pool_heading": Text(
        "Industrie- und Gewerbeflächen-Pool", "Industrial and commercial site pool"
    ),
    "pool_intro": Text(
        "Mehr als 20 Wirtschaftsförderungen der Region melden ihre freien Industrie- und "
        "Gewerbeflächen und Hallen in einen gemeinsamen Pool. Suchen Sie nach Größe, Lage und "
        "Verkehrsanbindung – als Liste oder auf der Standortkarte.",
        "More than 20 economic development agencies in the region report their available "
        "industrial and commercial sites and halls to a shared pool. Search by size, location "
        "and transport links – as a list or on the site map.",
    ),
    "forum_heading": same("FORUM Mitteldeutschland"),
    "forum_text": Text(
        "Beim FORUM Mitteldeutschland 2019 am 4. März im Kulturhaus Böhlen diskutierten rund "
        f"400 Gäste über „{FORUM_THEME.de}“: Wie gelingt der Wandel nach der Braunkohle, und was "
        "braucht die Region dafür?",
        "At FORUM Mitteldeutschland 2019 on 4 March at the Kulturhaus Böhlen, around 400 guests "
        f"discussed “{FORUM_THEME.en}”: how can the transition away from lignite succeed, and "
        "what does the region need for it?",
    ),
    "forum_link_label": Text("Zur Veranstaltungsdokumentation", "Go to the event documentation"),
    "events_heading": Text("Termine", "Events"),
    "events_intro": Text(
        "Messen, Konferenzen, Konzerte, Wettkämpfe: Hier finden Sie Termine aus Wirtschaft, "
        "Wissenschaft, Kultur und Sport – in Mitteldeutschland und von Akteuren aus der Region.",
        "Trade fairs, conferences, concerts, competitions: here you will find events from "
        "business, science, culture and sport – in Central Germany and by organisations from "
        "the region.",
    ),
    "projects_heading": Text("Projekte", "Projects"),
}


# Project teasers of the home page's "Projekte" row, identified by their German name.

PROJECT_TEASERS = [
    {
        "name": same("Innovationsregion Mitteldeutschland"),
        "logo": ImageRef("logo-innovationsregion"),
        "logo_alt_text": Text(
            "Logo der Innovationsregion Mitteldeutschland",
            "Logo of Innovationsregion Mitteldeutschland",
        ),
        "short_text": Text(
            "Strukturwandelprojekt für sieben Landkreise und die Städte Halle und Leipzig mit "
            "rund 2,03 Millionen Einwohnern; vom Bund gefördert, 2022 abgeschlossen.",
            "Structural-change project for seven districts and the cities of Halle and Leipzig, "
            "home to around 2.03 million people; federally funded, completed in 2022.",
        ),
        "link_url": "https://www.innovationsregion-mitteldeutschland.com/",
        "sort_order": 10,
    },
    {
        "name": Text(
            "IQ Innovationspreis Mitteldeutschland", "IQ Innovation Prize Central Germany"
        ),
        "logo": ImageRef("logo-iq"),
        "logo_alt_text": Text(
            "Logo des IQ Innovationspreises Mitteldeutschland",
            "Logo of the IQ Innovation Prize Central Germany",
        ),
        "short_text": Text(
            "Der Innovationspreis der fünf Cluster: In der 15. Runde 2019 gingen 155 "
            "Bewerbungen ein; je Cluster winken 7.500 Euro, der Gesamtpreis bringt 15.000 Euro.",
            "The innovation prize of the five clusters: its 15th round in 2019 received 155 "
            "entries; each cluster prize is worth EUR 7,500, the overall prize EUR 15,000.",
        ),
        "link_url": "https://www.iq-mitteldeutschland.de/",
        "sort_order": 20,
    },
    {
        "name": same("Startup Mitteldeutschland"),
        "logo": ImageRef("logo-startup"),
        "logo_alt_text": Text(
            "Logo von Startup Mitteldeutschland", "Logo of Startup Mitteldeutschland"
        ),
        "short_text": Text(
            "Das Gründerportal der Region, online seit April 2017: Nach einem Jahr zählte es "
            "rund 3.000 Besuche im Monat und stellte 36 Startups vor.",
            "The region's portal for founders, online since April 2017: after one year it had "
            "around 3,000 visits a month and presented 36 startups.",
        ),
        "link_url": "https://www.startup-mitteldeutschland.de/",
        "sort_order": 30,
    },
    {
        "name": same("HYPOS"),
        "logo": ImageRef("logo-hypos"),
        "logo_alt_text": Text(
            "Logo von HYPOS – Hydrogen Power Storage & Solutions East Germany",
            "Logo of HYPOS – Hydrogen Power Storage & Solutions East Germany",
        ),
        "short_text": Text(
            "Hydrogen Power Storage & Solutions East Germany: Das Konsortium für grünen "
            "Wasserstoff wurde am 30. Oktober 2013 als Verein gegründet und zählte 2023 mehr "
            "als 170 Mitglieder.",
            "Hydrogen Power Storage & Solutions East Germany: the green-hydrogen consortium was "
            "founded as an association on 30 October 2013 and had more than 170 members in "
            "2023.",
        ),
        "link_url": "https://www.hypos-eastgermany.de/",
        "sort_order": 40,
    },
    {
        "name": same("EXPO REAL"),
        "logo": ImageRef("logo-expo-real"),
        "logo_alt_text": Text(
            "Logo des Gemeinschaftsstands Mitteldeutschland auf der EXPO REAL",
            "Logo of the Central Germany joint stand at EXPO REAL",
        ),
        "short_text": Text(
            "Der Gemeinschaftsstand der Region auf der Immobilienmesse in München: 2019 "
            "präsentierten sich dort 39 Aussteller auf 230 m².",
            "The region's joint stand at the property trade fair in Munich: in 2019, 39 "
            "exhibitors presented themselves there on 230 m².",
        ),
        "link_url": "https://exporeal.net/",
        "sort_order": 50,
    },
]


# Site settings (not translated: menu and footer labels are the pages' localized titles).

PORTAL_SETTINGS = {
    "logo": ImageRef("portal-logo"),
    "organisation_name": ORGANISATION,
    "street": STREET,
    "postcode": POSTCODE,
    "city": CITY,
    "phone": PHONE,
    "email": EMAIL,
    # (slug, position); the apps' demo steps add theirs in between (see MAIN_MENU_POSITIONS).
    "main_menu": [
        ("entwicklung-und-effekte-von-clustern", MAIN_MENU_POSITIONS["background"]),
        ("ueber-uns", MAIN_MENU_POSITIONS["about"]),
    ],
    "footer_links": ["kontakt", "impressum", "datenschutz", "barrierefreiheit"],
    "social_links": [
        ("linkedin", "https://www.linkedin.com/company/metropolregion-mitteldeutschland/"),
        ("youtube", "https://www.youtube.com/@metropolregionmitteldeutschland"),
    ],
}
