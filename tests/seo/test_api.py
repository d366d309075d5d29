"""The read-only API at /api/v2/: public live pages only, locale filter, sane errors."""

from django.contrib.auth.models import Group

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

import pytest

from events.factories import EventIndexPageFactory, EventPageFactory
from home.factories import StandardPageFactory

PAGES = "/api/v2/pages/"


def listed(client, **params):
    response = client.get(PAGES, params)
    assert response.status_code == 200, response.content
    return {item["meta"]["html_url"] for item in response.json()["items"]}


@pytest.fixture
def pages(home_page, en_home_page, translate):
    public = StandardPageFactory(parent=home_page, title="Über uns", slug="ueber-uns")
    english = translate(public, title="About us", slug="about-us")
    draft = StandardPageFactory(parent=home_page, title="Entwurf", slug="entwurf", live=False)
    private = StandardPageFactory(parent=home_page, title="Intern", slug="intern")
    below = StandardPageFactory(parent=private, title="Tiefer", slug="tiefer")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    members = StandardPageFactory(parent=home_page, title="Mitglieder", slug="mitglieder")
    restriction = PageViewRestriction.objects.create(page=members, restriction_type="groups")
    restriction.groups.add(Group.objects.create(name="Mitglieder"))
    return {
        "public": public,
        "english": english,
        "hidden": [draft, private, below, members],
    }


def test_lists_public_live_pages_only(client, pages):
    urls = listed(client, limit=50)
    assert "http://localhost/de/ueber-uns/" in urls
    assert "http://localhost/en/about-us/" in urls
    for page in pages["hidden"]:
        assert not any(f"/{page.slug}/" in url for url in urls)
        assert client.get(f"{PAGES}{page.pk}/").status_code == 404


def test_admin_and_password_session_see_no_more(admin_logged_in_client, client, pages):
    hidden_slugs = {f"/{page.slug}/" for page in pages["hidden"]}
    urls = listed(admin_logged_in_client, limit=50)
    assert not any(slug in url for url in urls for slug in hidden_slugs)
    private = pages["hidden"][1]
    assert admin_logged_in_client.get(f"{PAGES}{private.pk}/").status_code == 404


def test_filters_by_locale(client, pages):
    english = listed(client, locale="en")
    assert english and all("/en/" in url for url in english)
    assert "http://localhost/en/about-us/" in english
    assert all("/de/" in url for url in listed(client, locale="de"))


def test_detail_shows_api_fields_and_no_admin_fields(client, home_page):
    index = EventIndexPageFactory(parent=home_page, title="Termine", slug="termine")
    event = EventPageFactory(parent=index, title="Forum", slug="forum")
    data = client.get(f"{PAGES}{event.pk}/").json()
    assert data["title"] == "Forum" and data["city"] == "Leipzig"
    assert data["summary"] == "Eine Veranstaltung in der Region."
    for field in ("owner", "locked_by", "latest_revision", "draft_title", "contact"):
        assert field not in data and field not in data["meta"]
    typed = client.get(PAGES, {"type": "events.EventPage", "fields": "start,city"})
    assert typed.status_code == 200
    assert typed.json()["items"][0]["city"] == "Leipzig"


@pytest.mark.parametrize(
    "params",
    [
        {"limit": "abc"},
        {"limit": "-5"},
        {"limit": "100000"},
        {"offset": "-1"},
        {"offset": "abc"},
        # Found by bench/fuzz_public.py: a 500 from SQLite ("datatype mismatch").
        {"offset": "99999999999999999999"},
        {"offset": "2147483648"},
        # Found by bench/fuzz_public.py: 500s on PostgreSQL, which refuses NUL in text.
        {"locale": "\x00"},
        {"html_path": "\x00"},
        {"search": "\x00"},
        {"type": "nope.Nope"},
        {"type": "wagtailcore"},
        {"fields": "password"},
        {"fields": "owner"},
        {"fields": "*,-nope"},
        {"order": "password"},
        {"child_of": "abc"},
        {"descendant_of": "999999"},
        {"locale": "xx"},
        {"unknown": "1"},
    ],
)
def test_malformed_parameters_are_client_errors(client, site, params):
    response = client.get(PAGES, params)
    assert 400 <= response.status_code < 500, (params, response.status_code)
    # A JSON message for the client, never a password hash or a traceback.
    assert "message" in response.json()
    assert "pbkdf2" not in response.content.decode()


def test_limit_is_capped(client, site, settings):
    assert client.get(PAGES, {"limit": settings.WAGTAILAPI_LIMIT_MAX}).status_code == 200
    assert client.get(PAGES, {"limit": settings.WAGTAILAPI_LIMIT_MAX + 1}).status_code == 400


def test_search_works(client, pages):
    assert client.get(PAGES, {"search": "Über"}).status_code == 200


@pytest.mark.parametrize("endpoint", ["pages", "images", "documents"])
@pytest.mark.parametrize("query", ["'\"><script>", '"', 'a"b', "ä\x01"])
def test_any_search_string_is_answered(client, pages, endpoint, query):
    """Found by bench/fuzz_public.py: double quotes and control characters broke SQLite's FTS5
    query (NUL is refused with a 400 before, test_malformed_parameters_are_client_errors)."""
    response = client.get(f"/api/v2/{endpoint}/", {"search": query})
    assert response.status_code == 200, response.content
    assert "items" in response.json()


@pytest.mark.parametrize("url", ["/api/v2/pages/find/", "/api/v2/pages/999999/"])
def test_nul_in_any_parameter_of_any_endpoint_is_a_400(client, pages, url):
    response = client.get(url, {"html_path": "/de/", "locale": "\x00"})
    assert response.status_code == 400
    assert "NUL" in response.json()["message"]


def test_the_highest_offset_is_answered(client, pages):
    response = client.get(PAGES, {"offset": str(2**31 - 1)})
    assert response.status_code == 200
    assert response.json()["items"] == []


def test_read_only_and_no_cors(client, pages):
    page = pages["public"]
    for method in (client.post, client.put, client.patch, client.delete):
        assert method(f"{PAGES}{page.pk}/").status_code in (403, 405)
    response = client.get(PAGES, HTTP_ORIGIN="https://elsewhere.example")
    assert "Access-Control-Allow-Origin" not in response
    assert response["Content-Type"].startswith("application/json")


def test_images_and_documents_endpoints(client, site):
    from django.core.files.base import ContentFile

    from portal.factories import ImageFactory

    ImageFactory(title="Öffentlich")
    Document = get_document_model()
    root = Collection.get_first_root_node()
    private = root.add_child(name="Intern")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type="password", password="x"
    )
    Document.objects.create(title="Offen", file=ContentFile(b"a", name="offen.txt"))
    secret = Document.objects.create(
        title="Geheim", file=ContentFile(b"b", name="geheim.txt"), collection=private
    )
    images = client.get("/api/v2/images/").json()["items"]
    assert [image["title"] for image in images] == ["Öffentlich"]
    documents = client.get("/api/v2/documents/").json()["items"]
    assert [document["title"] for document in documents] == ["Offen"]
    assert client.get(f"/api/v2/documents/{secret.pk}/").status_code == 404
    assert client.get("/api/v2/images/", {"limit": "abc"}).status_code == 400


def test_rich_text_is_display_html(client, home_page, pages):
    home_page.intro = f'<p><a linktype="page" id="{pages["public"].pk}">Über uns</a></p>'
    home_page.save_revision().publish()
    data = client.get(f"{PAGES}{home_page.pk}/").json()
    assert 'href="/de/ueber-uns/"' in data["intro"] and "linktype" not in data["intro"]
