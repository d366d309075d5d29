"""Demo content of the pool: two pool pages and about thirty sites and halls, German and English.

The figures follow the project's research notes (FACTS.md): Espenhain 139.5 / 14.3 ha,
Großkayna-Frankleben 47.1 / 21.9 ha, Braunsbedra 26.6 / 15.7 ha, Brehnaer Straße in
Bitterfeld-Wolfen 1.4 / 1.4 ha, Star Park Halle 230 ha near the A14 and A9, four halls in
Kabelsketal of about 49,000 m², about 40,000 m² of halls in Bitterfeld-Wolfen, rents of 5 to
16 EUR per m² and month. Everything else (streets, prices, dates) is plausible but invented,
and the texts say so where a visitor could take them for an offer.

The home app's demo created stand-in standard pages at `gewerbeflaechen` and `hallenobjekte`;
they are replaced here by the pool pages (their main-menu entries are recreated at the same
positions). The steps are idempotent: a second run finds every object and changes nothing.
"""

from datetime import date
from decimal import Decimal

from django.utils.text import slugify

from wagtail.models import Page

from home import demo_content as home_demo
from home.demo_content import ORGANISATION, PHONE, Text, paragraph, same
from home.management.commands.load_demo_content import TARGET_LANGUAGE, Tally
from home.models import ContactPerson, FederalState, HomePage, MainMenuItem, PortalSettings

from .models import Kind, LocationIndexPage, LocationPage, Zoning, format_point

POOLS = [
    {
        "key": "sites",
        "kind": Kind.SITE,
        "slug": Text("gewerbeflaechen", "commercial-sites"),
        "title": Text("Gewerbeflächen", "Commercial sites"),
        "intro": Text(
            "Freie Industrie- und Gewerbeflächen in Sachsen, Sachsen-Anhalt und Thüringen, "
            "gemeldet von den Wirtschaftsförderungen der Region. Filtern Sie nach Größe, Lage "
            "und Planungsrecht – als Liste oder auf der Karte.",
            "Available industrial and commercial sites in Saxony, Saxony-Anhalt and Thuringia, "
            "reported by the region's economic development agencies. Filter by size, location "
            "and zoning – as a list or on the map.",
        ),
        "search_description": Text(
            "Industrie- und Gewerbeflächen in Mitteldeutschland: Größe, Planungsrecht, Preise "
            "und Lage.",
            "Industrial and commercial sites in Central Germany: size, zoning, prices and "
            "location.",
        ),
    },
    {
        "key": "halls",
        "kind": Kind.HALL,
        "slug": Text("hallenobjekte", "halls"),
        "title": Text("Hallenobjekte", "Halls"),
        "intro": Text(
            "Produktions-, Lager- und Logistikhallen in Mitteldeutschland: Bestandsobjekte zum "
            "sofortigen Bezug und Neubauprojekte, mit Hallenfläche, Höhe und Ausstattung.",
            "Production, storage and logistics halls in Central Germany: existing buildings "
            "ready to move into and new-build projects, with floor space, height and fittings.",
        ),
        "search_description": Text(
            "Hallen für Produktion, Lager und Logistik in Mitteldeutschland.",
            "Halls for production, storage and logistics in Central Germany.",
        ),
    },
]

CONTACT = {
    "name": Text("Team Standortmarketing", "Site marketing team"),
    "role": Text("Ansprechpartner für Investoren", "Contact for investors"),
    "organisation": same(ORGANISATION),
    "phone": same(PHONE),
    "email": "standorte@mitteldeutschland.example",
}

SUBSIDY_GRW = Text(
    "Förderfähig nach der Gemeinschaftsaufgabe „Verbesserung der regionalen "
    "Wirtschaftsstruktur“ (GRW); die Förderquote hängt von Unternehmensgröße und "
    "Investitionsvorhaben ab.",
    "Eligible for funding under the joint federal and state programme for regional economic "
    "structure (GRW); the rate depends on company size and the investment project.",
)
SUBSIDY_PRICE = Text(
    "Preis mit Förderung 8,50 EUR/m², ohne Förderung 10,00 EUR/m².",
    "Price with subsidy EUR 8.50 per m², without subsidy EUR 10.00 per m².",
)
SUBSIDY_REVIER = Text(
    "Im Mitteldeutschen Revier: Vorhaben des Strukturwandels werden vorrangig gefördert.",
    "In the Central German lignite district: structural-change projects receive priority funding.",
)
DEMO_NOTE = Text(
    "Die Angaben dieses Demo-Eintrags sind teils erfunden; bitte fragen Sie die zuständige "
    "Wirtschaftsförderung nach dem aktuellen Stand.",
    "Some details of this demo listing are invented; please ask the responsible economic "
    "development agency for the current status.",
)

SN, ST, TH = "SN", "ST", "TH"


def site(
    title,
    summary,
    *,
    city,
    postcode,
    district,
    state,
    point,
    total,
    available,
    zoning,
    price=None,
    motorway=("", None),
    airport=None,
    rail=None,
    subsidy=None,
    available_from=None,
    street="",
):
    return {
        "kind": Kind.SITE,
        "title": title,
        "summary": summary,
        "street": street,
        "city": city,
        "postcode": postcode,
        "district": district,
        "state": state,
        "point": point,
        "total_area_ha": Decimal(str(total)),
        "available_area_ha": Decimal(str(available)),
        "zoning": zoning,
        "price": price,
        "motorway": motorway,
        "airport": airport,
        "rail": rail,
        "subsidy": subsidy,
        "available_from": available_from,
    }


def hall(
    title,
    summary,
    *,
    city,
    postcode,
    district,
    state,
    point,
    floor,
    zoning,
    height,
    load=None,
    docks=None,
    office=None,
    price=None,
    motorway=("", None),
    airport=None,
    rail=None,
    subsidy=None,
    available_from=None,
    street="",
):
    return {
        "kind": Kind.HALL,
        "title": title,
        "summary": summary,
        "street": street,
        "city": city,
        "postcode": postcode,
        "district": district,
        "state": state,
        "point": point,
        "floor_space_m2": floor,
        "hall_height_m": Decimal(str(height)),
        "floor_load_t_m2": Decimal(str(load)) if load is not None else None,
        "loading_docks": docks,
        "office_space_m2": office,
        "zoning": zoning,
        "price": price,
        "motorway": motorway,
        "airport": airport,
        "rail": rail,
        "subsidy": subsidy,
        "available_from": available_from,
    }


SITES = [
    site(
        Text("Star Park Halle (Saale)", "Star Park Halle (Saale)"),
        Text(
            "Rund 230 ha großes Industriegebiet am Autobahnkreuz von A14 und A9, für "
            "großflächige Ansiedlungen aus Logistik und Produktion.",
            "Industrial estate of around 230 ha at the junction of the A14 and A9, for "
            "large-scale logistics and production.",
        ),
        city="Halle (Saale)",
        postcode="06112",
        district="Halle (Saale)",
        state=ST,
        point=(51.474, 12.075),
        total=230,
        available=42.5,
        zoning=Zoning.GI,
        motorway=("A14", "1.5"),
        airport="14",
        rail="4",
        subsidy=SUBSIDY_GRW,
    ),
    site(
        Text("Industriepark Espenhain", "Espenhain Industrial Park"),
        Text(
            "Ehemaliger Kraftwerksstandort südlich von Leipzig mit 139,5 ha, davon 14,3 ha "
            "noch frei; Gleisanschluss und Medien vorhanden.",
            "Former power-station site south of Leipzig covering 139.5 ha, of which 14.3 ha "
            "are still free; rail siding and utilities in place.",
        ),
        city="Rötha",
        postcode="04571",
        district="Landkreis Leipzig",
        state=SN,
        point=(51.190, 12.472),
        total=139.5,
        available=14.3,
        zoning=Zoning.GI,
        price=Decimal("8.50"),
        motorway=("A38", "8"),
        airport="38",
        rail="0.5",
        subsidy=SUBSIDY_PRICE,
    ),
    site(
        Text("Gewerbegebiet Großkayna-Frankleben", "Großkayna-Frankleben business park"),
        Text(
            "47,1 ha am Geiseltalsee zwischen Merseburg und Braunsbedra, 21,9 ha davon verfügbar.",
            "47.1 ha by Lake Geiseltal between Merseburg and Braunsbedra, 21.9 ha of them "
            "available.",
        ),
        city="Braunsbedra",
        postcode="06242",
        district="Saalekreis",
        state=ST,
        point=(51.305, 11.935),
        total=47.1,
        available=21.9,
        zoning=Zoning.GI,
        price=Decimal("10.00"),
        motorway=("A38", "6"),
        airport="30",
        rail="3",
        subsidy=SUBSIDY_REVIER,
    ),
    site(
        Text("Industriegebiet Braunsbedra", "Braunsbedra industrial estate"),
        Text(
            "26,6 ha erschlossene Industriefläche im Geiseltal, 15,7 ha frei, teilbar ab 1 ha.",
            "26.6 ha of developed industrial land in the Geisel valley, 15.7 ha free, "
            "divisible from 1 ha.",
        ),
        city="Braunsbedra",
        postcode="06242",
        district="Saalekreis",
        state=ST,
        point=(51.284, 11.889),
        total=26.6,
        available=15.7,
        zoning=Zoning.GI,
        price=Decimal("9.00"),
        motorway=("A38", "9"),
        airport="35",
        rail="2",
        subsidy=SUBSIDY_REVIER,
    ),
    site(
        Text("Brehnaer Straße, Bitterfeld-Wolfen", "Brehnaer Straße, Bitterfeld-Wolfen"),
        Text(
            "Kompakte Gewerbefläche von 1,4 ha für Handwerk und Dienstleistung, sofort bebaubar.",
            "Compact commercial plot of 1.4 ha for trades and services, ready to build on.",
        ),
        street="Brehnaer Straße",
        city="Bitterfeld-Wolfen",
        postcode="06749",
        district="Anhalt-Bitterfeld",
        state=ST,
        point=(51.612, 12.318),
        total=1.4,
        available=1.4,
        zoning=Zoning.GE,
        price=Decimal("12.00"),
        motorway=("A9", "7"),
        airport="30",
        rail="2",
    ),
    site(
        Text("Chemiepark Bitterfeld-Wolfen, Areal A", "Bitterfeld-Wolfen Chemical Park, area A"),
        Text(
            "Industrieflächen im Chemiepark mit Anschluss an Rohrleitungen, Dampf und "
            "Industriewasser.",
            "Industrial land in the chemical park connected to pipelines, steam and process water.",
        ),
        city="Bitterfeld-Wolfen",
        postcode="06766",
        district="Anhalt-Bitterfeld",
        state=ST,
        point=(51.641, 12.296),
        total=60,
        available=12,
        zoning=Zoning.GI,
        motorway=("A9", "6"),
        airport="32",
        rail="1",
        subsidy=SUBSIDY_GRW,
    ),
    site(
        Text("Chemiestandort Leuna", "Leuna chemical site"),
        Text(
            "Flächen im Verbund des Chemiestandorts Leuna mit Zugang zu Grundstoffen und "
            "Energieversorgung.",
            "Plots within the Leuna chemical complex with access to raw materials and energy "
            "supply.",
        ),
        city="Leuna",
        postcode="06237",
        district="Saalekreis",
        state=ST,
        point=(51.317, 12.017),
        total=30,
        available=6.5,
        zoning=Zoning.GI,
        motorway=("A9", "5"),
        airport="25",
        rail="1",
        subsidy=SUBSIDY_GRW,
    ),
    site(
        Text("ValuePark Schkopau", "ValuePark Schkopau"),
        Text(
            "Industriepark für die Kunststoffverarbeitung direkt neben der Polymerproduktion.",
            "Industrial park for plastics processing right next to polymer production.",
        ),
        city="Schkopau",
        postcode="06258",
        district="Saalekreis",
        state=ST,
        point=(51.383, 11.967),
        total=23,
        available=9,
        zoning=Zoning.GI,
        price=Decimal("11.50"),
        motorway=("A38", "10"),
        airport="20",
        rail="1",
    ),
    site(
        Text("Chemie- und Industriepark Zeitz", "Zeitz Chemical and Industrial Park"),
        Text(
            "Gewachsener Chemiestandort im Burgenlandkreis mit freien Flächen für "
            "Bioökonomie und Chemie.",
            "Established chemical site in the Burgenland district with free land for the "
            "bioeconomy and chemistry.",
        ),
        city="Elsteraue",
        postcode="06729",
        district="Burgenlandkreis",
        state=ST,
        point=(51.071, 12.155),
        total=45,
        available=18,
        zoning=Zoning.GI,
        price=Decimal("7.50"),
        motorway=("A9", "18"),
        airport="55",
        rail="0.5",
        subsidy=SUBSIDY_REVIER,
    ),
    site(
        Text("Technologiepark Jena-Göschwitz", "Jena-Göschwitz technology park"),
        Text(
            "Flächen für Optik, Photonik und Medizintechnik im Süden Jenas, nahe Universität "
            "und Forschungsinstituten.",
            "Land for optics, photonics and medical technology in the south of Jena, close to "
            "the university and research institutes.",
        ),
        city="Jena",
        postcode="07745",
        district="Jena",
        state=TH,
        point=(50.884, 11.597),
        total=12,
        available=3.2,
        zoning=Zoning.SO,
        price=Decimal("45.00"),
        motorway=("A4", "4"),
        airport="60",
        rail="1",
    ),
    site(
        Text("Industriegebiet Gera-Cretzschwitz", "Gera-Cretzschwitz industrial estate"),
        Text(
            "Großflächiges Industriegebiet im Norden Geras mit guter Anbindung an die A4 und A9.",
            "Large industrial estate in the north of Gera with good access to the A4 and A9.",
        ),
        city="Gera",
        postcode="07554",
        district="Gera",
        state=TH,
        point=(50.921, 12.117),
        total=28,
        available=11,
        zoning=Zoning.GI,
        price=Decimal("14.00"),
        motorway=("A4", "6"),
        airport="70",
        rail="3",
        subsidy=SUBSIDY_GRW,
    ),
    site(
        Text("Güterverkehrszentrum Erfurt", "Erfurt freight village"),
        Text(
            "Logistikflächen am Güterverkehrszentrum mit KV-Terminal zwischen Schiene und Straße.",
            "Logistics land at the freight village with a road-rail container terminal.",
        ),
        city="Erfurt",
        postcode="99092",
        district="Erfurt",
        state=TH,
        point=(50.946, 10.951),
        total=24,
        available=6,
        zoning=Zoning.GI,
        price=Decimal("25.00"),
        motorway=("A71", "3"),
        airport="5",
        rail="0.2",
    ),
    site(
        Text("Gewerbegebiet Dresden-Airportpark", "Dresden Airportpark business park"),
        Text(
            "Gewerbeflächen am Flughafen Dresden im Umfeld der Mikroelektronik im Dresdner Norden.",
            "Commercial land at Dresden airport, near the microelectronics companies in "
            "northern Dresden.",
        ),
        city="Dresden",
        postcode="01109",
        district="Dresden",
        state=SN,
        point=(51.128, 13.762),
        total=18,
        available=4.5,
        zoning=Zoning.GE,
        price=Decimal("65.00"),
        motorway=("A4", "2"),
        airport="1",
        rail="2",
        available_from=date(2026, 1, 1),
    ),
    site(
        Text("Gewerbegebiet Chemnitz-Südring", "Chemnitz-Südring business park"),
        Text(
            "Gewerbeflächen am Südring für Zulieferer des Fahrzeug- und Maschinenbaus.",
            "Commercial land on the southern ring road for suppliers to the automotive and "
            "engineering industries.",
        ),
        city="Chemnitz",
        postcode="09126",
        district="Chemnitz",
        state=SN,
        point=(50.806, 12.934),
        total=15,
        available=5,
        zoning=Zoning.GE,
        price=Decimal("32.00"),
        motorway=("A72", "3"),
        airport="75",
        rail="4",
    ),
    site(
        Text(
            "Industrie- und Logistikpark Magdeburg-Rothensee",
            "Magdeburg-Rothensee industrial and logistics park",
        ),
        Text(
            "Flächen am Hafen Magdeburg mit trimodaler Anbindung an Wasserstraße, Schiene und "
            "Autobahn.",
            "Land at the port of Magdeburg with trimodal access by waterway, rail and motorway.",
        ),
        city="Magdeburg",
        postcode="39126",
        district="Magdeburg",
        state=ST,
        point=(52.181, 11.664),
        total=30,
        available=8,
        zoning=Zoning.GI,
        price=Decimal("18.00"),
        motorway=("A2", "3"),
        airport="100",
        rail="0.5",
    ),
    site(
        Text("Gewerbegebiet Leipzig-Nord", "Leipzig-Nord business park"),
        Text(
            "Gewerbeflächen im Leipziger Norden in der Nachbarschaft der Automobilwerke und "
            "des Flughafens.",
            "Commercial land in the north of Leipzig, near the car plants and the airport.",
        ),
        city="Leipzig",
        postcode="04356",
        district="Leipzig",
        state=SN,
        point=(51.412, 12.405),
        total=40,
        available=7,
        zoning=Zoning.GE,
        price=Decimal("55.00"),
        motorway=("A14", "2"),
        airport="10",
        rail="3",
    ),
    site(
        Text("Industriestandort Böhlen-Lippendorf", "Böhlen-Lippendorf industrial site"),
        Text(
            "Industrieflächen am Chemie- und Energiestandort Böhlen-Lippendorf im "
            "Mitteldeutschen Revier.",
            "Industrial land at the Böhlen-Lippendorf chemical and energy site in the "
            "Central German lignite district.",
        ),
        city="Böhlen",
        postcode="04564",
        district="Landkreis Leipzig",
        state=SN,
        point=(51.200, 12.383),
        total=35,
        available=12,
        zoning=Zoning.GI,
        price=Decimal("9.50"),
        motorway=("A72", "5"),
        airport="35",
        rail="1",
        subsidy=SUBSIDY_REVIER,
        available_from=date(2026, 7, 1),
    ),
    site(
        Text("Gewerbegebiet Dessau-Roßlau Mitte", "Dessau-Roßlau Mitte business park"),
        Text(
            "Mischgebiet am Rand der Innenstadt für Dienstleistung, Handwerk und Büros.",
            "Mixed-use area on the edge of the city centre for services, trades and offices.",
        ),
        city="Dessau-Roßlau",
        postcode="06844",
        district="Dessau-Roßlau",
        state=ST,
        point=(51.830, 12.228),
        total=10,
        available=3,
        zoning=Zoning.MI,
        price=Decimal("28.00"),
        motorway=("A9", "5"),
        airport="60",
        rail="1",
    ),
]

HALLS = [
    hall(
        Text(
            f"Logistikzentrum Kabelsketal, Halle {number}",
            f"Kabelsketal logistics centre, hall {number}",
        ),
        Text(
            f"Halle {number} von vier Logistikhallen in Kabelsketal (zusammen rund 49.000 m²), "
            "zwischen Halle und Leipzig an der A14.",
            f"Hall {number} of four logistics halls in Kabelsketal (around 49,000 m² in total), "
            "between Halle and Leipzig on the A14.",
        ),
        city="Kabelsketal",
        postcode="06184",
        district="Saalekreis",
        state=ST,
        point=point,
        floor=floor,
        zoning=Zoning.GI,
        height=12,
        load=5,
        docks=docks,
        office=office,
        price=Decimal("5.20"),
        motorway=("A14", "2"),
        airport="8",
        rail="6",
        available_from=available_from,
    )
    for number, point, floor, docks, office, available_from in [
        (1, (51.441, 12.071), 14_000, 14, 400, None),
        (2, (51.443, 12.076), 12_500, 12, 350, None),
        (3, (51.439, 12.080), 11_000, 10, 300, date(2026, 4, 1)),
        (4, (51.437, 12.074), 11_500, 11, 300, date(2026, 10, 1)),
    ]
] + [
    hall(
        Text("Produktionshallen Bitterfeld-Wolfen", "Bitterfeld-Wolfen production halls"),
        Text(
            "Rund 40.000 m² Hallenfläche im Chemiepark, teilbar und mit Kranbahnen.",
            "Around 40,000 m² of hall space in the chemical park, divisible and with crane "
            "runways.",
        ),
        city="Bitterfeld-Wolfen",
        postcode="06766",
        district="Anhalt-Bitterfeld",
        state=ST,
        point=(51.634, 12.287),
        floor=40_000,
        zoning=Zoning.GI,
        height=10,
        load=10,
        docks=6,
        office=1_200,
        motorway=("A9", "7"),
        airport="32",
        rail="1",
        subsidy=SUBSIDY_GRW,
    ),
    hall(
        Text("Logistikhalle Star Park", "Star Park logistics hall"),
        Text(
            "Neubau einer Logistikhalle im Star Park Halle, direkt am Autobahnkreuz A14/A9.",
            "New-build logistics hall at Star Park Halle, right at the A14/A9 junction.",
        ),
        city="Halle (Saale)",
        postcode="06112",
        district="Halle (Saale)",
        state=ST,
        point=(51.470, 12.083),
        floor=25_000,
        zoning=Zoning.GI,
        height=12.2,
        load=5,
        docks=24,
        office=600,
        price=Decimal("5.60"),
        motorway=("A14", "1"),
        airport="14",
        rail="4",
        available_from=date(2026, 9, 1),
    ),
    hall(
        Text("Logistikhalle Leipzig-Nord", "Leipzig-Nord logistics hall"),
        Text(
            "Bestandshalle mit Rampen und Freiflächen im Leipziger Norden.",
            "Existing hall with loading ramps and yard space in the north of Leipzig.",
        ),
        city="Leipzig",
        postcode="04356",
        district="Leipzig",
        state=SN,
        point=(51.418, 12.392),
        floor=18_000,
        zoning=Zoning.GE,
        height=10,
        load=5,
        docks=16,
        office=450,
        price=Decimal("6.50"),
        motorway=("A14", "3"),
        airport="9",
        rail="4",
    ),
    hall(
        Text("Produktionshalle Jena-Göschwitz", "Jena-Göschwitz production hall"),
        Text(
            "Produktionshalle mit Reinraumoption für Optik und Feinwerktechnik.",
            "Production hall with a clean-room option for optics and precision engineering.",
        ),
        city="Jena",
        postcode="07745",
        district="Jena",
        state=TH,
        point=(50.890, 11.594),
        floor=4_800,
        zoning=Zoning.GE,
        height=7.5,
        load=2.5,
        docks=2,
        office=900,
        price=Decimal("8.90"),
        motorway=("A4", "4"),
        airport="60",
        rail="1",
    ),
    hall(
        Text("Gewerbehalle Gera-Langenberg", "Gera-Langenberg commercial hall"),
        Text(
            "Gewerbehalle mit Büroanbau für Fertigung und Lager im Norden Geras.",
            "Commercial hall with an office wing for manufacturing and storage in northern Gera.",
        ),
        city="Gera",
        postcode="07552",
        district="Gera",
        state=TH,
        point=(50.915, 12.095),
        floor=7_500,
        zoning=Zoning.GI,
        height=8,
        load=3,
        docks=4,
        office=500,
        price=Decimal("4.80"),
        motorway=("A4", "7"),
        airport="70",
        rail="2",
    ),
    hall(
        Text("Cross-Dock-Halle GVZ Erfurt", "Cross-dock hall at Erfurt freight village"),
        Text(
            "Umschlaghalle mit beidseitigen Toren am Güterverkehrszentrum Erfurt.",
            "Cross-dock hall with doors on both sides at the Erfurt freight village.",
        ),
        city="Erfurt",
        postcode="99092",
        district="Erfurt",
        state=TH,
        point=(50.949, 10.946),
        floor=12_000,
        zoning=Zoning.GI,
        height=10,
        load=5,
        docks=40,
        office=300,
        price=Decimal("5.60"),
        motorway=("A71", "3"),
        airport="5",
        rail="0.2",
    ),
    hall(
        Text("Fertigungshalle Chemnitz-Nord", "Chemnitz-Nord manufacturing hall"),
        Text(
            "Fertigungshalle mit 10-t-Kran, geeignet für Maschinenbau und Metallverarbeitung.",
            "Manufacturing hall with a 10-tonne crane, suited to engineering and metalworking.",
        ),
        city="Chemnitz",
        postcode="09114",
        district="Chemnitz",
        state=SN,
        point=(50.857, 12.948),
        floor=6_200,
        zoning=Zoning.GE,
        height=9,
        load=5,
        docks=2,
        office=400,
        price=Decimal("5.10"),
        motorway=("A4", "3"),
        airport="75",
        rail="3",
    ),
    hall(
        Text("Hafenhalle Magdeburg", "Magdeburg port hall"),
        Text(
            "Lagerhalle am Magdeburger Hafen mit Anschluss an Schiff und Schiene.",
            "Warehouse at the port of Magdeburg with ship and rail connections.",
        ),
        city="Magdeburg",
        postcode="39126",
        district="Magdeburg",
        state=ST,
        point=(52.175, 11.672),
        floor=9_000,
        zoning=Zoning.GI,
        height=11,
        load=6,
        docks=8,
        office=250,
        motorway=("A2", "4"),
        airport="100",
        rail="0.3",
    ),
    hall(
        Text("Hightech-Halle Dresden-Klotzsche", "Dresden-Klotzsche high-tech hall"),
        Text(
            "Moderne Halle mit Büro- und Laborflächen in der Nachbarschaft der Halbleiterwerke.",
            "Modern hall with office and laboratory space next to the semiconductor plants.",
        ),
        city="Dresden",
        postcode="01109",
        district="Dresden",
        state=SN,
        point=(51.134, 13.771),
        floor=5_500,
        zoning=Zoning.GE,
        height=8,
        load=3,
        docks=2,
        office=1_500,
        price=Decimal("12.50"),
        motorway=("A4", "2"),
        airport="2",
        rail="1",
    ),
    hall(
        Text("Lagerhalle Schkopau", "Schkopau warehouse"),
        Text(
            "Kleinere Lagerhalle im ValuePark, geeignet für Ersatzteil- und Materiallager.",
            "Smaller warehouse in the ValuePark, suited to spare-parts and materials storage.",
        ),
        city="Schkopau",
        postcode="06258",
        district="Saalekreis",
        state=ST,
        point=(51.388, 11.961),
        floor=3_200,
        zoning=Zoning.GI,
        height=7,
        load=2,
        docks=2,
        office=80,
        price=Decimal("4.20"),
        motorway=("A38", "10"),
        airport="20",
        rail="1",
    ),
]

GERMAN_SLUGS = {
    "ä": "ae",
    "ö": "oe",
    "ü": "ue",
    "ß": "ss",
}


def german_slug(title):
    text = title.lower()
    for umlaut, spelled in GERMAN_SLUGS.items():
        text = text.replace(umlaut, spelled)
    return slugify(text)


def location_texts(spec):
    """Every translatable text of a location, as (German, English) pairs."""
    title = spec["title"]
    slug = Text(german_slug(title.de), slugify(title.en))
    where = spec["city"]
    if spec["district"] != spec["city"]:
        where = f"{spec['city']} ({spec['district']})"
    description = [
        paragraph(
            spec["summary"],
            Text(
                f"{title.de} liegt in {where}. Die Wirtschaftsförderung vor Ort vermittelt "
                "Besichtigungen und informiert über Planungsrecht und Erschließung.",
                f"{title.en} is located in {where}. The local economic development agency "
                "arranges viewings and explains zoning and utilities.",
            ),
            DEMO_NOTE,
        )
    ]
    return {"title": title, "slug": slug, "summary": spec["summary"], "description": description}


def steps(command):
    state = {"pools": {}}
    specs = [("sites", spec) for spec in SITES] + [("halls", spec) for spec in HALLS]
    command.add_english([POOLS, CONTACT, [location_texts(spec) for _pool, spec in specs]])
    command.add_english([SUBSIDY_GRW, SUBSIDY_PRICE, SUBSIDY_REVIER])

    def load_pools():
        tally = Tally()
        home = command.german_home()
        settings = PortalSettings.objects.filter(site__root_page=home).first()
        for spec in POOLS:
            slug = spec["slug"].de
            existing = home.get_children().filter(slug=slug).specific().first()
            if isinstance(existing, LocationIndexPage):
                state["pools"][spec["key"]] = existing
                tally.present += 1
                continue
            menu_positions = []
            if existing is not None:
                # A stand-in page of the home app's demo: replace it, keeping its menu place.
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
                    menu_positions = [home_demo.MAIN_MENU_POSITIONS[spec["key"]]]
                for position in menu_positions:
                    MainMenuItem.objects.create(settings=settings, page=pool, sort_order=position)
            state["pools"][spec["key"]] = pool
            tally.created += 1
        return tally

    def load_contact():
        tally = Tally()
        german = command.german_home().locale
        contact = ContactPerson.objects.filter(locale=german, name=CONTACT["name"].de).first()
        if contact is None:
            contact = ContactPerson(
                locale=german,
                name=CONTACT["name"].de,
                role=CONTACT["role"].de,
                organisation=CONTACT["organisation"].de,
                phone=CONTACT["phone"].de,
                email=CONTACT["email"],
            )
            contact.full_clean()
            contact.save()
            contact.save_revision().publish()
            tally.created += 1
        else:
            tally.present += 1
        state["contact"] = contact
        return tally

    def load_locations():
        tally = Tally()
        states = {state.code: state for state in FederalState.objects.all()}
        for pool_key, spec in specs:
            pool = state["pools"][pool_key]
            texts = location_texts(spec)
            if pool.get_children().filter(slug=texts["slug"].de).exists():
                tally.present += 1
                continue
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
                contact_person=state["contact"],
                description=command.stream(texts["description"]),
            )
            for field in (
                "total_area_ha",
                "available_area_ha",
                "floor_space_m2",
                "hall_height_m",
                "floor_load_t_m2",
                "loading_docks",
                "office_space_m2",
            ):
                if field in spec:
                    setattr(page, field, spec[field])
            pool.add_child(instance=page)
            page.full_clean()
            page.save_revision().publish()
            tally.created += 1
        return tally

    def translate_all():
        tally = Tally()
        command.translate(state["contact"], tally)
        for spec in POOLS:
            pool = state["pools"][spec["key"]]
            command.translate(Page.objects.get(pk=pool.pk).specific, tally)
        for pool_key, spec in specs:
            pool = state["pools"][pool_key]
            slug = location_texts(spec)["slug"].de
            page = pool.get_children().get(slug=slug)
            command.translate(Page.objects.get(pk=page.pk).specific, tally)
        return tally

    def link_home_pages():
        tally = Tally()
        german_home = command.german_home()
        pools = state["pools"]
        english_locale = command.locales[TARGET_LANGUAGE]
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

    return [
        ("Location pools (de)", load_pools),
        ("Location contact person (de)", load_contact),
        ("Commercial sites and halls (de)", load_locations),
        ("English pools, sites and halls (wagtail-localize)", translate_all),
        ("Home page pool links", link_home_pages),
    ]
