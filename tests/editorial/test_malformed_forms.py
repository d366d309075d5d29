"""Tampered admin edit forms are answered with 400 or the form with errors, never a 500.

For every page type of the project (one page each, built with its app's factory) and every
snippet registered through a SnippetViewSet, the edit form is fetched as a superuser and
posted back as the browser would send it (`admin_forms.form_data`), once for every management
field left out (the `-count` of each StreamField and ListBlock, the `-TOTAL_FORMS` and
`-INITIAL_FORMS` of each inline formset) and with unreadable counts. Each answer must be a 400
(editorial.middleware.MalformedFormMiddleware) or the form again with errors, and the object
must be unchanged in the database: no new revision, no changed row, no changed child rows.
The untampered form is posted last, to show that the data is what the admin accepts.
"""

import json
import logging

from django.contrib.admin.utils import quote
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.datastructures import MultiValueDictKeyError

from modelcluster.fields import ParentalKey
from wagtail.fields import StreamField
from wagtail.models import Page, Revision, get_page_models
from wagtail.snippets.models import get_snippet_models

import pytest

from editorial.middleware import LOGGER_NAME, MalformedFormMiddleware
from tests.security.payloads import PROJECT_APPS, build_one_of_everything

from .admin_forms import form_data, management_fields, replaced, without

PROJECT_PAGE_MODELS = [
    model
    for model in get_page_models()
    if model._meta.app_label in PROJECT_APPS and not model._meta.abstract
]
SNIPPET_MODELS = [model for model in get_snippet_models() if model._meta.app_label in PROJECT_APPS]


@pytest.fixture
def content(db, site, home_page, settings):
    settings.PAGE_CACHE_SECONDS = 0
    return build_one_of_everything(home_page)


def snapshot(instance):
    """The row of ``instance``, its child rows and the number of revisions."""
    model = type(instance)
    children = {}
    for relation in model._meta.related_objects:
        if isinstance(relation.field, ParentalKey):
            manager = relation.related_model.objects.filter(**{relation.field.name: instance.pk})
            children[relation.name] = sorted(map(repr, manager.values()))
    return {
        "row": model.objects.filter(pk=instance.pk).values().get(),
        "children": children,
        "revisions": Revision.objects.count(),
    }


def tampered(data):
    """(description, data) for each management field left out or made unreadable, the first
    children of the streams without their type or with an unreadable order, and the whole
    form with a NUL character for every value."""
    for name in management_fields(data):
        yield f"without {name}", without(data, name)
        yield f"{name}=abc", replaced(data, name, "abc")
    children = [name for name in data if name.endswith("-0-type")]
    for name in children[:3]:
        yield f"without {name}", without(data, name)
        order = name.removesuffix("-type") + "-order"
        yield f"{order}=x", replaced(data, order, "x")
    nul = data.copy()
    for name in nul:
        nul.setlist(name, ["\x00"] * len(nul.getlist(name)))
    yield "NUL in every field", nul


def check_tampered_posts(client, url, instance):
    response = client.get(url)
    assert response.status_code == 200, url
    data = form_data(response.content.decode(), instance)
    streams = [
        field.name for field in type(instance)._meta.get_fields() if isinstance(field, StreamField)
    ]
    assert {f"{name}-count" for name in streams} <= set(data), f"{url}: a stream is missing"
    before = snapshot(instance)
    failures = []
    for description, body in tampered(data):
        response = client.post(url, body)
        if response.status_code not in (200, 400):
            failures.append(f"{description}: {response.status_code}")
        elif response.status_code == 200 and b"error" not in response.content:
            failures.append(f"{description}: 200 without an error")
        if snapshot(instance) != before:
            failures.append(f"{description}: the object changed")
    return data, failures


def check_untampered_post(client, url, data):
    response = client.post(url, data)
    assert response.status_code == 302, (url, response.context and _errors(response))


def _errors(response):
    errors = {}
    for key in ("form", "edit_handler"):
        form = response.context.get(key)
        if hasattr(form, "errors"):
            errors[key] = form.errors
    return errors


@pytest.fixture
def admin(admin_logged_in_client):
    # A 500 is a status code to report here, not an exception that ends the test.
    admin_logged_in_client.raise_request_exception = False
    return admin_logged_in_client


@pytest.mark.parametrize("model", PROJECT_PAGE_MODELS, ids=lambda model: model._meta.label)
def test_tampered_page_edit_forms_are_refused(admin, content, model):
    page = model.objects.filter(pk__in=[page.pk for page in content.values()]).first()
    assert page is not None, f"no {model._meta.label} built"
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])

    data, failures = check_tampered_posts(admin, url, page)

    assert failures == []
    check_untampered_post(admin, url, data)


@pytest.mark.parametrize("model", SNIPPET_MODELS, ids=lambda model: model._meta.label)
def test_tampered_snippet_edit_forms_are_refused(admin, content, model):
    instance = model.objects.first()
    assert instance is not None, f"no {model._meta.label} built"
    viewset = model.snippet_viewset
    url = reverse(viewset.get_url_name("edit"), args=[quote(instance.pk)])

    data, failures = check_tampered_posts(admin, url, instance)

    assert failures == []
    check_untampered_post(admin, url, data)


def test_every_page_type_and_snippet_is_covered():
    labels = {model._meta.label for model in PROJECT_PAGE_MODELS}
    assert {"home.HomePage", "events.EventPage", "locations.LocationPage"} <= labels
    assert "quotes.Quote" in {model._meta.label for model in SNIPPET_MODELS}
    assert Page not in PROJECT_PAGE_MODELS


def test_missing_count_is_a_400_page_in_the_admins_look(admin, content, caplog):
    page = next(page for page in content.values() if type(page).__name__ == "StandardPage")
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = form_data(admin.get(url).content.decode(), page)

    with caplog.at_level(logging.WARNING, logger=LOGGER_NAME):
        response = admin.post(url, without(data, "body-count"))

    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert "wagtail-sidebar" in html  # the admin's layout
    assert "Das Formular war unvollständig" in html
    assert url in html  # a link back to the form
    [record] = [record for record in caplog.records if record.name == LOGGER_NAME]
    assert record.levelno == logging.WARNING
    assert "MultiValueDictKeyError" in record.getMessage()
    assert url in record.getMessage()


def test_public_site_errors_are_left_to_django(client, content):
    """Outside the admin the middleware does nothing: the answer is not its 400 page."""
    response = client.post("/de/", {"body-count": "x"})
    assert response.status_code != 400


# The middleware on its own: what it answers and what it leaves to Django.


def raised(function):
    try:
        function()
    except Exception as error:  # noqa: BLE001 - the exception is what the test hands on
        return error
    raise AssertionError("nothing raised")


def stream_count_error():
    from django.http import QueryDict

    from wagtail import blocks

    stream = blocks.StreamBlock([("text", blocks.CharBlock())])
    return raised(lambda: stream.value_from_datadict(QueryDict("body-count=x"), {}, "body"))


@pytest.fixture
def middleware():
    return MalformedFormMiddleware(lambda request: None)


def admin_post(rf, user, **headers):
    request = rf.post("/admin/pages/1/edit/", headers=headers)
    request.user = user
    return request


def test_errors_in_ordinary_code_stay_server_errors(rf, middleware, superuser):
    request = admin_post(rf, superuser)
    for error in (KeyError("x"), ValueError("x"), TypeError("x"), IndexError("x")):
        assert (
            middleware.process_exception(request, raised(lambda error=error: _raise(error))) is None
        )


def _raise(error):
    raise error


def test_unreadable_stream_data_is_a_400(rf, middleware, superuser):
    response = middleware.process_exception(admin_post(rf, superuser), stream_count_error())
    assert response.status_code == 400


def test_script_requests_get_wagtails_json_error(rf, middleware, superuser):
    request = admin_post(rf, superuser, accept="application/json")
    response = middleware.process_exception(request, stream_count_error())

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    answer = json.loads(response.content)
    assert answer["success"] is False
    assert answer["error_code"] == "bad_request"


def test_validation_error_escaping_a_view_is_a_400_with_its_message(rf, middleware, superuser):
    request = admin_post(rf, superuser)
    response = middleware.process_exception(request, ValidationError("Datum fehlt."))

    assert response.status_code == 400
    assert "Datum fehlt." in response.content.decode()


def test_without_an_admin_login_the_page_has_no_sidebar(rf, middleware, db):
    request = admin_post(rf, AnonymousUser())
    response = middleware.process_exception(request, MultiValueDictKeyError("body-count"))

    assert response.status_code == 400
    html = response.content.decode()
    assert "wagtail-sidebar" not in html
    assert "wagtailadmin/css/core" in html


def test_outside_the_admin_nothing_is_answered(rf, middleware, superuser):
    request = rf.post("/de/suche/")
    request.user = superuser
    assert middleware.process_exception(request, MultiValueDictKeyError("q")) is None
