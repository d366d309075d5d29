"""The admin's answer to a form that did not arrive as the admin sent it: 400, never 500.

Wagtail and Django read a submitted form trusting that its script-built parts are complete:
a StreamField without its `body-count` input raises `MultiValueDictKeyError`, a count that is
not a number a `ValueError`, both from `value_from_datadict`. A browser that cut the upload
short, an extension that rewrote the form or a hand-made request then got a server error.
`MalformedFormMiddleware` answers those requests under the admin's URL with a 400 page in the
admin's look (JSON for the admin's script requests, as Wagtail's own views answer them), and
logs one warning line per request on the logger `editorial.malformed_forms` (docs/security.md).

What counts as malformed, and nothing else (a real bug still ends in a 500 and its report):

- `MultiValueDictKeyError`: a view or form asked the submitted data for a key it lacks;
- `KeyError`, `ValueError`, `TypeError`, `IndexError` raised inside a `value_from_datadict` or
  `value_omitted_from_data` (the widget and block methods that read the submitted data, such as
  Wagtail's `StreamBlock.value_from_datadict`), or, for a POST, inside a form widget drawing
  the submitted value again (Wagtail's choosers look up a submitted id that is no number);
- `ValidationError` escaping a view (Django's forms turn it into field errors; one that gets
  out was raised on data no form had checked).

`SuspiciousOperation` (too many fields, a bad multipart body) and `BadRequest` are already
400s in Django and stay Django's.
"""

import logging
import traceback

from django import forms
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.datastructures import MultiValueDictKeyError
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

LOGGER_NAME = "editorial.malformed_forms"
logger = logging.getLogger(LOGGER_NAME)

# The methods of Django's widgets and Wagtail's blocks that read a form's submitted data.
DATA_READERS = frozenset({"value_from_datadict", "value_omitted_from_data"})
DATA_ERRORS = (KeyError, ValueError, TypeError, IndexError)


def innermost_frame(exception):
    """The frame that raised ``exception``, as a FrameSummary (None without a traceback)."""
    frames = traceback.extract_tb(exception.__traceback__)
    return frames[-1] if frames else None


def is_malformed_form_error(request, exception):
    """Whether ``exception`` comes from submitted data the view could not read."""
    if isinstance(exception, (MultiValueDictKeyError, ValidationError)):
        return True
    if not isinstance(exception, DATA_ERRORS):
        return False
    for frame, _line in traceback.walk_tb(exception.__traceback__):
        if frame.f_code.co_name in DATA_READERS:
            return True
        # A widget drawing a submitted value again, with the form's errors: Wagtail's
        # choosers look the submitted id up and fail on one that is not a number.
        if request.method == "POST" and isinstance(frame.f_locals.get("self"), forms.Widget):
            return True
    return False


def validation_messages(exception):
    if isinstance(exception, ValidationError):
        return [str(message) for message in exception.messages]
    return []


class MalformedFormMiddleware:
    """Turns errors from unreadable admin form data into a 400 (see the module docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    @cached_property
    def admin_prefix(self):
        # Resolved on the first exception: the URLconf is not loaded with the middleware.
        return reverse("wagtailadmin_home")

    def process_exception(self, request, exception):
        if not request.path_info.startswith(self.admin_prefix):
            return None
        if not is_malformed_form_error(request, exception):
            return None
        frame = innermost_frame(exception)
        user = getattr(request, "user", None)
        logger.warning(
            "Malformed form data, answered with 400: %s %s by %s: %s: %s (at %s)",
            request.method,
            request.get_full_path(),
            getattr(user, "pk", None) or "anonymous",
            type(exception).__name__,
            exception,
            f"{frame.filename}:{frame.lineno} in {frame.name}" if frame else "?",
        )
        return self.response(request, exception)

    def response(self, request, exception):
        message = _(
            "The form was incomplete or damaged when it reached the server, so nothing was "
            "saved. This happens when the page had not finished loading or a browser "
            "extension changed the form. Please open the form again and repeat your changes."
        )
        details = validation_messages(exception)
        if not request.accepts("text/html"):
            # The admin's script requests (autosave, uploads) read Wagtail's JSON errors.
            return JsonResponse(
                {
                    "success": False,
                    "error_code": "bad_request",
                    "error_message": " ".join([message, *details]),
                },
                status=400,
            )
        user = getattr(request, "user", None)
        in_admin = bool(
            user and user.is_authenticated and user.has_perm("wagtailadmin.access_admin")
        )
        context = {
            "base_template": (
                "wagtailadmin/base.html" if in_admin else "editorial/bad_request_plain.html"
            ),
            "message": message,
            "details": details,
            "form_url": request.get_full_path() if request.method == "POST" else None,
        }
        return render(request, "editorial/bad_request.html", context, status=400)
