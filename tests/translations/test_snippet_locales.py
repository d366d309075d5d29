"""The translation report's actions check the snippet's target locale (issue 15).

Wagtail's snippet permissions are per model: an English translator "may change quotes", in
every language. The report's sync, PO import and machine translation therefore also ask the
editorial roles (through `portal.viewsets`) whether the user may translate into the target
locale and change snippets there; forged rows for another locale are refused with 403.
"""

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from wagtail.models import Locale

import pytest

from editorial.roles import setup_roles, translator_group_name
from quotes.factories import QuoteFactory
from translations import permissions

from .conftest import fresh

pytestmark = pytest.mark.django_db

REPORT = reverse("translations:report")


@pytest.fixture
def pl_locale(settings, en_locale):
    settings.LANGUAGES = [*settings.LANGUAGES, ("pl", "Polski")]
    settings.WAGTAIL_CONTENT_LANGUAGES = [*settings.WAGTAIL_CONTENT_LANGUAGES, ("pl", "Polish")]
    return Locale.objects.get_or_create(language_code="pl")[0]


@pytest.fixture
def quotes(en_home_page, en_locale, de_locale, pl_locale, create_translations):
    """A German quote translated into English and Polish, and an English original translated
    into German, all by wagtail-localize."""
    german = QuoteFactory(text="Ein starker Standort.")
    english = QuoteFactory(text="An English original.", locale=en_locale)
    create_translations([german], en_locale)
    create_translations([german], pl_locale)
    create_translations([english], de_locale)
    return {"german": german, "english": english}


@pytest.fixture
def translator(quotes, django_user_model):
    """A member of "Übersetzung Englisch" as setup_editorial_roles makes it."""
    setup_roles()
    user = django_user_model.objects.create_user(username="uebersetzerin", password="x")
    user.groups.add(Group.objects.get(name=translator_group_name("en")))
    return user


def row(instance, locale):
    content_type = ContentType.objects.get_for_model(instance)
    return f"{content_type.pk}:{instance.pk}:{locale.pk}"


def sync(client, instance, locale, **extra):
    return client.post(
        REPORT, {"rows": [row(instance, locale)], "action": "sync", "publish": "on", **extra}
    )


def test_a_translator_syncs_snippets_into_their_own_locale(client, translator, quotes, en_locale):
    client.force_login(translator)
    target = quotes["german"].get_translation(en_locale)

    response = sync(client, quotes["german"], en_locale)

    assert response.status_code == 302
    assert permissions.can_act_on(translator, quotes["german"], en_locale)
    assert permissions.can_publish_translation(translator, quotes["german"], en_locale)
    assert fresh(target).live


@pytest.mark.parametrize(
    ("source", "target_language"),
    [("german", "pl"), ("english", "de")],
    ids=["foreign-translation", "german-source-language"],
)
def test_forged_rows_into_a_foreign_locale_are_refused(
    client, translator, quotes, source, target_language
):
    locale = Locale.objects.get(language_code=target_language)
    instance = quotes[source]
    target = instance.get_translation(locale)
    before = (target.text, target.live, target.latest_revision_id)
    client.force_login(translator)

    response = sync(client, instance, locale)

    assert response.status_code == 403
    target = fresh(target)
    assert (target.text, target.live, target.latest_revision_id) == before
    assert not permissions.can_act_on(translator, instance, locale)
    assert not permissions.can_publish_translation(translator, instance, locale)


def test_one_foreign_row_refuses_the_whole_action(client, translator, quotes, en_locale):
    polish = Locale.objects.get(language_code="pl")
    english_target = quotes["german"].get_translation(en_locale)
    revision = english_target.latest_revision_id
    client.force_login(translator)

    response = client.post(
        REPORT,
        {
            "rows": [row(quotes["german"], en_locale), row(quotes["german"], polish)],
            "action": "machine",
        },
    )

    assert response.status_code == 403
    assert fresh(english_target).latest_revision_id == revision


def test_a_new_snippet_translation_needs_the_locale_too(
    client, translator, quotes, en_locale, django_user_model
):
    """The Redaktion adds quotes, in German only: it may not create an English translation
    through the report."""
    new = QuoteFactory(text="Noch nicht übersetzt.")
    redakteurin = django_user_model.objects.create_user(username="redakteurin", password="x")
    redakteurin.groups.add(Group.objects.get(name="Redaktion"))
    client.force_login(redakteurin)

    response = sync(client, new, en_locale)

    assert response.status_code == 403
    assert not new.has_translation(en_locale)
