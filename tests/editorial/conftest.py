"""Fixtures for the editorial roles: the groups set up, one user per group, and content.

Every content fixture is live: a German standard page and its English translation, a German
quote and its English translation, and a Polish locale (no tree) to translate into.
"""

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import Locale, WorkflowState
from wagtail.test.utils.form_data import querydict_from_html

import pytest

from editorial.roles import CHEFREDAKTION, REDAKTION, setup_roles, translator_group_name
from editorial.workflows import publish_approved_revision
from home.factories import StandardPageFactory
from quotes.factories import QuoteFactory
from tests.conftest import translate_page


@pytest.fixture
def roles(site, en_home_page):
    """The editorial roles as `setup_editorial_roles` creates them for German and English."""
    return setup_roles()


def _member(django_user_model, username, group_name):
    user = django_user_model.objects.create_user(username=username, password="geheim-123")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def users(roles, django_user_model):
    return {
        "redaktion": _member(django_user_model, "redakteurin", REDAKTION),
        "chefredaktion": _member(django_user_model, "chefin", CHEFREDAKTION),
        "translator": _member(django_user_model, "uebersetzer", translator_group_name("en")),
    }


@pytest.fixture
def pl_locale(roles, settings):
    """Polish added by configuration, as the README describes; its tree does not exist yet."""
    settings.LANGUAGES = [*settings.LANGUAGES, ("pl", "Polish")]
    settings.WAGTAIL_CONTENT_LANGUAGES = [*settings.WAGTAIL_CONTENT_LANGUAGES, ("pl", "Polish")]
    locale = Locale.objects.get_or_create(language_code="pl")[0]
    setup_roles()
    return locale


@pytest.fixture
def pages(roles, home_page, en_home_page, en_locale):
    german = StandardPageFactory(parent=home_page, title="Über uns", slug="ueber-uns")
    # Published through a revision, as the admin does, so scheduled changes keep it live.
    german.save_revision().publish()
    english = translate_page(german, en_locale, title="About us", slug="about-us")
    return {"de": german, "en": english}


@pytest.fixture
def quotes(roles, en_locale):
    german = QuoteFactory(text="Ein starker Standort.")
    english = german.copy_for_translation(en_locale)
    english.text = "A strong location."
    english.save()
    english.save_revision().publish()
    return {"de": german, "en": english}


def edit_form_data(client, superuser, url, form_id=None):
    """The edit form's data as the admin renders it (read as a superuser)."""
    client.force_login(superuser)
    response = client.get(url)
    assert response.status_code == 200
    if form_id is None:
        soup_forms = response.content.decode()
        data = querydict_from_html(soup_forms, form_index=_edit_form_index(soup_forms))
    else:
        data = querydict_from_html(response.content.decode(), form_id=form_id)
    client.logout()
    data = data.copy()
    # The StreamField editor is built by JavaScript, so its inputs are not in the HTML; an
    # empty body is posted (StandardPage's body may be empty).
    if "/pages/" in url and "body-count" not in data:
        data["body-count"] = "0"
    return data


def _edit_form_index(html):
    from wagtail.test.utils import WagtailTestUtils

    forms = WagtailTestUtils.get_soup(html).find_all("form")
    for index, form in enumerate(forms):
        if form.get("data-edit-form") is not None or form.get("id") == "w-editor-form":
            return index
    raise AssertionError("no edit form found")


def refused(response):
    """Wagtail refuses an admin request with a redirect to the dashboard (or a 403)."""
    return response.status_code == 403 or (
        response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    )


@pytest.fixture(autouse=True)
def _finish_action(monkeypatch):
    """The finish action of cms/settings (`WAGTAIL_FINISH_WORKFLOW_ACTION`), applied here too:
    Wagtail reads the setting once, when its models are imported."""
    monkeypatch.setattr(WorkflowState, "on_finish", publish_approved_revision)
