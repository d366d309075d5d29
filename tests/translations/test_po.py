"""PO round trip of a page or section, and a clear error for each wrong file."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail_localize.models import StringTranslation

import polib
import pytest

from translations import po

from .conftest import SECTION_SIZE, build_pages, fresh

pytestmark = pytest.mark.django_db


def export_url(page, locale, scope=po.SECTION):
    return (
        reverse("translations:po_export", args=[page.pk, locale.language_code]) + f"?scope={scope}"
    )


def import_url(page, locale):
    return reverse("translations:po_import", args=[page.pk, locale.language_code])


def download(client, page, locale, scope=po.SECTION):
    response = client.get(export_url(page, locale, scope))
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.po"')
    return polib.pofile(response.content.decode())


def upload(client, page, locale, content, scope=po.SECTION, name="agentur.po"):
    if isinstance(content, polib.POFile):
        content = str(content).encode()
    return client.post(
        import_url(page, locale),
        {"scope": scope, "file": SimpleUploadedFile(name, content)},
    )


def test_round_trip_of_a_section(admin_logged_in_client, section_pages, en_locale, translation_of):
    root = section_pages[0]
    exported = download(admin_logged_in_client, root, en_locale)

    assert exported.metadata["Language"] == "en"
    page_ids = {int(entry.msgctxt.split(":")[0]) for entry in exported}
    assert page_ids == {page.pk for page in section_pages} and len(page_ids) == SECTION_SIZE
    for entry in exported:
        entry.msgstr = f"EN {entry.msgid}"

    response = upload(admin_logged_in_client, root, en_locale, exported)

    assert response.status_code == 302
    for page in section_pages:
        total, translated = translation_of(page, en_locale).get_progress()
        assert total == translated > 0
    assert set(
        StringTranslation.objects.filter(locale=en_locale).values_list(
            "translation_type", flat=True
        )
    ) == {"manual"}
    # Exported again, the file carries the imported translations.
    again = download(admin_logged_in_client, root, en_locale)
    assert all(entry.msgstr == f"EN {entry.msgid}" for entry in again)


def test_import_keeps_translations_missing_from_the_file(
    admin_logged_in_client, section_pages, en_locale, translate_strings, translation_of
):
    page = section_pages[1]
    translate_strings(page, en_locale, prefix="Übersetzerin: ")
    exported = download(admin_logged_in_client, page, en_locale, scope=po.PAGE)
    for entry in exported:
        entry.msgstr = ""
    exported[0].msgstr = "Nur dieser"

    upload(admin_logged_in_client, page, en_locale, exported, scope=po.PAGE)

    total, translated = translation_of(page, en_locale).get_progress()
    assert total == translated
    texts = set(StringTranslation.objects.filter(locale=en_locale).values_list("data", flat=True))
    assert "Nur dieser" in texts
    assert len([text for text in texts if text.startswith("Übersetzerin: ")]) == total - 1


def test_a_wagtail_localize_file_of_the_page_is_accepted(
    admin_logged_in_client, section_pages, en_locale, translation_of
):
    page = section_pages[2]
    native = translation_of(page, en_locale).export_po()
    for entry in native:
        entry.msgstr = "EN"

    response = upload(admin_logged_in_client, page, en_locale, native, scope=po.PAGE)

    assert response.status_code == 302
    total, translated = translation_of(page, en_locale).get_progress()
    assert total == translated


def form_error(response, code):
    assert response.status_code == 200
    form = response.context["form"]
    assert form.has_error("file", code=code), form.errors
    return form.errors["file"]


def test_a_file_for_another_section_is_refused(
    admin_logged_in_client, section_pages, en_locale, home_page, create_translations
):
    other = build_pages(home_page, "Andere", 1)
    create_translations(other)
    exported = download(admin_logged_in_client, other[0], en_locale)
    for entry in exported:
        entry.msgstr = "x"

    response = upload(admin_logged_in_client, section_pages[0], en_locale, exported)

    form_error(response, "other_page")


def test_a_file_for_another_page_made_by_wagtail_localize_is_refused(
    admin_logged_in_client, section_pages, en_locale, translation_of
):
    native = translation_of(section_pages[3], en_locale).export_po()

    response = upload(admin_logged_in_client, section_pages[4], en_locale, native, scope=po.PAGE)

    form_error(response, "other_page")


def test_a_file_for_another_locale_is_refused(admin_logged_in_client, section_pages, en_locale):
    exported = download(admin_logged_in_client, section_pages[0], en_locale)
    exported.metadata["Language"] = "pl"
    for entry in exported:
        entry.msgstr = "Polski"

    response = upload(admin_logged_in_client, section_pages[0], en_locale, exported)

    (message,) = form_error(response, "other_locale")
    assert "pl" in message


def test_an_entry_of_a_page_outside_the_section_is_refused(
    admin_logged_in_client, section_pages, en_locale
):
    exported = download(admin_logged_in_client, section_pages[1], en_locale)
    for entry in exported:
        entry.msgstr = "x"
    exported[0].msgctxt = f"{section_pages[0].pk}:title"

    response = upload(admin_logged_in_client, section_pages[1], en_locale, exported)

    form_error(response, "other_page")


@pytest.mark.parametrize(
    "content", [b'msgid "Absatz"\nmsgstr "Paragraph"\nkaputt\n', b"\xff\xfe\x00binary"]
)
def test_a_broken_file_is_refused(admin_logged_in_client, section_pages, en_locale, content):
    response = upload(admin_logged_in_client, section_pages[0], en_locale, content)

    (message,) = form_error(response, "broken")
    assert "/tmp" not in message


def test_a_file_that_is_not_po_is_refused(admin_logged_in_client, section_pages, en_locale):
    response = upload(
        admin_logged_in_client, section_pages[0], en_locale, b"PK\x03\x04", name="text.docx"
    )

    form_error(response, "not_po")


def test_a_file_with_the_wrong_scope_is_refused(admin_logged_in_client, section_pages, en_locale):
    exported = download(admin_logged_in_client, section_pages[0], en_locale, scope=po.PAGE)
    for entry in exported:
        entry.msgstr = "x"

    response = upload(admin_logged_in_client, section_pages[0], en_locale, exported)

    form_error(response, "other_scope")
    assert fresh(section_pages[0]).get_translations().count() == 1
