"""The permission matrix of docs/roles.md, row by row, through the admin's own URLs.

Each case logs in as a member of one group, sends the request a browser (or an attacker)
would send, and checks both the answer and the database: an allowed action must have its
effect, a refused one must leave everything as it was, whatever buttons the admin shows.
"""

from django.urls import reverse

from wagtail.models import Page

import pytest

from quotes.models import Quote

from .conftest import edit_form_data, refused

GROUPS = ["redaktion", "chefredaktion", "translator"]

# (action, locale) -> the groups allowed to do it; every other group is refused.
PAGE_MATRIX = {
    ("view_edit", "de"): {"redaktion", "chefredaktion"},
    ("view_edit", "en"): {"chefredaktion", "translator"},
    ("edit", "de"): {"redaktion", "chefredaktion"},
    ("edit", "en"): {"chefredaktion", "translator"},
    ("publish", "de"): {"chefredaktion"},
    ("publish", "en"): {"chefredaktion", "translator"},
    ("delete", "de"): {"chefredaktion"},
    ("delete", "en"): {"chefredaktion"},
    ("unpublish", "de"): {"chefredaktion"},
    ("unpublish", "en"): {"chefredaktion"},
    ("move", "de"): {"chefredaktion"},
    ("move", "en"): set(),
    ("copy", "de"): {"redaktion", "chefredaktion"},
    ("copy", "en"): set(),
    ("translate", "de"): {"chefredaktion"},
    ("translate", "en"): {"chefredaktion"},
}

SNIPPET_MATRIX = {
    ("view_edit", "de"): {"redaktion", "chefredaktion"},
    ("view_edit", "en"): {"chefredaktion", "translator"},
    ("edit", "de"): {"redaktion", "chefredaktion"},
    ("edit", "en"): {"chefredaktion", "translator"},
    ("publish", "de"): {"chefredaktion"},
    ("publish", "en"): {"chefredaktion", "translator"},
    ("delete", "de"): {"chefredaktion"},
    ("delete", "en"): {"chefredaktion"},
    ("unpublish", "de"): {"chefredaktion"},
    ("unpublish", "en"): {"chefredaktion", "translator"},
    ("copy", "de"): {"redaktion", "chefredaktion"},
    ("copy", "en"): {"chefredaktion"},
    ("translate", "de"): {"chefredaktion"},
    ("translate", "en"): {"chefredaktion"},
}


def cases(matrix):
    return [
        pytest.param(group, action, locale, group in allowed, id=f"{group}-{action}-{locale}")
        for (action, locale), allowed in matrix.items()
        for group in GROUPS
    ]


# Pages


def page_action(client, superuser, page, action, destination, pl_locale):
    """Send the request for `action` on `page`; return (response, effect_seen())."""
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    if action == "view_edit":
        response = client.get(url)
        return response, response.status_code == 200
    if action in {"edit", "publish"}:
        user = client.session.get("_auth_user_id")
        data = edit_form_data(client, superuser, url)
        client.force_login(type(superuser).objects.get(pk=user))
        data["title"] = "Geändert"
        if action == "publish":
            data["action-publish"] = "action-publish"
        response = client.post(url, data)
        page.refresh_from_db()
        if action == "publish":
            return response, page.title == "Geändert"
        revision = page.get_latest_revision()
        return response, revision is not None and revision.content["title"] == "Geändert"
    if action == "delete":
        response = client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))
        return response, not Page.objects.filter(pk=page.pk).exists()
    if action == "unpublish":
        response = client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))
        page.refresh_from_db()
        return response, not page.live
    if action == "move":
        response = client.post(
            reverse("wagtailadmin_pages:move_confirm", args=[page.pk, destination.pk])
        )
        page.refresh_from_db()
        return response, page.get_parent().pk == destination.pk
    if action == "copy":
        response = client.post(
            reverse("wagtailadmin_pages:copy", args=[page.pk]),
            {
                "new_title": "Kopie",
                "new_slug": "kopie",
                "new_parent_page": page.get_parent().pk,
                "copy_subpages": False,
                "publish_copies": False,
                "alias": False,
            },
        )
        return response, Page.objects.filter(slug="kopie").exists()
    if action == "translate":
        response = client.post(
            reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
            {"locales": [pl_locale.pk]},
        )
        return response, page.has_translation(pl_locale)
    raise AssertionError(action)


@pytest.mark.django_db
@pytest.mark.parametrize(("group", "action", "locale", "allowed"), cases(PAGE_MATRIX))
def test_page_matrix(client, superuser, users, pages, pl_locale, group, action, locale, allowed):
    from home.factories import StandardPageFactory

    page = pages[locale]
    # A sibling to move into: German for the German page, English for the English one.
    destination = StandardPageFactory(parent=page.get_parent(), title="Ziel", slug="ziel")
    client.force_login(users[group])
    response, effect = page_action(client, superuser, page, action, destination, pl_locale)
    if allowed:
        assert not refused(response), response
        assert effect, f"{group} could not {action} the {locale} page"
    else:
        assert not effect, f"{group} could {action} the {locale} page"
        if action != "publish":
            # Publishing without the permission saves a draft (Wagtail's own rule): the effect
            # check above is what counts there.
            assert refused(response) or response.status_code == 200, response


# Snippets


def snippet_url(name, quote, **query):
    url = reverse(f"wagtailsnippets_quotes_quote:{name}", args=[quote.pk])
    if query:
        url += "?" + "&".join(f"{key}={value}" for key, value in query.items())
    return url


def snippet_action(client, superuser, quote, action, pl_locale):
    edit_url = snippet_url("edit", quote)
    if action == "view_edit":
        response = client.get(edit_url)
        return response, response.status_code == 200
    if action in {"edit", "publish", "copy"}:
        user = client.session.get("_auth_user_id")
        data = edit_form_data(client, superuser, edit_url)
        client.force_login(type(superuser).objects.get(pk=user))
        data["text"] = "Geändertes Zitat"
        if action == "publish":
            data["action-publish"] = "action-publish"
        if action == "copy":
            url = snippet_url("copy", quote, locale=quote.locale.language_code)
            response = client.post(url, data)
            copies = Quote.objects.filter(text="Geändertes Zitat", locale=quote.locale)
            return response, copies.exists()
        response = client.post(edit_url, data)
        quote.refresh_from_db()
        if action == "publish":
            return response, quote.text == "Geändertes Zitat"
        revision = quote.latest_revision
        return response, revision is not None and revision.content["text"] == "Geändertes Zitat"
    if action == "delete":
        response = client.post(snippet_url("delete", quote))
        return response, not Quote.objects.filter(pk=quote.pk).exists()
    if action == "unpublish":
        response = client.post(snippet_url("unpublish", quote))
        quote.refresh_from_db()
        return response, not quote.live
    if action == "translate":
        response = client.post(
            reverse(
                "wagtail_localize:submit_snippet_translation",
                args=["quotes", "quote", quote.pk],
            ),
            {"locales": [pl_locale.pk]},
        )
        return response, quote.has_translation(pl_locale)
    raise AssertionError(action)


@pytest.mark.django_db
@pytest.mark.parametrize(("group", "action", "locale", "allowed"), cases(SNIPPET_MATRIX))
def test_snippet_matrix(
    client, superuser, users, quotes, pl_locale, group, action, locale, allowed
):
    quote = quotes[locale]
    client.force_login(users[group])
    response, effect = snippet_action(client, superuser, quote, action, pl_locale)
    if allowed:
        assert not refused(response), response
        assert effect, f"{group} could not {action} the {locale} quote"
    else:
        assert refused(response), response
        assert not effect, f"{group} could {action} the {locale} quote"
