"""The admin: an editor creates a cluster with figures, networks, sites and quotes through the
add form; quotes are listed with search and filters and created as drafts."""

from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest
from bs4 import BeautifulSoup

from clusters.factories import ClusterPageFactory, ClusterPageQuoteFactory
from clusters.models import ClusterPage
from portal.models import FederalState
from quotes.factories import QuoteFactory
from quotes.models import Quote

pytestmark = pytest.mark.django_db


def cluster_form_data(sector, quote, **overrides):
    states = FederalState.objects.filter(code__in=["ST", "SN"]).order_by("code")
    data = nested_form_data(
        {
            "title": "Chemie/Kunststoffe",
            "slug": "chemie-kunststoffe",
            "kind": "macro",
            "sector": sector.pk,
            "summary": "Chemieparks mit Tradition und moderne Kunststoffverarbeitung.",
            "body": streamfield(
                [("paragraph", rich_text("<p>Die Standorte sind durch Leitungen verbunden.</p>"))]
            ),
            "locations": inline_formset(
                [
                    {"name": "Leuna", "federal_state": states.get(code="ST").pk},
                    {"name": "Böhlen", "federal_state": states.get(code="SN").pk},
                ]
            ),
            "figures": inline_formset(
                [
                    {
                        "kind": "employees",
                        "label": "",
                        "value": "71000",
                        "is_approximate": "on",
                        "unit": "",
                        "year": "2007",
                        "source": "Clusteratlas",
                        "source_url": "",
                    },
                    {
                        "kind": "turnover",
                        "label": "",
                        "value": "18",
                        "unit": "Mrd. EUR",
                        "year": "2007",
                        "source": "Clusteratlas",
                        "source_url": "https://example.org/atlas",
                    },
                ]
            ),
            "networks": inline_formset(
                [
                    {
                        "name": "CeChemNet",
                        "role": "Netzwerk der Chemiestandorte",
                        "website": "https://example.org/cechemnet",
                        "founded": "",
                    }
                ]
            ),
            "related_quotes": inline_formset([{"quote": quote.pk}]),
            "comments": inline_formset([]),
        }
    )
    data["federal_states"] = [state.pk for state in states]
    data["action-publish"] = "action-publish"
    data.update(overrides)
    return data


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=["clusters", "clusterpage", parent.pk])


def test_editor_creates_a_cluster_with_figures_networks_and_quotes(
    admin_logged_in_client, cluster_index, sectors
):
    quote = QuoteFactory(text="Mitteldeutschland ist exzellent aufgestellt.", name="Erika Muster")

    response = admin_logged_in_client.post(
        add_url(cluster_index), cluster_form_data(sectors["chemie"], quote)
    )

    assert response.status_code == 302, response.context and response.context["form"].errors
    page = ClusterPage.objects.get(slug="chemie-kunststoffe")
    assert page.live
    assert page.get_parent().pk == cluster_index.pk
    assert sorted(state.code for state in page.federal_states.all()) == ["SN", "ST"]
    assert [loc.name for loc in page.locations.all()] == ["Leuna", "Böhlen"]
    figures = list(page.figures.all())
    assert [(f.kind, f.value, f.year) for f in figures] == [
        ("employees", 71000, 2007),
        ("turnover", 18, 2007),
    ]
    assert figures[0].is_approximate and figures[0].locale.language_code == "de"
    assert [n.name for n in page.networks.all()] == ["CeChemNet"]
    assert [link.quote for link in page.related_quotes.all()] == [quote]

    html = admin_logged_in_client.get(page.url).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    values = [td.get_text(" ", strip=True) for td in soup.select(".cluster-figures__value")]
    assert values == ["about 71.000", "18 Mrd. EUR"] or values == ["ca. 71.000", "18 Mrd. EUR"]
    assert "CeChemNet" in soup.select_one(".cluster-networks").get_text()
    assert soup.select_one(".cluster-quotes blockquote").get_text(strip=True) == quote.text


def test_add_form_shows_field_errors(admin_logged_in_client, cluster_index, sectors):
    quote = QuoteFactory()
    data = cluster_form_data(sectors["chemie"], quote)
    data["federal_states"] = []
    data["figures-0-year"] = "2204"

    response = admin_logged_in_client.post(add_url(cluster_index), data)

    assert response.status_code == 200
    assert not ClusterPage.objects.filter(slug="chemie-kunststoffe").exists()
    assert "federal_states" in response.context["form"].errors
    figure_errors = response.context["form"].formsets["figures"].forms[0].errors
    assert "year" in figure_errors


def test_quote_is_created_as_a_draft_in_the_admin(admin_logged_in_client, de_locale):
    url = reverse("wagtailsnippets_quotes_quote:add") + "?locale=de"
    data = {
        "text": "Die Region verbindet.",
        "academic_title": "Dr.",
        "name": "Erika Musterfrau",
        "role": "Geschäftsführerin (fiktiv)",
        "organisation": "Beispiel GmbH",
        "portrait": "",
        "portrait_alt_text": "",
        "link_page": "",
        "link_url": "",
    }

    response = admin_logged_in_client.post(url, data)

    assert response.status_code == 302
    quote = Quote.objects.get(name="Erika Musterfrau")
    assert not quote.live
    assert quote.locale == de_locale
    assert quote.revisions.count() == 1


def test_quote_listing_searches_and_filters(admin_logged_in_client, cluster_index):
    cluster = ClusterPageFactory(parent=cluster_index, title="Optoelektronik Jena")
    optics = QuoteFactory(name="Anna Optik", organisation="Beispiel Optik GmbH")
    ClusterPageQuoteFactory(page=cluster, quote=optics)
    QuoteFactory(name="Max Auto", organisation="Muster Fahrzeug AG", live=False)
    url = reverse("wagtailsnippets_quotes_quote:list")

    def names(params):
        response = admin_logged_in_client.get(url, params)
        assert response.status_code == 200
        return {quote.name for quote in response.context["object_list"]}

    assert names({}) == {"Anna Optik", "Max Auto"}
    assert names({"q": "Fahrzeug"}) == {"Max Auto"}
    assert names({"organisation": "Beispiel Optik GmbH"}) == {"Anna Optik"}
    assert names({"cluster": cluster.pk}) == {"Anna Optik"}
    assert names({"live": "false"}) == {"Max Auto"}
    assert names({"live": "true"}) == {"Anna Optik"}
    # A bad filter value is a form error in the admin, never a server error.
    assert admin_logged_in_client.get(url, {"cluster": "x"}).status_code == 200


def test_sector_snippet_is_listed(admin_logged_in_client, sectors):
    response = admin_logged_in_client.get(reverse("wagtailsnippets_clusters_sector:list"))
    assert response.status_code == 200
    assert "Informationstechnologie" in response.content.decode()


def test_quote_preview_renders_the_quote(rf, db):
    quote = QuoteFactory(text="Vorschau des Zitats.", name="Erika Musterfrau")
    request = rf.get("/")
    response = quote.serve_preview(request, quote.default_preview_mode)
    html = response.render().content.decode()
    assert "Vorschau des Zitats." in html
    assert "Dr. Erika Musterfrau" in html
    assert 'type="application/ld+json"' in html
