"""The events calendar's public pages: list, archive, filters, calendar, bad input, queries."""

import datetime as dt

from django.utils import timezone

import pytest
from bs4 import BeautifulSoup

from events.factories import EventPageFactory, aware

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def titles(page_soup):
    return [a.get_text(strip=True) for a in page_soup.select(".event-item__title a")]


@pytest.fixture
def programme(index_page, categories, future):
    now = timezone.localtime()
    return {
        "past": EventPageFactory(
            parent=index_page,
            title="FORUM 2019",
            start=aware(2019, 3, 4, 10),
            end=aware(2019, 3, 4, 17),
            categories=[categories["wirtschaft"]],
            city="Böhlen",
        ),
        "yesterday": EventPageFactory(
            parent=index_page,
            title="Gestern",
            start=now - dt.timedelta(days=1, hours=2),
            end=now - dt.timedelta(days=1),
            categories=[categories["kultur"]],
        ),
        "science": EventPageFactory(
            parent=index_page,
            title="Lange Nacht",
            start=future,
            categories=[categories["wissenschaft"]],
            city="Halle (Saale)",
        ),
        "sport": EventPageFactory(
            parent=index_page,
            title="Firmenstaffel",
            start=future + dt.timedelta(days=40),
            categories=[categories["sport"]],
            city="Jena",
        ),
    }


def test_upcoming_list_shows_future_events_in_order(client, programme):
    page = soup(client.get("/de/termine/"))
    assert titles(page) == ["Lange Nacht", "Firmenstaffel"]
    assert page.select_one("h1").get_text(strip=True) == "Termine"
    assert page.select_one('.events-views a[aria-current="page"]')["href"] == "/de/termine/"


def test_archive_lists_past_events_newest_first(client, programme):
    page = soup(client.get("/de/termine/archiv/"))
    assert titles(page) == ["Gestern", "FORUM 2019"]
    assert soup(client.get("/de/termine/archive/")).select(".event-item")  # English address too


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("category=sport", ["Firmenstaffel"]),
        ("city=Jena", ["Firmenstaffel"]),
        ("q=lange", ["Lange Nacht"]),
        ("state=SN", []),
        ("category=kultur", []),
    ],
)
def test_filters_narrow_the_list(client, programme, query, expected):
    page = soup(client.get(f"/de/termine/?{query}"))
    assert titles(page) == expected
    assert not page.select(".notice")


def test_month_and_date_range_filters(client, programme, future):
    month = f"{future:%Y-%m}"
    assert "Lange Nacht" in titles(soup(client.get(f"/de/termine/?month={month}")))
    day = timezone.localtime(future).date()
    page = soup(client.get(f"/de/termine/?from_date={day + dt.timedelta(days=1)}"))
    assert titles(page) == ["Firmenstaffel"]
    page = soup(client.get(f"/de/termine/?to_date={day:%d.%m.%Y}"))
    assert titles(page) == ["Lange Nacht"]
    page = soup(client.get("/de/termine/archiv/?month=2019-03"))
    assert titles(page) == ["FORUM 2019"]


def test_federal_state_filter(client, programme, index_page):
    from portal.models import FederalState

    sport = programme["sport"]
    sport.federal_state = FederalState.objects.get(code="TH")
    sport.save_revision().publish()
    assert titles(soup(client.get("/de/termine/?state=TH"))) == ["Firmenstaffel"]


MALFORMED = [
    ("page=abc", "Seite"),
    ("page=0", "Seite"),
    ("page=-3", "Seite"),
    ("page=1e10", "Seite"),
    ("page=999999999999999999999", "Seite"),
    ("month=2027-13", None),
    ("month=27-3", None),
    ("month=0000-01", None),
    ("month=99999-01", None),
    ("month=2027-02-30", None),
    ("from_date=2027-02-30", None),
    ("from_date=yesterday", None),
    ("to_date=31.02.2027", None),
    ("from_date=9999-12-31", None),
    ("from_date=2027-05-01&to_date=2027-04-01", None),
    ("category=%3Cscript%3Ealert(1)%3C/script%3E", None),
    ("category=nope", None),
    ("state=XX", None),
    ("city=Atlantis", None),
    ("q=%00", None),
    ("q=" + "x" * 300, None),
    ("month=%F0%9F%92%A5", None),
]


@pytest.mark.parametrize(("query", "label"), MALFORMED)
def test_malformed_input_is_ignored_with_a_notice(client, programme, query, label):
    for path in ("/de/termine/", "/de/termine/archiv/"):
        response = client.get(f"{path}?{query}")
        page = soup(response)
        notice = page.select_one('.notice[role="status"]')
        assert notice is not None, (path, query)
        if label:
            assert label in notice.get_text()
        assert "<script>alert" not in response.content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/de/termine/kalender/2027/13/",
        "/de/termine/kalender/2027/0/",
        "/de/termine/kalender/0/1/",
        "/de/termine/kalender/999999/1/",
        "/de/termine/kalender/2027/abc/",
        "/de/termine/ical/keine-kategorie/",
    ],
)
def test_impossible_calendar_months_and_feeds_are_404(client, programme, path):
    assert client.get(path).status_code == 404


def test_calendar_ignores_bad_filters_with_a_notice(client, programme):
    page = soup(client.get("/de/termine/kalender/2027/03/?category=nope&page=x"))
    assert page.select_one('.notice[role="status"]')


def test_pagination_keeps_the_filters(client, make_events):
    make_events(30, city="Gera")
    page = soup(client.get("/de/termine/?city=Gera"))
    assert len(page.select(".event-item")) == 12
    next_link = page.select_one('.pagination a[rel="next"]')["href"]
    assert "city=Gera" in next_link and "page=2" in next_link
    last = soup(client.get("/de/termine/?city=Gera&page=3"))
    assert len(last.select(".event-item")) == 6


def test_calendar_month_is_an_accessible_table(client, index_page, categories):
    EventPageFactory(
        parent=index_page,
        title="Messe",
        start=aware(2027, 10, 4),
        end=aware(2027, 10, 6),
        all_day=True,
        categories=[categories["wirtschaft"]],
    )
    EventPageFactory(parent=index_page, title="Konzert", start=aware(2027, 10, 20, 19, 30))
    page = soup(client.get("/de/termine/kalender/2027/10/"))
    table = page.select_one("table.events-calendar")
    assert "Oktober 2027" in table.caption.get_text()
    headers = table.select('thead th[scope="col"]')
    assert len(headers) == 7 and headers[0].abbr["title"] == "Montag"
    busy = table.select("td.events-calendar__day--busy")
    # The fair covers three days; the concert one.
    assert len(busy) == 4
    assert "19:30" in busy[-1].get_text()
    assert page.select_one('a[rel="next"]')["href"] == "/de/termine/kalender/2027/11/"
    assert page.select_one('a[rel="prev"]')["href"] == "/de/termine/kalender/2027/09/"
    filtered = soup(client.get("/de/termine/kalender/2027/10/?category=wirtschaft"))
    assert len(filtered.select("td.events-calendar__day--busy")) == 3
    assert "category=wirtschaft" in filtered.select_one('a[rel="next"]')["href"]


def test_series_appear_on_each_date_in_the_calendar(client, index_page):
    EventPageFactory(
        parent=index_page,
        title="Stammtisch",
        start=aware(2027, 3, 3, 18),
        recurrence="weekly",
        recurrence_until=dt.date(2027, 3, 31),
        exception_dates="2027-03-17",
    )
    page = soup(client.get("/de/termine/kalender/2027/03/"))
    assert len(page.select("td.events-calendar__day--busy")) == 4


def test_event_page_shows_details_json_ld_and_ics_link(client, event):
    import json

    page = soup(client.get("/de/termine/wasserstoff-dialog/"))
    data = json.loads(page.select_one('script[type="application/ld+json"]').string)
    assert data["name"] == "Wasserstoff-Dialog"
    assert data["location"]["address"]["addressLocality"] == "Leuna"
    assert page.select_one("a[download]")["href"] == "/de/termine/wasserstoff-dialog/ical/"
    assert "Wirtschaft" in page.select_one(".event-facts").get_text()
    # Directions are a plain link; nothing is loaded from a third party.
    assert page.select_one('a[href^="https://www.openstreetmap.org/directions"]')
    external = [
        tag
        for tag in page.select("script[src], link[href], img[src], iframe[src]")
        if (tag.get("src") or tag.get("href")).startswith("http")
        and "//testserver/" not in (tag.get("src") or tag.get("href"))
    ]
    assert not external


def test_documentation_section_after_the_event(client, index_page):
    from events.factories import EventOrganiserFactory

    page = EventPageFactory(
        parent=index_page,
        title="FORUM",
        slug="forum",
        start=aware(2019, 3, 4),
        all_day=True,
        participant_count=400,
        documentation_summary="<p>Rund 400 Gäste.</p>",
    )
    EventOrganiserFactory(page=page, name="Mitteldeutscher Presseclub")
    html = soup(client.get("/de/termine/forum/"))
    section = html.select_one(".event-documentation")
    assert "400" in section.get_text() and "Rund 400 Gäste." in section.get_text()
    assert "Mitteldeutscher Presseclub" in html.select_one(".event-facts").get_text()


def test_home_page_teaser_lists_the_next_three(client, home_page, index_page, programme, future):
    EventPageFactory(parent=index_page, title="Dritter", start=future + dt.timedelta(days=2))
    EventPageFactory(parent=index_page, title="Vierter", start=future + dt.timedelta(days=90))
    home_page.events_page = index_page
    home_page.save_revision().publish()
    page = soup(client.get("/de/"))
    cards = [h.get_text(strip=True) for h in page.select(".home-events .page-card__title")]
    assert cards == ["Lange Nacht", "Dritter", "Firmenstaffel"]


def _count_queries(django_assert_max_num_queries, client, path, maximum):
    with django_assert_max_num_queries(maximum) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    "path",
    [
        "/de/termine/",
        "/de/termine/?category=wirtschaft&city=Leipzig",
        "/de/termine/kalender/2099/01/",
        "/de/termine/archiv/",
    ],
)
def test_list_and_calendar_queries_do_not_grow_with_events(
    client, django_assert_max_num_queries, make_events, categories, path
):
    from events.models import EventCategoryLink, EventPage

    def link_categories():
        EventCategoryLink.objects.bulk_create(
            [
                EventCategoryLink(
                    page=page, category=categories["wirtschaft"], locale_id=page.locale_id
                )
                for page in EventPage.objects.filter(category_links__isnull=True)
            ]
        )

    make_events(10)
    link_categories()
    client.get(path)  # warm caches (site root paths)
    small = _count_queries(django_assert_max_num_queries, client, path, 40)
    make_events(490)
    link_categories()
    large = _count_queries(django_assert_max_num_queries, client, path, 40)
    assert large == small, (small, large)
