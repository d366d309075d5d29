"""The fast list: plain-value rows, cached number formats and filter form, sort indexes.

The list view prints rows built in Python (listings.rows.Row) instead of rendering
model instances through `{% pageurl %}` and the area and price includes; these tests render
the former row template with the model instances and require the same HTML, in German and
in English, for every kind of cell.
"""

from datetime import date, timedelta
from decimal import Decimal

from django.db import connection
from django.template import Context, Template
from django.template.defaultfilters import floatformat
from django.test import RequestFactory
from django.utils import translation

import pytest

from locations import views
from locations.models import LocationPage
from locations.views import PER_PAGE

pytestmark = pytest.mark.django_db

LIST = "/de/gewerbeflaechen/"
HALLS = "/de/hallenobjekte/"

# The rows of includes/results_table.html (inside <tbody>) before the rows came from the view.
REFERENCE_ROWS = Template(
    """{% load i18n wagtailcore_tags %}
                {% for item in results %}
                <tr>
                    <th scope="row"><a href="{% pageurl item %}">{{ item.title }}</a>{% if item.summary %}<span class="location-results__summary">{{ item.summary }}</span>{% endif %}</th>
                    <td>{% if item.postcode %}{{ item.postcode }} {% endif %}{{ item.city }}{% if item.district and item.district != item.city %}<br><span class="location-results__district">{{ item.district }}</span>{% endif %}</td>
                    <td>{{ item.federal_state.name }}</td>
                    <td class="location-results__number">{% include "locations/includes/area.html" with location=item %}</td>
                    <td><abbr title="{{ item.get_zoning_display }}">{{ item.zoning }}</abbr></td>
                    <td class="location-results__number">{% include "locations/includes/price.html" with location=item %}</td>
                    <td>{% if item.is_available_now %}{% translate "now" %}{% else %}{% blocktranslate with date=item.available_from|date:"DATE_FORMAT" %}from {{ date }}{% endblocktranslate %}{% endif %}</td>
                </tr>
                {% endfor %}
            """  # noqa: E501
)


def table_rows(html):
    return html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]


def reference_rows(response, language, path):
    """The rows as the former template rendered them from the listed pages, in order."""
    titles = [row.title for row in response.context["results"]]
    pages = {page.title: page for page in LocationPage.objects.select_related("federal_state")}
    request = RequestFactory().get(path)
    with translation.override(language):
        return REFERENCE_ROWS.render(
            Context({"results": [pages[title] for title in titles], "request": request})
        )


@pytest.fixture
def varied_sites(make_site):
    """Sites with every kind of area, price, availability and address cell."""
    future = date.today() + timedelta(days=400)
    return [
        make_site(title="Mit freier Fläche"),
        make_site(title="Nur Gesamtfläche", available_area_ha=None, total_area_ha="139.50"),
        make_site(title="Ohne Fläche", available_area_ha=None, total_area_ha=None),
        make_site(
            title="Große Fläche",
            total_area_ha="4321.00",
            available_area_ha="1234.50",
            price_per_m2="1234.5",
        ),
        make_site(title="Auf Anfrage", price_per_m2=None, price_on_request=True),
        make_site(title="Später frei", available_from=future, state="TH", zoning="SO"),
        make_site(title="Schon frei", available_from=date(2020, 1, 1), state="ST", zoning="GI"),
        make_site(title="Ohne Landkreis", city="Jena", district="Jena", postcode=""),
        make_site(title="Ohne Text", summary="", district=""),
        make_site(title="<b>Tom & Jerry</b>", summary="Zeichen: <>&\"'", city="Halle (Saale)"),
    ]


@pytest.fixture
def varied_halls(make_hall):
    return [
        make_hall(title="Halle mit Miete", floor_space_m2=12_345, price_per_m2="4.5"),
        make_hall(title="Halle ohne Fläche", floor_space_m2=None, price_per_m2=None),
        make_hall(title="Kleine Halle", floor_space_m2=800, zoning="MI"),
    ]


def test_site_rows_are_the_former_rows(client, varied_sites):
    response = client.get(LIST)
    assert response.context["result_count"] == len(varied_sites)
    assert table_rows(response.content.decode()) == reference_rows(response, "de", LIST)


def test_hall_rows_are_the_former_rows(client, varied_halls):
    response = client.get(HALLS)
    html = response.content.decode()
    assert "12.345 m²" in html and "4,50 €/m² pro Monat" in html
    assert table_rows(html) == reference_rows(response, "de", HALLS)


def test_english_rows_are_the_former_rows(
    client, varied_sites, sites_pool, en_home_page, translate
):
    translate(sites_pool, title="Commercial sites", slug="commercial-sites")
    for site in varied_sites:
        translate(site, title=f"{site.title} (en)")
    response = client.get("/en/commercial-sites/")
    html = response.content.decode()
    assert 'href="/en/commercial-sites/' in html
    assert "1,234.50 ha" in html and "(total)" in html and "on request" in html
    assert table_rows(html) == reference_rows(response, "en", "/en/commercial-sites/")


def test_sorted_and_filtered_rows_are_the_former_rows(client, varied_sites):
    for query in ("sort=area_desc", "sort=price_asc&zoning=GE", "sort=city&state=SN"):
        response = client.get(f"{LIST}?{query}")
        assert table_rows(response.content.decode()) == reference_rows(response, "de", LIST)


def test_second_page_rows_and_count(client, make_site):
    for number in range(PER_PAGE + 4):
        make_site(title=f"Fläche {number:02d}")
    response = client.get(f"{LIST}?page=2")
    assert len(response.context["results"]) == 4
    assert response.context["result_count"] == PER_PAGE + 4
    assert response.context["results"].number == 2
    assert table_rows(response.content.decode()) == reference_rows(response, "de", LIST)
    # Beyond the last page: the last page, with a notice.
    response = client.get(f"{LIST}?page=3")
    assert response.context["results"].number == 2
    assert response.context["notices"]


@pytest.mark.parametrize("url", [HALLS, f"{HALLS}?sort=area_desc", f"{LIST}?page=2"])
def test_query_count_does_not_grow_with_the_rows(
    client, make_site, make_hall, django_assert_max_num_queries, url
):
    """A full page of rows costs the same queries as a nearly empty one (no query per row)."""
    for _number in range(PER_PAGE + 1):
        make_site()
    make_hall()
    client.get(url)
    with django_assert_max_num_queries(40) as small:
        client.get(url)
    for _number in range(PER_PAGE + 5):
        make_site()
        make_hall()
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(url)
    assert len(response.context["results"]) == PER_PAGE


@pytest.mark.parametrize(
    "value",
    [Decimal("0"), Decimal("0.5"), Decimal("8.50"), Decimal("1234.5"), Decimal("99999.99"), 12_345],
)
@pytest.mark.parametrize("arg", ["-2g", "2g", "0g"])
@pytest.mark.parametrize("language", ["de", "en"])
def test_format_number_is_floatformat(value, arg, language):
    with translation.override(language):
        assert views.format_number(value, arg) == floatformat(value, arg)


def test_format_number_follows_the_language():
    with translation.override("de"):
        assert views.format_number(Decimal("1234.5"), "-2g") == "1.234,50"
        assert views.format_number(Decimal("1234"), "-2g") == "1.234"
    with translation.override("en"):
        assert views.format_number(Decimal("1234.5"), "-2g") == "1,234.50"
        assert views.format_number(Decimal("1234"), "-2g") == "1,234"


def filter_form(response):
    html = response.content.decode()
    start = '<form class="location-filters"'
    return start + html.split(start, 1)[1].split("</form>", 1)[0] + "</form>"


@pytest.mark.parametrize(
    "query",
    ["", "?state=SN&zoning=GE", "?area_min=abc&q=Halle", "?area_min=20&area_max=10&sort=city"],
)
def test_cached_filter_form_is_the_rendered_form(client, sample_sites, settings, query):
    views._filter_forms.clear()
    first = filter_form(client.get(f"{LIST}{query}"))
    cached = filter_form(client.get(f"{LIST}{query}"))
    assert cached == first
    settings.DEBUG = True  # nothing is kept, so this is a fresh rendering
    views._filter_forms.clear()
    assert filter_form(client.get(f"{LIST}{query}")) == first
    assert not views._filter_forms


def test_filter_form_shows_each_request_its_own_input(client, sample_sites):
    checked = 'name="state" value="SN" id="id_state_0" checked'
    assert checked in filter_form(client.get(f"{LIST}?state=SN"))
    assert checked not in filter_form(client.get(LIST))
    assert checked not in filter_form(client.get(f"{LIST}?state=ST"))
    assert 'value="Halle"' in filter_form(client.get(f"{LIST}?q=Halle"))
    assert 'value="Halle"' not in filter_form(client.get(f"{LIST}?q=Jena"))
    # The map's form submits to the map.
    assert 'action="/de/gewerbeflaechen/karte/"' in filter_form(client.get(f"{LIST}karte/"))
    assert f'action="{LIST}"' in filter_form(client.get(LIST))


def test_filter_form_follows_language_and_unit(
    client, sample_sites, make_hall, sites_pool, en_home_page, translate
):
    make_hall()
    translate(sites_pool, title="Commercial sites", slug="commercial-sites")
    german = filter_form(client.get(LIST))
    english = filter_form(client.get("/en/commercial-sites/"))
    assert "Search term" in english and "Search term" not in german
    assert "(ha)" in german and "(m²)" in filter_form(client.get(HALLS))


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL-only indexes")
def test_sort_indexes_exist():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname FROM pg_indexes WHERE indexname LIKE %s", ["locations_%"])
        names = {row[0] for row in cursor.fetchall()}
    assert {
        "locations_page_newest_idx",
        "locations_area_desc_idx",
        "locations_price_desc_idx",
    } <= names
