"""Which fields translators translate and which follow the German source.

Facts that do not depend on the language (coordinates, dates, numbers, images, documents,
relations, addresses, phone numbers and web addresses) are synchronised: after a sync the
translation shows the source's new value. Texts are translated: a sync keeps the translator's
text for every segment whose German source did not change.
"""

import datetime as dt
from decimal import Decimal

from django.apps import apps
from django.utils import timezone

from wagtail.models import TranslatableMixin
from wagtail_localize.fields import TranslatableField, get_translatable_fields
from wagtail_localize.models import Translation, TranslationSource

import pytest

from clusters.factories import ClusterFigureFactory, ClusterIndexPageFactory, ClusterPageFactory
from clusters.models import ClusterFigure
from events.factories import EventIndexPageFactory, EventPageFactory
from locations.factories import LocationIndexPageFactory, LocationPageFactory
from locations.models import format_point
from portal.factories import ContactPersonFactory
from tests.conftest import translate_page

pytestmark = pytest.mark.django_db

PROJECT_APPS = {"home", "clusters", "locations", "events"}

# model label → (synchronised fields, translated fields): the decisions this test locks in.
POLICY = {
    "home.HomePage": (
        ["clusters_page", "sites_page", "halls_page", "forum_page", "events_page"],
        ["title", "intro", "quotes", "forum_text"],
    ),
    "home.StandardPage": ([], ["title", "intro", "body", "search_description"]),
    "home.ProjectTeaser": (["logo", "link_page", "link_url", "sort_order"], ["name", "short_text"]),
    "portal.ContactPerson": (["name", "organisation", "email", "phone", "portrait"], ["role"]),
    "clusters.Sector": (["slug"], ["name"]),
    "clusters.ClusterIndexPage": ([], ["title", "intro", "body"]),
    "clusters.ClusterPage": (
        ["kind", "federal_states", "hero_image", "teaser_image", "locations", "related_quotes"],
        ["title", "summary", "hero_alt_text", "teaser_alt_text", "body", "figures", "networks"],
    ),
    "clusters.ClusterFigure": (
        ["kind", "value", "is_approximate", "year", "source_url"],
        ["label", "unit", "source"],
    ),
    "clusters.ClusterNetwork": (["name", "website", "founded"], ["role"]),
    "quotes.Quote": (["name", "portrait", "link_page", "link_url"], ["text", "role"]),
    "locations.LocationIndexPage": (["kind"], ["title", "intro"]),
    "locations.LocationPage": (
        [
            "street",
            "postcode",
            "city",
            "federal_state",
            "location",
            "total_area_ha",
            "available_area_ha",
            "zoning",
            "price_per_m2",
            "available_from",
            "distance_motorway_km",
            "expose",
            "gallery_images",
        ],
        ["title", "summary", "subsidy_notes", "description"],
    ),
    "events.EventCategory": (["slug", "sort_order"], ["name"]),
    "events.EventIndexPage": ([], ["title", "intro"]),
    "events.EventPage": (
        [
            "start",
            "end",
            "all_day",
            "status",
            "recurrence_rule",
            "exception_dates",
            "street",
            "postcode",
            "city",
            "location",
            "online_url",
            "registration_url",
            "registration_deadline",
            "price",
            "image",
            "participant_count",
        ],
        ["title", "venue_name", "summary", "body", "documentation_summary", "organisers"],
    ),
    "events.EventOrganiser": (["url"], ["name"]),
    "events.EventGalleryImage": (["image"], ["alt_text", "caption"]),
    "events.EventPresentation": (["document"], ["title"]),
}


def field_kinds(model):
    return {
        field.field_name: "translated" if type(field) is TranslatableField else "synchronised"
        for field in get_translatable_fields(model)
    }


def test_every_translatable_model_has_a_policy():
    models = {
        model._meta.label
        for model in apps.get_models()
        if model._meta.app_label in PROJECT_APPS
        and issubclass(model, TranslatableMixin)
        and get_translatable_fields(model)
    }
    # Child rows without text of their own (a category link, a cluster's site list) have
    # nothing to decide; everything else is listed above.
    assert models - set(POLICY) <= {"events.EventCategoryLink"}


@pytest.mark.parametrize("label", sorted(POLICY))
def test_policy(label):
    synchronised, translated = POLICY[label]
    kinds = field_kinds(apps.get_model(label))
    assert {name: kinds.get(name) for name in synchronised} == dict.fromkeys(
        synchronised, "synchronised"
    )
    assert {name: kinds.get(name) for name in translated} == dict.fromkeys(translated, "translated")


def translate_with_po(instance, locale, translate):
    """Translate ``instance`` the way a translator does: fill the PO file, save the target.

    ``translate(msgid)`` returns the translator's text for a source string.
    """
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    po = translation.export_po()
    for entry in po:
        entry.msgstr = translate(entry.msgid)
    assert not translation.import_po(po)
    translation.save_target(publish=True)
    return translation


def sync(instance, translation):
    """What "Sync translated pages" does: refresh the source, save the target again."""
    instance.refresh_from_db()
    translation.source.update_from_db()
    translation.save_target(publish=True)


ENGLISH = {
    "Voll erschlossene Fläche mit Anschluss an die A14.": "Fully serviced site next to the A14.",
    "Gewerbegebiet Nord": "Northern Business Park",
}


def english(msgid):
    return ENGLISH.get(msgid, f"EN: {msgid}")


@pytest.fixture
def en_tree(home_page, en_locale):
    translate_page(home_page, en_locale, title="Metropolitan Region Central Germany")
    return en_locale


class TestSyncFollowsSourceKeepsTranslation:
    def test_location_page(self, en_tree):
        pool = LocationIndexPageFactory(title="Gewerbeflächen", slug="gewerbeflaechen")
        translate_page(pool, en_tree, title="Commercial sites", slug="commercial-sites")
        site = LocationPageFactory(parent=pool, title="Gewerbegebiet Nord")
        translation = translate_with_po(site, en_tree, english)

        site.available_area_ha = Decimal("4.25")
        site.location = format_point(51.48, 11.97)
        site.postcode = "06108"
        site.save_revision().publish()
        sync(site, translation)

        translated = site.get_translation(en_tree).specific
        assert translated.available_area_ha == Decimal("4.25")
        assert translated.location == site.location
        assert translated.postcode == "06108"
        assert translated.summary == "Fully serviced site next to the A14."
        assert translated.title == "Northern Business Park"

    def test_event_page(self, en_tree):
        events = EventIndexPageFactory(title="Termine", slug="termine")
        translate_page(events, en_tree, title="Events", slug="events")
        event = EventPageFactory(parent=events, summary="Ein Treffen der Netzwerke.")
        translation = translate_with_po(event, en_tree, english)

        new_start = timezone.make_aware(dt.datetime(2027, 6, 3, 9, 30))
        event.start, event.end = new_start, new_start + dt.timedelta(hours=3)
        event.save_revision().publish()
        sync(event, translation)

        translated = event.get_translation(en_tree).specific
        assert translated.start == new_start
        assert translated.end == new_start + dt.timedelta(hours=3)
        assert translated.summary == "EN: Ein Treffen der Netzwerke."

    def test_cluster_figures(self, en_tree):
        clusters = ClusterIndexPageFactory(title="Cluster", slug="cluster")
        translate_page(clusters, en_tree, title="Clusters", slug="clusters")
        cluster = ClusterPageFactory(parent=clusters)
        ClusterFigureFactory(page=cluster, label="Beschäftigte", value=Decimal("27000"))
        cluster.save_revision().publish()
        translation = translate_with_po(cluster, en_tree, english)

        figure = cluster.figures.get()
        figure.value = Decimal("28500")
        figure.save()
        cluster.save_revision().publish()
        sync(cluster, translation)

        translated = cluster.get_translation(en_tree).specific
        figures = ClusterFigure.objects.filter(page=translated)
        assert [(f.label, f.value) for f in figures] == [("EN: Beschäftigte", Decimal("28500"))]

    def test_changed_text_needs_translation_unchanged_text_is_kept(self, en_tree):
        pool = LocationIndexPageFactory(title="Gewerbeflächen", slug="gewerbeflaechen")
        translate_page(pool, en_tree, title="Commercial sites", slug="commercial-sites")
        site = LocationPageFactory(parent=pool, title="Gewerbegebiet Nord")
        translation = translate_with_po(site, en_tree, english)

        site.summary = "Neu: Fläche mit Gleisanschluss."
        site.save_revision().publish()
        sync(site, translation)

        translated = site.get_translation(en_tree).specific
        # The translator's title survives; the changed summary waits for a translator and
        # meanwhile shows the new German source rather than the outdated English text.
        assert translated.title == "Northern Business Park"
        assert translated.summary == "Neu: Fläche mit Gleisanschluss."
        progress = translation.get_progress()
        assert progress[0] > progress[1]

    def test_contact_person_snippet(self, en_tree):
        person = ContactPersonFactory(role="Projektleiterin", phone="+49 341 600 16 0")
        translation = translate_with_po(person, en_tree, english)

        person.phone = "+49 345 123 45 6"
        person.save()
        sync(person, translation)

        translated = person.get_translation(en_tree)
        assert translated.phone == "+49 345 123 45 6"
        assert translated.role == "EN: Projektleiterin"
