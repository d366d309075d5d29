"""Forged POSTs against every data-changing admin endpoint, as every group that may not use it.

editorial/endpoints.py says who may use each endpoint. For each of its data-changing rows
(and variants) forgeries.py builds a request on a concrete target of the world in
forgery.py: pages, snippets and translations in German and English, images, documents,
collections, settings, redirects, workflows, users, groups, sites and locales. Each case logs
in as a member of a group the row does not list for that locale (Redaktion, Chefredaktion,
Übersetzung Englisch, or a staff user in no group), POSTs with a valid CSRF token and the
payload, and requires a refusal (403, or Wagtail's redirect to the dashboard or the login)
with the database exactly as before.

The world is built once for the module, inside a transaction rolled back at the end; each
case runs in a savepoint of it and compares the database's fingerprint with the one taken
before the first case.
"""

import re
from urllib.parse import urlencode

from django.db import transaction
from django.urls import reverse

import pytest

from editorial.endpoints import ENDPOINTS, ROUTE, endpoint_for

from .forgeries import CONTENT
from .forgeries_admin import SITE_WIDE
from .forgery import LOCALES, ROLES, TRANSLATOR_LANGUAGE, build_world, client_for, fingerprint

SOURCE_LANGUAGE = "de"
FORGERIES = CONTENT + SITE_WIDE

# Data-changing rows without a concrete target in the test content, and why.
NO_TARGET = {
    "wagtailforms:delete_submissions": "the portal has no form pages",
    ROUTE + "admin/localize/translate/<int:translation_id>/overrides/<int:overridable_segment_id>"
    "/edit/": "the test content has no overridable segment (no image or link in a body)",
}


def row_of(forgery):
    if forgery.endpoint.startswith(ROUTE):
        rows = endpoint_for(None, forgery.endpoint.removeprefix(ROUTE))
    else:
        rows = endpoint_for(forgery.endpoint, "")
    assert len(rows) == 1, forgery.endpoint
    return rows[0]


def allowed(entries, role, locale):
    for entry in entries:
        group, _sep, scope = entry.partition(":")
        if group != role:
            continue
        if not scope:
            return True
        if scope == "source" and locale == SOURCE_LANGUAGE:
            return True
        if scope == "own" and role == "translator" and locale == TRANSLATOR_LANGUAGE:
            return True
    return False


def cases():
    found = []
    for forgery in FORGERIES:
        row = row_of(forgery)
        assert row.changes_data, f"{forgery.id}: the row says it changes nothing"
        entries = row.variants[forgery.variant] if forgery.variant else row.roles
        for locale in LOCALES if forgery.localized else (None,):
            for role in ROLES:
                if not allowed(entries, role, locale):
                    found.append(
                        pytest.param(
                            forgery, role, locale, id=f"{forgery.id}-{role}-{locale or 'any'}"
                        )
                    )
    return found


CASES = cases()


def test_every_data_changing_row_is_forged(record_property):
    forged = {row_of(forgery).pattern for forgery in FORGERIES}
    variants = {
        (row_of(forgery).pattern, forgery.variant) for forgery in FORGERIES if forgery.variant
    }
    missing = [
        row.pattern
        for row in ENDPOINTS
        if row.changes_data and row.pattern not in forged and row.pattern not in NO_TARGET
    ]
    assert missing == []
    for row in ENDPOINTS:
        for variant in row.variants:
            assert (row.pattern, variant) in variants, (row.pattern, variant)
    record_property("forged_requests", len(CASES))
    print(f"\n{len(CASES)} forged requests on {len(FORGERIES)} targets")
    assert len(CASES) > 500


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            world = build_world()
            world.fingerprint = fingerprint()
            yield world
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def send(world, role, forgery, locale):
    """The forged request with the CSRF token in the form and in the header."""
    url, data = forgery.build(world, locale)
    client = client_for(world, role)
    token = world.csrf[1]
    if forgery.method == "post":
        response = client.post(url, {**data, "csrfmiddlewaretoken": token}, HTTP_X_CSRFTOKEN=token)
    else:
        response = getattr(client, forgery.method)(
            url,
            urlencode(data, doseq=True),
            content_type="application/x-www-form-urlencoded",
            HTTP_X_CSRFTOKEN=token,
        )
    return url, response


def refused(response, url, forgery):
    """403 or another 4xx, Wagtail's redirect to the dashboard or the login, or the language
    redirect LocaleMiddleware answers instead of a 404; and the forgery's own kind of refusal
    (see `Forgery.refusal`)."""
    if 400 <= response.status_code < 500:
        return True
    path = url.split("?")[0]
    if response.status_code in {301, 302, 303}:
        target = response.url.split("?")[0]
        if target in {reverse("wagtailadmin_home"), reverse("wagtailadmin_login")}:
            return True
        if target in {f"/{code}{path}" for code in LOCALES}:
            return True
        if "bulk" in forgery.refusal and target == path:
            return True
    return response.status_code == 200 and "form" in forgery.refusal


@pytest.mark.django_db
@pytest.mark.parametrize(("forgery", "role", "locale"), CASES)
def test_forged_post_is_refused(world, forgery, role, locale):
    url, response = send(world, role, forgery, locale)
    after = fingerprint()
    changed = {table: rows for table, rows in after.items() if rows != world.fingerprint.get(table)}
    assert not changed, f"{url} as {role}: {sorted(changed)} changed"
    assert refused(response, url, forgery), (response.status_code, response.get("Location"), url)


# Forgeries that change nothing even for a superuser, and why. Each is refused before its form
# (403 or Wagtail's redirect), which the test above requires, so an incomplete payload
# cannot pass for a refusal there.
NO_EFFECT = {
    r"(wagtailadmin_pages|wagtailsnippets_\w+):(edit|revisions_revert)-en": (
        "the English objects are wagtail-localize translations: their edit form takes no "
        "posts, the translation editor saves them"
    ),
    r"wagtailsnippets_(home_projectteaser|events_eventcategory):(add|copy)-\w+": (
        "the payload lacks required fields of these snippets (logo, colour)"
    ),
    r"(wagtailimages|wagtaildocs)(_chooser:create|:create_multiple_from_\w+)-any": (
        "the upload forms need a file field the multi-step uploader fills in"
    ),
    r"(wagtailsettings:edit|wagtailusers_\w+:(add|edit|copy)|wagtailsites:copy"
    r"|wagtailadmin_workflows:(add|edit|edit_task)|wagtaillocales:(add|edit|copy)"
    r"|wagtailredirects:(start|process)_import|wagtailadmin_account|wagtailadmin_dismissibles)"
    r"-any": "the form needs more than the forgery sends (inline formsets, a previous step)",
    r"wagtailadmin_workflows:enable(_task)?-any": "the workflow and its task are active already",
    r"wagtaillocales:delete-any": "a locale that has content cannot be deleted",
    r"wagtail_bulk_action/auth\.user\.set_active_state-any": "the form needs more fields",
}

SUPERUSER_CASES = [
    pytest.param(forgery, locale, id=f"{forgery.id}-{locale or 'any'}")
    for forgery in FORGERIES
    for locale in (LOCALES if forgery.localized else (None,))
    if not any(re.fullmatch(pattern, f"{forgery.id}-{locale or 'any'}") for pattern in NO_EFFECT)
]


@pytest.mark.django_db
@pytest.mark.parametrize(("forgery", "locale"), SUPERUSER_CASES)
def test_the_forgery_works_for_a_superuser(world, forgery, locale):
    """The control: as a superuser the same request changes the database, so the payload is
    enough and an unchanged database above means a refusal."""
    _url, response = send(world, "superuser", forgery, locale)
    after = fingerprint()
    changed = {table for table, rows in after.items() if rows != world.fingerprint.get(table)}
    assert changed, (response.status_code, response.get("Location"), response.content[:300])
