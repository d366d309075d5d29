"""The review workflows: "Freigabe" on the German tree, translation approval on the English
one, and scheduled publishing with `publish_scheduled`."""

import datetime

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page, WorkflowState

import pytest

from editorial.roles import REVIEW_WORKFLOW, TRANSLATION_WORKFLOW, german_language_name

from .conftest import edit_form_data

pytestmark = pytest.mark.django_db


def submit(client, superuser, user, page, title, **extra):
    """`user` changes the title in the edit form and submits the page to its workflow."""
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = edit_form_data(client, superuser, url)
    client.force_login(user)
    data["title"] = title
    data["action-submit"] = "action-submit"
    data.update(extra)
    response = client.post(url, data)
    assert response.status_code == 302, response
    return WorkflowState.objects.get(
        base_content_type__isnull=False, object_id=str(page.pk), status="in_progress"
    )


def approve(client, user, page, state):
    client.force_login(user)
    task_state = state.current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    return client.post(url, {"comment": ""})


def test_workflows_are_assigned_to_each_tree(pages):
    assert pages["de"].get_workflow().name == REVIEW_WORKFLOW
    language = german_language_name("en")
    assert pages["en"].get_workflow().name == TRANSLATION_WORKFLOW.format(language=language)


def test_redaktion_submits_and_chefredaktion_publishes(client, superuser, users, pages):
    page = pages["de"]
    state = submit(client, superuser, users["redaktion"], page, "Zur Freigabe")
    page.refresh_from_db()
    assert page.title == "Über uns"  # not live yet
    # Redaktion is not in the approval task's group: the approval is refused.
    approve(client, users["redaktion"], page, state)
    page.refresh_from_db()
    assert page.title == "Über uns"
    response = approve(client, users["chefredaktion"], page, state)
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.title == "Zur Freigabe"
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED


def test_translation_goes_live_only_after_approval(client, superuser, users, pages):
    page = pages["en"]
    translator = users["translator"]
    state = submit(client, superuser, translator, page, "About the region")
    page.refresh_from_db()
    assert page.title == "About us"
    # The German editors are not approvers of translations.
    approve(client, users["redaktion"], page, state)
    page.refresh_from_db()
    assert page.title == "About us"
    approve(client, translator, page, state)
    page.refresh_from_db()
    assert page.title == "About the region"


def test_chefredaktion_may_approve_a_translation(client, superuser, users, pages):
    page = pages["en"]
    state = submit(client, superuser, users["translator"], page, "About the region")
    approve(client, users["chefredaktion"], page, state)
    page.refresh_from_db()
    assert page.title == "About the region"


def test_translator_approves_a_translation_by_publishing_it(client, superuser, users, pages):
    page = pages["en"]
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = edit_form_data(client, superuser, url)
    client.force_login(users["translator"])
    data["title"] = "About the region"
    data["action-publish"] = "action-publish"
    client.post(url, data)
    page.refresh_from_db()
    assert page.title == "About the region"
    assert page.live


def test_translator_cannot_publish_the_german_source(client, superuser, users, pages):
    page = pages["de"]
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = edit_form_data(client, superuser, url)
    client.force_login(users["translator"])
    data["title"] = "Ohne Freigabe"
    data["action-publish"] = "action-publish"
    client.post(url, data)
    page.refresh_from_db()
    assert page.title != "Ohne Freigabe"
    assert not page.permissions_for_user(users["translator"]).can_publish()


def test_approved_page_goes_live_at_its_scheduled_time(
    client, superuser, users, pages, monkeypatch
):
    page = pages["de"]
    go_live = timezone.now() + datetime.timedelta(days=2)
    local = timezone.localtime(go_live).strftime("%d.%m.%Y %H:%M")
    state = submit(client, superuser, users["redaktion"], page, "Geplant", go_live_at=local)
    approve(client, users["chefredaktion"], page, state)
    page.refresh_from_db()
    assert page.title == "Über uns"
    assert page.live
    revision = page.get_latest_revision()
    assert revision.approved_go_live_at is not None

    call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.title == "Über uns"  # too early

    later = go_live + datetime.timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.title == "Geplant"
    assert Page.objects.get(pk=page.pk).live


def test_finish_action_is_configured(settings):
    # Fails until cms/settings/base.py names the editorial finish action (see docs/roles.md).
    assert settings.WAGTAIL_FINISH_WORKFLOW_ACTION == (
        "editorial.workflows.publish_approved_revision"
    )
