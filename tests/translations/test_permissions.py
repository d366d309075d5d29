"""Only users who may edit the target tree act on translations; everyone else gets 403."""

from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.models import GroupPagePermission

import pytest

from .conftest import MARKER_BACKEND, fresh

pytestmark = pytest.mark.django_db


def user_with_page_permission(django_user_model, page, name):
    group = Group.objects.create(name=name)
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group, page=page, permission=Permission.objects.get(codename=codename)
        )
    user = django_user_model.objects.create_user(username=name, password="x")
    user.groups.add(group)
    return user


@pytest.fixture
def german_editor(django_user_model, home_page):
    """May edit the German tree only."""
    return user_with_page_permission(django_user_model, home_page, "deutsch")


@pytest.fixture
def english_translator(django_user_model, en_home_page):
    """May edit the English tree only."""
    return user_with_page_permission(django_user_model, en_home_page, "englisch")


def row_key(page, locale):
    return f"{fresh(page).content_type_id}:{page.pk}:{locale.pk}"


def test_without_edit_permission_on_the_target_every_action_is_forbidden(
    client, german_editor, section_pages, en_locale, settings
):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = MARKER_BACKEND
    client.force_login(german_editor)
    root = section_pages[0]

    sync = client.post(
        reverse("translations:report"), {"rows": [row_key(root, en_locale)], "action": "sync"}
    )
    export = client.get(reverse("translations:po_export", args=[root.pk, "en"]))
    upload = client.post(
        reverse("translations:po_import", args=[root.pk, "en"]),
        {"scope": "section", "file": SimpleUploadedFile("a.po", b'msgid ""\nmsgstr ""\n')},
    )
    machine = client.post(reverse("translations:machine", args=[root.pk, "en"]))

    assert [sync.status_code, export.status_code, upload.status_code, machine.status_code] == [
        403
    ] * 4
    assert not fresh(root).get_translation(en_locale).has_unpublished_changes


def test_one_forbidden_row_forbids_the_whole_action(
    client, english_translator, section_pages, en_locale, home_page
):
    from home.factories import StandardPageFactory

    # A page that was never translated needs wagtail-localize's "submit translation" right.
    new = StandardPageFactory(parent=section_pages[0])
    client.force_login(english_translator)

    response = client.post(
        reverse("translations:report"),
        {"rows": [row_key(section_pages[1], en_locale), row_key(new, en_locale)], "action": "sync"},
    )

    assert response.status_code == 403
    assert new.get_translations().count() == 0
    assert not fresh(section_pages[1]).get_translation(en_locale).has_unpublished_changes


def test_a_translator_of_the_target_tree_may_sync_and_import(
    client, english_translator, section_pages, en_locale
):
    client.force_login(english_translator)
    root = section_pages[0]

    assert client.get(reverse("translations:report")).status_code == 200
    response = client.post(
        reverse("translations:report"), {"rows": [row_key(root, en_locale)], "action": "sync"}
    )
    assert response.status_code == 302
    assert fresh(root).get_translation(en_locale).has_unpublished_changes
    assert client.get(reverse("translations:po_import", args=[root.pk, "en"])).status_code == 200
