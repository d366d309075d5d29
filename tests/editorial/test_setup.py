"""`setup_editorial_roles`: idempotent, one translator group per language, new languages
picked up when their home page appears; and the guards Wagtail has no permission for."""

from io import StringIO

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

from wagtail.models import GroupPagePermission, Page, Workflow, WorkflowPage

import pytest

from demo.editorial.loader import steps
from editorial.models import LocaleRole
from editorial.roles import CHEFREDAKTION, REDAKTION, translator_group_name
from home.factories import StandardPageFactory
from tests.conftest import translate_page

from .conftest import refused

pytestmark = pytest.mark.django_db


def run():
    out = StringIO()
    call_command("setup_editorial_roles", stdout=out)
    return out.getvalue()


def test_command_creates_groups_and_is_idempotent(site, en_home_page):
    first = run()
    assert "created" in first
    names = set(Group.objects.values_list("name", flat=True))
    assert {REDAKTION, CHEFREDAKTION, "Übersetzung Englisch"} <= names
    counts = (
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        LocaleRole.objects.count(),
        Workflow.objects.count(),
    )
    second = run()
    assert "up to date" in second
    assert counts == (
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        LocaleRole.objects.count(),
        Workflow.objects.count(),
    )


def test_missing_home_page_is_reported_and_picked_up_by_the_signal(site, home_page, en_locale):
    output = run()
    assert "pending: en" in output
    group = Group.objects.get(name=translator_group_name("en"))
    assert not GroupPagePermission.objects.filter(group=group).exists()
    # The English home page is created (as wagtail-localize does): the signal sets it up.
    english_home = translate_page(home_page, en_locale, title="Home")
    assert GroupPagePermission.objects.filter(group=group, page=english_home).exists()
    assert WorkflowPage.objects.filter(page=english_home).exists()


def test_demo_step_returns_a_tally(site, en_home_page):
    class Command:
        stdout = StringIO()

    [(label, step)] = steps(Command())
    tally = step()
    assert tally.created > 0
    assert step().changed == 0


def test_translator_cannot_delete_or_move_a_draft_translation(client, users, pages, en_locale):
    # Wagtail alone would let anyone with "change" delete an unpublished leaf page.
    draft = translate_page(
        StandardPageFactory(parent=pages["de"], title="Entwurf", slug="entwurf"), en_locale
    )
    draft.unpublish()
    client.force_login(users["translator"])
    response = client.post(reverse("wagtailadmin_pages:delete", args=[draft.pk]))
    assert refused(response)
    assert Page.objects.filter(pk=draft.pk).exists()
    response = client.post(
        reverse("wagtailadmin_pages:move_confirm", args=[draft.pk, pages["en"].get_parent().pk])
    )
    draft.refresh_from_db()
    assert draft.get_parent().pk == pages["en"].pk


def test_translator_translates_into_their_own_locale_only(
    client, users, pages, pl_locale, en_locale
):
    german = StandardPageFactory(parent=pages["de"], title="Neu", slug="neu")
    client.force_login(users["translator"])
    url = reverse("wagtail_localize:submit_page_translation", args=[german.pk])
    response = client.get(url)
    offered = {locale.pk for locale in response.context["form"].fields["locales"].queryset}
    assert offered == {en_locale.pk}
    assert refused(client.post(url, {"locales": [pl_locale.pk]}))
    assert not german.has_translation(pl_locale)
    client.post(url, {"locales": [en_locale.pk]})
    assert german.has_translation(en_locale)


def test_translator_syncs_and_publishes_own_language_only(
    client, users, pages, en_locale, pl_locale
):
    from wagtail_localize.models import Translation, TranslationSource

    german = StandardPageFactory(parent=pages["de"], title="Synchron", slug="synchron")
    german.save_revision().publish()
    source, _created = TranslationSource.get_or_create_from_instance(german)
    Translation.objects.create(source=source, target_locale=en_locale).save_target(publish=True)
    english = german.get_translation(en_locale)
    german.title = "Synchron geändert"
    german.save_revision().publish()
    client.force_login(users["translator"])
    url = reverse("wagtail_localize:update_translations", args=[source.pk])

    client.post(url, {"publish_translations": "on"})

    english.refresh_from_db()
    assert english.title == "Synchron geändert"


def test_translator_cannot_sync_into_another_language(client, users, pages, en_locale, pl_locale):
    from wagtail_localize.models import Translation, TranslationSource

    german = StandardPageFactory(parent=pages["de"], title="Synchron", slug="synchron")
    german.save_revision().publish()
    source, _created = TranslationSource.get_or_create_from_instance(german)
    Translation.objects.create(source=source, target_locale=en_locale).save_target(publish=True)
    Translation.objects.create(source=source, target_locale=pl_locale)
    german.title = "Synchron geändert"
    german.save_revision().publish()
    client.force_login(users["translator"])
    url = reverse("wagtail_localize:update_translations", args=[source.pk])

    response = client.post(url, {"publish_translations": "on"})

    assert refused(response)
    assert german.get_translation(en_locale).title == "Synchron"


def test_translator_cannot_edit_strings_of_another_locale(client, users, quotes, pl_locale):
    from wagtail_localize.models import Translation, TranslationSource

    quotes["de"].copy_for_translation(pl_locale).save()
    source, _created = TranslationSource.get_or_create_from_instance(quotes["de"])
    translation = Translation.objects.create(source=source, target_locale=pl_locale)
    client.force_login(users["translator"])
    url = reverse("wagtail_localize:download_pofile", args=[translation.pk])
    assert refused(client.get(url))
    client.force_login(users["chefredaktion"])
    assert client.get(url).status_code == 200
