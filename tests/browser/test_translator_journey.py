"""The translator's journey: a German source edit, synced, translated and published in English.

A member of the group "Übersetzung Englisch" logs in, opens the English translation of a
German cluster page in wagtail-localize's editor, translates the one segment the source edit
changed, publishes, and sees the English page under /en/ while the German page keeps its text.
"""

from django.contrib.auth.models import Group

from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

import pytest
from playwright.sync_api import expect

from clusters.models import ClusterPage

PASSWORD = "translate-me-2027"
NEW_GERMAN = "Neu: Die Automobilindustrie der Region wächst weiter, auch bei Batterien."
NEW_ENGLISH = "New: the region's automotive industry keeps growing, batteries included."


@pytest.fixture
def translator(django_user_model, demo_content):
    user = django_user_model.objects.create_user(
        username="uebersetzerin", email="uebersetzung@example.org", password=PASSWORD
    )
    user.groups.add(Group.objects.get(name="Übersetzung Englisch"))
    return user


@pytest.fixture
def changed_cluster_page(demo_content):
    """The communications team has changed a German summary and synced the translations."""
    german = ClusterPage.objects.get(locale__language_code="de", slug="automotive")
    german.summary = NEW_GERMAN
    german.save_revision().publish()
    source = TranslationSource.objects.get_for_instance(german)
    source.update_from_db()
    english_locale = Locale.objects.get(language_code="en")
    translation = Translation.objects.get(source=source, target_locale=english_locale)
    translation.save_target(publish=True)
    return german, german.get_translation(english_locale)


def log_in(page, base_url, username):
    page.goto(f"{base_url}/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form button[type=submit]").click()
    expect(page).to_have_url(f"{base_url}/admin/")


def test_translator_translates_a_changed_segment_and_publishes(
    page, live_server, translator, changed_cluster_page, third_party_requests, save_screenshot
):
    german, english = changed_cluster_page
    log_in(page, live_server.url, translator.username)

    page.goto(f"{live_server.url}/admin/pages/{english.pk}/edit/")
    segment = page.locator("li.incomplete", has_text=NEW_GERMAN)
    expect(segment).to_have_count(1)
    segment.get_by_role("button", name="Übersetzen").click()
    segment.locator("textarea").fill(NEW_ENGLISH)
    segment.get_by_role("button", name="Speichern").click()
    # Saved segments are no longer marked as incomplete.
    expect(page.locator("li.incomplete", has_text=NEW_GERMAN)).to_have_count(0)
    save_screenshot(page, "translator-editor.png", full_page=False)

    page.get_by_role("button", name="Veröffentlichen in Englisch").click()
    expect(page.locator(".messages")).to_contain_text("veröffentlicht")

    page.goto(f"{live_server.url}{english.url}")
    expect(page.locator("main")).to_contain_text(NEW_ENGLISH)
    page.goto(f"{live_server.url}{german.url}")
    expect(page.locator("main")).to_contain_text(NEW_GERMAN)
    expect(page.locator("main")).not_to_contain_text(NEW_ENGLISH)
    assert third_party_requests == []
