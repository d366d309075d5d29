"""Security pieces the settings refer to (cms/settings/security.py, docs/security.md).

- `SecurityHeadersMiddleware`: Content-Security-Policy (django-csp) with one policy for the
  public site and one for the Wagtail admin, and Permissions-Policy.
- `LoginThrottleBackend`, `login_lockout_response`, `client_ip`: django-axes' lockout of
  repeated failed logins, shown on Wagtail's login form.
- `SafeDocumentForm`: documents whose content does not match their extension are refused,
  with one error message on the file field.
"""

import io
import zipfile
from dataclasses import asdict
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.forms.utils import ErrorList
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail.documents.forms import BaseDocumentForm

from axes.backends import AxesStandaloneBackend
from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject, CSPMiddleware, PolicyParts
from csp.utils import build_policy, default_config

# Headers


def _origin(url):
    """The scheme and host of an absolute URL (or URL template), as a CSP source.

    None for same-origin URLs. OpenStreetMap-style tile templates name subdomains as {s}:
    they become a wildcard.
    """
    parts = urlsplit(url or "")
    if not parts.scheme or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc.replace('{s}', '*')}"


def build_directives(policy, tile_url, asset_urls):
    """The policy's directives, plus the map tiles' origin and the origins of static and
    media files served from another host (CDN, S3)."""
    directives = default_config(policy.get("DIRECTIVES", {}))
    tiles = _origin(tile_url)
    if tiles and directives.get("img-src") is not None:
        directives["img-src"] = [*directives["img-src"], tiles]
    origins = [origin for origin in map(_origin, asset_urls) if origin]
    if origins:
        for name in ("img-src", "media-src", "script-src", "style-src", "font-src"):
            if directives.get(name) is not None:
                directives[name] = [*directives[name], *origins]
    return directives


class SecurityHeadersMiddleware(CSPMiddleware):
    """Adds Content-Security-Policy and Permissions-Policy to every response.

    Sits above the page cache, so a cached page gets the headers on every hit, and they
    are never stored with it. A response that already has a policy keeps it: Wagtail's
    document view sends `default-src 'none'` for the files it serves.
    """

    def __init__(self, get_response):
        super().__init__(get_response)
        self.permissions_policy = ", ".join(
            f"{feature}=({' '.join(allowed)})"
            for feature, allowed in settings.PERMISSIONS_POLICY.items()
        )
        self._policies = {}
        self._headers = {}

    def policy(self, admin):
        """The directives for the admin or the public site, rebuilt when the settings they
        depend on change (tests point MAP_TILE_URL at a local tile server)."""
        key = (admin, settings.MAP_TILE_URL, settings.MEDIA_URL, settings.STATIC_URL)
        if key not in self._policies:
            source = settings.CONTENT_SECURITY_POLICY
            if admin:
                source = settings.ADMIN_CONTENT_SECURITY_POLICY
            self._policies[key] = build_directives(
                source, settings.MAP_TILE_URL, (settings.MEDIA_URL, settings.STATIC_URL)
            )
        return self._policies[key]

    @cached_property
    def admin_prefix(self):
        # Resolved on the first request: the URLconf is not loaded yet when the middleware is.
        return reverse("wagtailadmin_home")

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None:
            # The Wagtail admin, its page previews and the login lockout need inline code.
            admin = request.path_info.startswith(self.admin_prefix)
            return PolicyParts(
                config=self.policy(admin),
                update=parts.update,
                replace=parts.replace,
                nonce=parts.nonce,
            )
        return parts

    def process_response(self, request, response):
        response = self.add_policy_headers(request, response)
        if self.permissions_policy and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = self.permissions_policy
        return response

    def policy_header(self, parts, report_only):
        """The header for ``parts``: built once per policy when nothing varies per response.

        django-csp builds the header on every response (a deep copy of the policy and a
        join), which is a fifth of a page-cache hit. The portal's policies change only with
        the settings, and ``self.policy()`` returns one dict per settings combination, so the
        built string is kept per dict (and per report-only setting) unless a view updated,
        replaced or added a nonce to the policy of this response.
        """
        if parts.update is not None or parts.replace is not None or parts.nonce is not None:
            return build_policy(**asdict(parts), report_only=report_only)
        if parts.config is not None:
            key = ("config", id(parts.config), report_only)
        else:
            name = "CONTENT_SECURITY_POLICY" + ("_REPORT_ONLY" if report_only else "")
            key = ("settings", repr(getattr(settings, name, None)), report_only)
        header = self._headers.get(key)
        if header is None:
            header = self._headers[key] = build_policy(**asdict(parts), report_only=report_only)
        return header

    def add_policy_headers(self, request, response):
        """django-csp's `process_response`, with the headers from `policy_header`."""
        if response.status_code in (500, 404) and settings.DEBUG:
            return response
        for report_only, header_name, exempt_flag, setting_name in (
            (False, HEADER, "_csp_exempt", "CONTENT_SECURITY_POLICY"),
            (True, HEADER_REPORT_ONLY, "_csp_exempt_ro", "CONTENT_SECURITY_POLICY_REPORT_ONLY"),
        ):
            parts = self.get_policy_parts(request, response, report_only=report_only)
            csp = self.policy_header(parts, report_only)
            if not csp or header_name in response or getattr(response, exempt_flag, False):
                continue
            prefixes = (getattr(settings, setting_name, None) or {}).get("EXCLUDE_URL_PREFIXES")
            if not request.path_info.startswith(tuple(prefixes or ())):
                response[header_name] = csp
        if getattr(request, "_csp_nonce", None) is None:
            # As django-csp: a nonce asked for after the header was written is an error.
            request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response


# Login throttling


class LoginThrottleBackend(AxesStandaloneBackend):
    """django-axes' lockout check, for logins that come with a request.

    Every login form (Wagtail's, password reset) passes the request. Logins without one
    come from code on the server (the test client, management commands): no visitor can
    repeat them, and django-axes would refuse them with an error.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)

    def get_user(self, user_id):
        # `force_login` without a backend records the first one in the session.
        return ModelBackend().get_user(user_id)


def client_ip(request):
    """The visitor's address: from X-Forwarded-For behind LOGIN_THROTTLE_PROXY_COUNT proxies.

    Each proxy appends the address it saw, so the visitor's is the N-th from the right;
    anything further left was sent by the client and can be forged.
    """
    proxies = settings.LOGIN_THROTTLE_PROXY_COUNT
    if proxies:
        forwarded = [
            address.strip()
            for address in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if address.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")


def lockout_message():
    minutes = settings.LOGIN_LOCKOUT_MINUTES
    return ngettext(
        "Too many failed logins for this user name from your address. "
        "Please try again in %(minutes)d minute.",
        "Too many failed logins for this user name from your address. "
        "Please try again in %(minutes)d minutes.",
        minutes,
    ) % {"minutes": minutes}


def login_lockout_response(request, original_response=None, credentials=None):
    """Wagtail's login form again, with the lockout as its error (HTTP 429).

    The form keeps the user name; the password is not checked while the lock lasts, so a
    correct password does not help and the message says so.
    """
    status = settings.AXES_HTTP_RESPONSE_CODE
    form = None
    if isinstance(original_response, TemplateResponse) and original_response.context_data:
        form = original_response.context_data.get("form")
    if form is None or not hasattr(form, "errors"):
        return HttpResponse(lockout_message(), status=status, content_type="text/plain")
    form.errors.clear()
    form.errors["__all__"] = ErrorList([lockout_message()])
    response = TemplateResponse(
        request,
        original_response.template_name,
        original_response.context_data,
        status=status,
    )
    return response.render()


# Uploads

# What the ZIP container of each office format must hold, besides being a ZIP file.
OOXML_FOLDERS = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}
ODF_MIMETYPES = {"odt": "application/vnd.oasis.opendocument.text"}
# Start of a text file a browser could take for a web page or an image with scripts.
MARKUP_STARTS = (b"<!doctype", b"<html", b"<head", b"<body", b"<script", b"<svg", b"<?xml")
SNIFF_BYTES = 64 * 1024


class SafeDocumentForm(BaseDocumentForm):
    """Wagtail's document form, refusing files whose content does not match the extension.

    Wagtail checks the extension only (WAGTAILDOCS_EXTENSIONS): a web page renamed to .pdf
    would be accepted and could run scripts when opened from the site's domain.
    """

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if isinstance(uploaded, UploadedFile):
            check_document_content(uploaded)
        return uploaded

    def _update_errors(self, errors):
        """The model's validation, without its word on a field the form has refused.

        Django validates the model after the form, with the fields the form refused left out,
        except in the model's `clean()`. Wagtail's `Document.clean()` checks the file's
        extension: after a refused upload the new document has no file, and the editor got
        "file extension “” is not allowed" below the real reason.
        """
        if hasattr(errors, "error_dict"):
            refused = {name for name in errors.error_dict if name in self._errors}
            if refused:
                kept = {
                    name: messages
                    for name, messages in errors.error_dict.items()
                    if name not in refused
                }
                if not kept:
                    return
                errors = ValidationError(kept)
        super()._update_errors(errors)


def check_document_content(uploaded):
    """Raise a ValidationError when the upload's bytes are not of its extension's type."""
    extension = uploaded.name.rsplit(".", 1)[-1].lower() if "." in uploaded.name else ""
    uploaded.seek(0)
    head = uploaded.read(SNIFF_BYTES)
    uploaded.seek(0)
    mismatch = ValidationError(
        _("The file's content is not a .%(extension)s file."),
        code="content_mismatch",
        params={"extension": extension},
    )
    if extension == "pdf":
        if b"%PDF-" not in head[:1024]:
            raise mismatch
    elif extension in ("txt", "csv"):
        start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
        if b"\x00" in head or start.startswith(MARKUP_STARTS):
            raise mismatch
    elif extension in ("zip", *OOXML_FOLDERS, *ODF_MIMETYPES):
        names = zip_names(uploaded)
        uploaded.seek(0)
        if names is None:
            raise mismatch
        if extension in OOXML_FOLDERS:
            folder = OOXML_FOLDERS[extension]
            if "[Content_Types].xml" not in names or not any(
                name.startswith(folder) for name in names
            ):
                raise mismatch
            if any(name.lower().endswith("vbaproject.bin") for name in names):
                raise ValidationError(
                    _("Office files with macros are not accepted."), code="macros"
                )
        elif extension in ODF_MIMETYPES:
            if read_zip_member(uploaded, "mimetype") != ODF_MIMETYPES[extension].encode():
                raise mismatch
            uploaded.seek(0)


def zip_names(uploaded):
    try:
        with zipfile.ZipFile(_seekable(uploaded)) as archive:
            return set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None


def read_zip_member(uploaded, name):
    try:
        with zipfile.ZipFile(_seekable(uploaded)) as archive:
            return archive.read(name).strip()
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        return None


def _seekable(uploaded):
    uploaded.seek(0)
    handle = getattr(uploaded, "file", uploaded)
    if hasattr(handle, "seekable") and handle.seekable():
        return handle
    return io.BytesIO(uploaded.read())
