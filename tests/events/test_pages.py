"""Page types of the events app: creation rules, rendering, preview, editing, admin form."""

from django.urls import reverse

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from events.factories import EventCategoryFactory, EventIndexPageFactory, EventPageFactory, aware
from events.models import EventCategory, EventIndexPage, EventPage
from home.models import HomePage, StandardPage


def event_form_data(**fields):
    data = {
        "title": "Jahreskonferenz 2027",
        "slug": "jahreskonferenz-2027",
        "start": "2027-12-09 10:00",
        "end": "2027-12-09 16:00",
        "status": "scheduled",
        "recurrence": "",
        "summary": "Die Mitglieder ziehen Bilanz.",
        "city": "Chemnitz",
        "body": streamfield([("paragraph", rich_text("<p>Programm folgt.</p>"))]),
        "documentation_summary": rich_text(""),
        "documentation_video": streamfield([]),
        "category_links": inline_formset([]),
        "organisers": inline_formset([]),
        "gallery_images": inline_formset([]),
        "presentations": inline_formset([]),
    }
    data.update(fields)
    return nested_form_data(data)


class EventPageTypesTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = HomePage.objects.get(locale__language_code="de")
        cls.index = EventIndexPageFactory(parent=cls.home, slug="termine")
        cls.event = EventPageFactory(parent=cls.index, slug="forum", start=aware(2027, 3, 4, 10))

    def setUp(self):
        self.user = self.login()

    def test_creation_rules(self):
        self.assertCanCreateAt(HomePage, EventIndexPage)
        self.assertCanCreateAt(EventIndexPage, EventPage)
        self.assertCanNotCreateAt(HomePage, EventPage)
        self.assertCanNotCreateAt(StandardPage, EventIndexPage)
        self.assertAllowedParentPageTypes(EventIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(EventIndexPage, {EventPage})
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage})
        self.assertAllowedSubpageTypes(EventPage, set())

    def test_renderable_previewable_editable(self):
        index_data = nested_form_data({"title": "Termine", "slug": "termine", "intro": "Hallo"})
        event_data = event_form_data(title=self.event.title, slug=self.event.slug)
        self.assertPageIsRenderable(self.index)
        self.assertPageIsRenderable(self.event)
        self.assertPageIsPreviewable(self.index, post_data=index_data)
        self.assertPageIsPreviewable(self.event, post_data=event_data)
        self.assertPageIsEditable(self.index, post_data=index_data)
        self.assertPageIsEditable(self.event, post_data=event_data)
        self.assertPageIsRenderable(self.index, route_path="/archiv/")
        self.assertPageIsRenderable(self.index, route_path="/kalender/2027/03/")

    def test_admin_creates_an_event_with_category_and_organiser(self):
        category = EventCategoryFactory(name="Wirtschaft", slug="wirtschaft")
        data = event_form_data(
            category_links=inline_formset([{"category": category.pk}]),
            organisers=inline_formset([{"name": "Metropolregion", "url": ""}]),
        )
        data["action-publish"] = "publish"
        self.assertCanCreate(self.index, EventPage, data)
        page = EventPage.objects.get(slug="jahreskonferenz-2027")
        assert page.occurrences.count() == 1
        assert [link.category for link in page.category_links.all()] == [category]

    def test_admin_shows_date_errors_on_their_fields(self):
        url = reverse("wagtailadmin_pages:add", args=("events", "eventpage", self.index.pk))
        data = event_form_data(
            title="Falsch",
            slug="falsch",
            end="2027-12-08 16:00",
            registration_deadline="2027-12-10 10:00",
        )
        response = self.client.post(url, data)
        assert response.status_code == 200
        form = response.context["form"]
        assert "end" in form.errors and "registration_deadline" in form.errors
        assert not EventPage.objects.filter(slug="falsch").exists()


@pytest.mark.django_db
def test_category_snippet_admin_lists_and_creates(admin_logged_in_client):
    EventCategoryFactory(name="Kultur", slug="kultur")
    response = admin_logged_in_client.get(reverse("wagtailsnippets_events_eventcategory:list"))
    assert response.status_code == 200 and b"Kultur" in response.content
    response = admin_logged_in_client.post(
        reverse("wagtailsnippets_events_eventcategory:add"),
        {"name": "Sport", "slug": "sport", "sort_order": 40, "action-publish": "publish"},
    )
    assert response.status_code == 302
    assert EventCategory.objects.get(slug="sport").live


@pytest.mark.django_db
def test_demo_content_is_idempotent_and_replaces_the_forum_stand_in(monkeypatch):
    import io

    from django.core.management import call_command

    from demo import site
    from demo.events import loader as events_demo

    monkeypatch.setattr(site, "DOMAINS", [events_demo])
    call_command("load_demo_content", stdout=io.StringIO())
    german_home = HomePage.objects.get(locale__language_code="de")
    english_home = HomePage.objects.get(locale__language_code="en")
    forum = EventPage.objects.get(locale__language_code="de", slug="forum-mitteldeutschland-2019")
    assert german_home.forum_page_id == forum.pk
    assert english_home.forum_page.specific.locale.language_code == "en"
    assert english_home.events_page.slug == "events"
    assert forum.participant_count == 400
    index = EventIndexPage.objects.get(locale__language_code="de")
    upcoming_2027 = EventPage.objects.child_of(index).filter(start__year=2027)
    assert upcoming_2027.count() >= 12
    assert set(upcoming_2027.values_list("category_links__category__slug", flat=True)) >= {
        "wirtschaft",
        "wissenschaft",
        "kultur",
        "sport",
    }
    assert upcoming_2027.exclude(recurrence="").exists()
    assert (
        EventPage.objects.filter(locale__language_code="en").count()
        == EventPage.objects.filter(locale__language_code="de").count()
    )
    assert not StandardPage.objects.filter(slug="forum-mitteldeutschland-2019").exists()
    # The home app's own steps still recreate the stand-in until its spec is removed
    # (see the events report); the events steps themselves change nothing on a second run.
    output = io.StringIO()
    call_command("load_demo_content", stdout=output)
    lines = [line for line in output.getvalue().splitlines() if "vent" in line]
    assert lines and all("nothing changed" in line or "updated" in line for line in lines), lines
