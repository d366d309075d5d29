"""Translators' rights around wagtail-localize (issue 15): "convert to alias" is for editors of
the page's locale, and translators publish their own locale's pages, never German ones."""

from django.test import TestCase
from django.urls import reverse

from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator

import pytest

from home.factories import StandardPageFactory

from .conftest import edit_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def translated(roles, home_page, en_locale):
    """A German page and its English translation made by wagtail-localize, with an English
    title: (German page, English page, translation record)."""
    german = StandardPageFactory(parent=home_page, title="Über uns", slug="ueber-uns")
    german.save_revision().publish()
    with TestCase.captureOnCommitCallbacks(execute=True):
        TranslationCreator(user=None, target_locales=[en_locale]).create_translations(german)
    english = german.get_translation(en_locale)
    english.title = "About us"
    english.save_revision().publish()
    source = TranslationSource.objects.get_for_instance(german)
    return german, english, Translation.objects.get(source=source, target_locale=en_locale)


def convert_url(page):
    return reverse("wagtail_localize:convert_to_alias", args=[page.pk])


def assert_still_translated(english, translation):
    english.refresh_from_db()
    assert english.title == "About us"
    assert english.alias_of_id is None
    assert Translation.objects.filter(pk=translation.pk).exists()


@pytest.mark.parametrize("group", ["translator", "redaktion"])
def test_convert_to_alias_is_refused_outside_the_editors_of_the_locale(
    client, users, translated, group
):
    _german, english, translation = translated
    client.force_login(users[group])

    # The forged request: only the CSRF token (the test client does not check it).
    response = client.post(convert_url(english), {"csrfmiddlewaretoken": "x"})

    assert response.status_code == 403
    assert client.get(convert_url(english)).status_code == 403
    assert_still_translated(english, translation)


def test_the_chefredaktion_may_convert_a_translation_to_an_alias(client, users, translated):
    german, english, translation = translated
    client.force_login(users["chefredaktion"])

    response = client.post(convert_url(english))

    assert response.status_code == 302
    english.refresh_from_db()
    assert english.alias_of_id == german.pk
    assert english.title == "Über uns"
    assert not Translation.objects.filter(pk=translation.pk).exists()


def publish(client, superuser, user, page, title):
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = edit_form_data(client, superuser, url)
    client.force_login(user)
    data["title"] = title
    data["action-publish"] = "action-publish"
    return client.post(url, data)


def test_an_english_translator_publishes_english_pages_but_not_german_ones(
    client, superuser, users, pages
):
    translator = users["translator"]
    assert pages["en"].permissions_for_user(translator).can_publish()
    assert not pages["de"].permissions_for_user(translator).can_publish()

    publish(client, superuser, translator, pages["en"], "About the region")
    response = publish(client, superuser, translator, pages["de"], "Ohne Freigabe")

    assert Page.objects.get(pk=pages["en"].pk).title == "About the region"
    assert Page.objects.get(pk=pages["de"].pk).title == "Über uns"
    assert Page.objects.get(pk=pages["de"].pk).get_latest_revision().content["title"] != (
        "Ohne Freigabe"
    )
    assert response.status_code == 302
