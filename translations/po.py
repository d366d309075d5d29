"""PO files of a page's or a whole section's translation, for external translation agencies.

wagtail-localize exports one PO file per translated object. For a section (a page and all
pages below it) this module joins those files into one: each entry's `msgctxt` is the
wagtail-localize context prefixed with the source page's id (`"42:body.0b1c….value"`), and
its translator comment names the page. The header records what the file is for:

- `Language`: the target language,
- `X-Portal-Root`: the translation key of the page the export started from,
- `X-Portal-Scope`: `page` or `section`.

On import the header must match the page and language the file is uploaded for, and every
entry must belong to a page of that scope; each page's entries are then imported with
wagtail-localize's `Translation.import_po` as manual translations. Entries with an empty
`msgstr` are skipped and nothing missing from the file is deleted. A PO file downloaded from
wagtail-localize's own editor (header `X-WagtailLocalize-TranslationID`) is accepted for the
page it was made for.
"""

import contextlib
import os
import re
import tempfile
from collections import defaultdict
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page
from wagtail_localize.models import Translation

import polib

from . import permissions

ROOT_HEADER = "X-Portal-Root"
SCOPE_HEADER = "X-Portal-Scope"
LOCALIZE_HEADER = "X-WagtailLocalize-TranslationID"
PAGE = "page"
SECTION = "section"
SCOPES = [PAGE, SECTION]
TOOL_NAME = "PO file"
PO_EXTENSIONS = (".po", ".pot")

NOT_PO = _("This is not a PO file. Upload the .po file you exported here.")
BROKEN = _("This PO file cannot be read (%(reason)s). Upload the file as the agency returned it.")
EMPTY = _("This PO file contains no translations.")
OTHER_LOCALE = _(
    "This PO file is for the language “%(found)s”, not for “%(expected)s”. "
    "Upload it on the import page of its own language."
)
OTHER_PAGE = _(
    "This PO file was exported for another page or section. "
    "Upload it on the import page of the page it was exported from."
)
OTHER_SCOPE = _(
    "This PO file was exported for this page only, not for its section (or the other way "
    "round). Choose the matching option."
)
NOT_EXPORTED_HERE = _(
    "This PO file was not exported from this site (it names no page). "
    "Export the translation here and send that file to the agency."
)


def pages_in_scope(root, scope):
    """The source pages a PO file covers: the root alone, or the root and its descendants."""
    if scope == PAGE:
        return [root]
    return list(
        Page.objects.filter(path__startswith=root.path, locale_id=root.locale_id).order_by("path")
    )


def translations_in_scope(root, locale, scope, user=None):
    """{source page id: enabled Translation into `locale`} for the pages of the scope.

    With `user`, pages whose translation the user may not edit are left out.
    """
    pages = pages_in_scope(root, scope)
    translations = Translation.objects.filter(
        source__object_id__in=[page.translation_key for page in pages],
        source__locale_id=root.locale_id,
        target_locale=locale,
        enabled=True,
    ).select_related("source", "target_locale")
    by_source = {translation.source.object_id: translation for translation in translations}
    result = {}
    for page in pages:  # in tree order, so the file reads like the site
        translation = by_source.get(page.translation_key)
        if translation is None:
            continue
        if user is not None and not permissions.can_act_on(user, page, locale):
            continue
        result[page.pk] = translation
    return result


def export_po(root, locale, scope, user=None):
    """One PO file with the strings (and existing translations) of the scope's pages."""
    po = polib.POFile(wrapwidth=200)
    po.metadata = {
        "Project-Id-Version": root.title,
        "POT-Creation-Date": str(timezone.now()),
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=utf-8",
        "Language": locale.language_code,
        ROOT_HEADER: str(root.translation_key),
        SCOPE_HEADER: scope,
    }
    pages = {page.pk: page for page in pages_in_scope(root, scope)}
    for page_id, translation in translations_in_scope(root, locale, scope, user).items():
        for entry in translation.export_po():
            if entry.obsolete:
                continue
            entry.msgctxt = f"{page_id}:{entry.msgctxt}"
            entry.tcomment = str(pages[page_id].title)
            po.append(entry)
    return po


def filename(root, locale, scope):
    return f"{root.slug}-{scope}-{locale.language_code}.po"


def parse(uploaded_file):
    """A polib.POFile from an upload; ValidationError if it is not a readable PO file."""
    name = (uploaded_file.name or "").lower()
    if not name.endswith(PO_EXTENSIONS):
        raise ValidationError(NOT_PO, code="not_po")
    # polib takes a file name or the contents; passing contents could make it read a file
    # whose name an uploader chose, so the upload is always written to a file first.
    with tempfile.NamedTemporaryFile(suffix=".po", delete=False) as handle:
        for chunk in uploaded_file.chunks():
            handle.write(chunk)
    try:
        po = polib.pofile(handle.name)
    except UnicodeDecodeError as error:
        reason = _("the text is not UTF-8")
        raise ValidationError(BROKEN, code="broken", params={"reason": reason}) from error
    except (OSError, ValueError) as error:
        # polib reports syntax errors as OSError naming the temporary file; show the line only.
        line = re.search(r"line (\d+)", str(error))
        reason = (
            _("syntax error in line %(line)s") % {"line": line[1]} if line else _("syntax error")
        )
        raise ValidationError(BROKEN, code="broken", params={"reason": reason}) from error
    finally:
        with contextlib.suppress(OSError):
            os.unlink(handle.name)
    if not po.metadata and not len(po):
        raise ValidationError(
            BROKEN, code="broken", params={"reason": _("no header and no entries")}
        )
    return po


def check(po, root, locale, scope):
    """Raise ValidationError unless `po` was exported for `root`, `locale` and `scope`."""
    language = po.metadata.get("Language", "").replace("_", "-").lower()
    if LOCALIZE_HEADER in po.metadata:
        translation = Translation.objects.filter(uuid=po.metadata[LOCALIZE_HEADER]).first()
        if translation is None or translation.source.object_id != root.translation_key:
            raise ValidationError(OTHER_PAGE, code="other_page")
        if translation.target_locale_id != locale.pk:
            found = translation.target_locale.language_code
            raise ValidationError(
                OTHER_LOCALE,
                code="other_locale",
                params={"found": found, "expected": locale.language_code},
            )
        return
    if ROOT_HEADER not in po.metadata:
        raise ValidationError(NOT_EXPORTED_HERE, code="not_exported_here")
    if language and language.split("-")[0] != locale.language_code.lower().split("-")[0]:
        raise ValidationError(
            OTHER_LOCALE,
            code="other_locale",
            params={"found": language, "expected": locale.language_code},
        )
    if po.metadata[ROOT_HEADER] != str(root.translation_key):
        raise ValidationError(OTHER_PAGE, code="other_page")
    if po.metadata.get(SCOPE_HEADER) != scope:
        raise ValidationError(OTHER_SCOPE, code="other_scope")
    if not any(entry.msgstr for entry in po if not entry.obsolete):
        raise ValidationError(EMPTY, code="empty")


@dataclass
class ImportResult:
    imported: int = 0
    skipped: int = 0
    pages: int = 0


def import_po(po, root, locale, scope, user):
    """Import a checked PO file; returns an `ImportResult`.

    Raises ValidationError if an entry belongs to a page outside the scope.
    """
    result = ImportResult()
    if LOCALIZE_HEADER in po.metadata:
        translation = Translation.objects.get(uuid=po.metadata[LOCALIZE_HEADER])
        warnings = translation.import_po(po, user=user, tool_name=TOOL_NAME)
        result.imported = sum(1 for entry in po if entry.msgstr and not entry.obsolete)
        result.imported -= len(warnings)
        result.skipped = len(warnings)
        result.pages = 1
        return result

    entries = defaultdict(list)
    for entry in po:
        if entry.obsolete or not entry.msgstr:
            continue
        page_id, separator, context = (entry.msgctxt or "").partition(":")
        if not separator or not page_id.isdigit():
            raise ValidationError(NOT_EXPORTED_HERE, code="not_exported_here")
        entries[int(page_id)].append(
            polib.POEntry(msgid=entry.msgid, msgstr=entry.msgstr, msgctxt=context)
        )

    in_scope = {page.pk for page in pages_in_scope(root, scope)}
    if not set(entries) <= in_scope:
        raise ValidationError(OTHER_PAGE, code="other_page")

    translations = translations_in_scope(root, locale, scope, user)
    for page_id, page_entries in entries.items():
        translation = translations.get(page_id)
        if translation is None:
            # Not translated into this locale (any more), or not the user's to edit.
            result.skipped += len(page_entries)
            continue
        page_po = polib.POFile()
        page_po.extend(page_entries)
        warnings = translation.import_po(page_po, user=user, tool_name=TOOL_NAME)
        result.imported += len(page_entries) - len(warnings)
        result.skipped += len(warnings)
        result.pages += 1
    return result
