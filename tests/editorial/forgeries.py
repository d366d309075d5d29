"""The forged requests on content (pages, snippets, translations; site-wide endpoints are in
forgeries_admin.py): for each data-changing endpoint of editorial/endpoints.py, the URL of
a concrete target in the world of forgery.py and a plausible payload.

Each `Forgery` names its endpoint as editorial/endpoints.py does (the URL name, or `ROUTE`
and the route for an unnamed guard), optionally a variant, and builds `(url, data)` for a
locale ("de" or "en") or, when `localized` is false, once for no locale. The CSRF token is
added by the test.
"""

from collections.abc import Callable
from dataclasses import dataclass, replace

from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from editorial.endpoints import ROUTE

from .forgery import PNG, SNIPPET_FACTORIES, po_file


@dataclass(frozen=True)
class Forgery:
    endpoint: str  # URL name, or ROUTE + route
    build: Callable
    variant: str | None = None
    localized: bool = True
    label: str = ""
    # How Wagtail refuses besides 4xx and its redirect to the dashboard or login: "form"
    # (the form is shown again with an error), "bulk" (a bulk action leaves out the objects
    # the user may not act on and redirects back).
    refusal: tuple = ()
    method: str = "post"

    @property
    def id(self):
        parts = [self.label or self.endpoint.removeprefix(ROUTE)]
        if self.variant:
            parts.append(self.variant)
        return "/".join(parts)


def url(name, *args, query=""):
    return reverse(name, args=args) + query


def other(code):
    return "en" if code == "de" else "de"


def png(name="gefaelscht.png"):
    return SimpleUploadedFile(name, PNG, content_type="image/png")


def pdf(name="gefaelscht.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.4 forged", content_type="application/pdf")


def row_key(instance, code, w):
    content_type = ContentType.objects.get_for_model(instance)
    return f"{content_type.pk}:{instance.pk}:{w.locale[code].pk}"


def page_form(title="Gefälscht", slug="gefaelscht", publish=True):
    data = {"title": title, "slug": slug, "body-count": "0", "intro": ""}
    if publish:
        data["action-publish"] = "action-publish"
    return data


PAGES = [
    Forgery(
        "wagtailadmin_pages:add",
        lambda w, c: (
            url("wagtailadmin_pages:add", "home", "standardpage", w.home[c].pk),
            page_form("Eingeschleust", "eingeschleust"),
        ),
    ),
    Forgery(
        "wagtailadmin_pages:edit",
        lambda w, c: (url("wagtailadmin_pages:edit", w.page[c].pk), page_form()),
    ),
    Forgery(
        "wagtailadmin_pages:revisions_revert",
        lambda w, c: (
            url("wagtailadmin_pages:revisions_revert", w.page[c].pk, w.draft_revision[c].pk),
            page_form(),
        ),
    ),
    Forgery(
        "wagtailadmin_pages:revisions_unschedule",
        lambda w, c: (
            url(
                "wagtailadmin_pages:revisions_unschedule",
                w.scheduled[c].pk,
                w.scheduled_revision[c].pk,
            ),
            {},
        ),
    ),
    Forgery(
        "wagtailadmin_pages:convert_alias",
        lambda w, c: (url("wagtailadmin_pages:convert_alias", w.alias[c].pk), {}),
    ),
    Forgery(
        "wagtailadmin_pages:lock", lambda w, c: (url("wagtailadmin_pages:lock", w.page[c].pk), {})
    ),
    Forgery(
        "wagtailadmin_pages:unlock",
        lambda w, c: (url("wagtailadmin_pages:unlock", w.locked[c].pk), {}),
    ),
    *[
        Forgery(
            "wagtailadmin_pages:workflow_action",
            lambda w, c, action=action: (
                url(
                    "wagtailadmin_pages:workflow_action",
                    w.review[c].pk,
                    action,
                    w.task_state[c].pk,
                ),
                {"comment": "gefälscht"},
            ),
            label=f"wagtailadmin_pages:workflow_action:{action}",
        )
        for action in ("approve", "reject")
    ],
    Forgery(
        "wagtailadmin_pages:delete",
        lambda w, c: (url("wagtailadmin_pages:delete", w.page[c].pk), {}),
    ),
    Forgery(
        "wagtailadmin_pages:unpublish",
        lambda w, c: (url("wagtailadmin_pages:unpublish", w.page[c].pk), {}),
    ),
    Forgery(
        "wagtailadmin_pages:copy",
        refusal=("form",),
        build=lambda w, c: (
            url("wagtailadmin_pages:copy", w.page[c].pk),
            {
                "new_title": "Kopie",
                "new_slug": "kopie",
                "new_parent_page": w.home[c].pk,
                "publish_copies": "on",
            },
        ),
    ),
    Forgery(
        "wagtailadmin_pages:move_confirm",
        lambda w, c: (
            url("wagtailadmin_pages:move_confirm", w.page[c].pk, w.destination[c].pk),
            {},
        ),
    ),
    Forgery(
        "wagtailadmin_pages:set_page_position",
        lambda w, c: (
            url("wagtailadmin_pages:set_page_position", w.page[c].pk, query="?position=99"),
            {},
        ),
    ),
    Forgery(
        "wagtailadmin_pages:set_privacy",
        lambda w, c: (
            url("wagtailadmin_pages:set_privacy", w.page[c].pk),
            {"restriction_type": "password", "password": "geheim"},
        ),
    ),
    Forgery(
        "wagtailadmin_editing_sessions:ping",
        lambda w, c: (
            url("wagtailadmin_editing_sessions:ping", "wagtailcore", "page", w.page[c].pk, 0),
            {},
        ),
    ),
]

API_ACTIONS = {
    "convert_alias": lambda w, c: (w.alias[c], {}),
    "revert_to_page_revision": lambda w, c: (w.page[c], {"revision_id": w.draft_revision[c].pk}),
    "publish": lambda w, c: (w.page[c], {}),
    "unpublish": lambda w, c: (w.page[c], {}),
    "delete": lambda w, c: (w.page[c], {}),
    "move": lambda w, c: (w.page[c], {"destination_page_id": w.destination[c].pk}),
    "copy": lambda w, c: (w.page[c], {"destination_page_id": w.home[c].pk, "slug": "api-kopie"}),
    "create_alias": lambda w, c: (
        w.page[c],
        {"destination_page_id": w.home[c].pk, "update_slug": "api-alias"},
    ),
    "copy_for_translation": lambda w, c: (w.untranslated[c], {"locale": other(c)}),
}


def api_action(action, target):
    def build(w, c):
        page, data = target(w, c)
        return url("wagtailadmin_api:pages:action", page.pk, action), data

    return build


API = [
    Forgery("wagtailadmin_api:pages:action", api_action(action, target), variant=action)
    for action, target in API_ACTIONS.items()
]


def bulk(app_label, model_name, action, target, data=None):
    def build(w, c):
        pk = target(w, c).pk
        return (
            url("wagtail_bulk_action", app_label, model_name, action, query=f"?id={pk}"),
            dict(data(w, c) if callable(data) else data or {}),
        )

    return build


BULK = [
    Forgery(
        "wagtail_bulk_action",
        bulk("wagtailcore", "page", "delete", lambda w, c: w.page[c]),
        variant="wagtailcore.page.delete",
    ),
    Forgery(
        "wagtail_bulk_action",
        bulk(
            "wagtailcore",
            "page",
            "move",
            lambda w, c: w.page[c],
            lambda w, c: {"chooser": w.destination[c].pk},
        ),
        variant="wagtailcore.page.move",
    ),
    Forgery(
        "wagtail_bulk_action",
        bulk("wagtailcore", "page", "publish", lambda w, c: w.page[c]),
        variant="wagtailcore.page.publish",
    ),
    Forgery(
        "wagtail_bulk_action",
        bulk("wagtailcore", "page", "unpublish", lambda w, c: w.page[c]),
        variant="wagtailcore.page.unpublish",
    ),
    *[
        Forgery(
            "wagtail_bulk_action",
            bulk(*label.split("."), "delete", lambda w, c, label=label: w.snippet[label][c]),
            variant="snippet.delete",
            label=f"wagtail_bulk_action:{label}",
        )
        for label in SNIPPET_FACTORIES
    ],
    *[
        Forgery(
            "wagtail_bulk_action",
            bulk(app, model, action, lambda w, c, attr=attr: getattr(w, attr), data),
            variant=f"{app}.{model}.{action}",
            localized=False,
        )
        for app, model, attr in (
            ("wagtailimages", "image", "image"),
            ("wagtaildocs", "document", "document"),
        )
        for action, data in (
            ("delete", None),
            ("add_to_collection", lambda w, c: {"collection": w.collection.pk}),
            ("add_tags", {"tags": "gefälscht"}),
        )
    ],
    *[
        Forgery(
            "wagtail_bulk_action",
            bulk("auth", "user", action, lambda w, c: w.victim, data),
            variant=f"auth.user.{action}",
            localized=False,
        )
        for action, data in (
            ("delete", None),
            ("set_active_state", {"mark_as_active": ""}),
            ("assign_role", lambda w, c: {"role": w.group.pk, "action": "assign"}),
        )
    ],
]


# The move and collection forms refuse a destination the user may not use.
BULK = [
    replace(
        forgery,
        refusal=("bulk", "form")
        if forgery.variant.endswith((".move", ".add_to_collection"))
        else ("bulk",),
    )
    for forgery in BULK
]


def snippet_forgeries(label):
    app, model = label.split(".")
    ns = f"wagtailsnippets_{app}_{model}"
    factory_model = SNIPPET_FACTORIES[label]._meta.model
    fields = {"text": "Eingeschleust", "name": "Eingeschleust", "slug": "eingeschleust"}

    def obj(w, c):
        return w.snippet[label][c]

    forgeries = [
        Forgery(f"{ns}:add", lambda w, c: (url(f"{ns}:add", query=f"?locale={c}"), fields)),
        Forgery(
            f"{ns}:copy",
            lambda w, c: (url(f"{ns}:copy", obj(w, c).pk, query=f"?locale={c}"), fields),
        ),
        Forgery(
            f"{ns}:edit",
            lambda w, c: (
                url(f"{ns}:edit", obj(w, c).pk),
                {**fields, "action-publish": "action-publish"},
            ),
        ),
        Forgery(f"{ns}:delete", lambda w, c: (url(f"{ns}:delete", obj(w, c).pk), {})),
    ]
    if hasattr(factory_model, "save_revision"):
        forgeries.append(
            Forgery(
                f"{ns}:revisions_revert",
                lambda w, c: (
                    url(f"{ns}:revisions_revert", obj(w, c).pk, w.snippet_revision[label, c].pk),
                    fields,
                ),
            )
        )
    if hasattr(factory_model, "live"):
        forgeries.append(
            Forgery(f"{ns}:unpublish", lambda w, c: (url(f"{ns}:unpublish", obj(w, c).pk), {}))
        )
    if label == "quotes.quote":
        forgeries += [
            Forgery(f"{ns}:lock", lambda w, c: (url(f"{ns}:lock", obj(w, c).pk), {})),
            Forgery(
                f"{ns}:unlock",
                lambda w, c: (url(f"{ns}:unlock", w.locked_quote[c].pk), {}),
            ),
            Forgery(
                f"{ns}:revisions_unschedule",
                lambda w, c: (
                    url(
                        f"{ns}:revisions_unschedule",
                        w.scheduled_quote[c][0].pk,
                        w.scheduled_quote[c][1].pk,
                    ),
                    {},
                ),
            ),
        ]
    return forgeries


SNIPPETS = [forgery for label in SNIPPET_FACTORIES for forgery in snippet_forgeries(label)]

LOCALIZE = ROUTE + "admin/localize/"
TRANSLATE = LOCALIZE + "translate/<int:translation_id>/"


def translation_forgeries(kind):
    """The string, PO and machine endpoints of a page's or snippet's translation into c."""

    def translation(w, c):
        return (w.translation if kind == "page" else w.snippet_translation)[c]

    def prefix(w, c):
        return f"/admin/localize/translate/{translation(w, c).pk}/"

    def segment(w, c):
        if kind == "page":
            return w.string_segment[c]
        return translation(w, c).source.stringsegment_set.first()

    return [
        Forgery(
            TRANSLATE + "strings/<int:string_segment_id>/edit/",
            lambda w, c: (
                f"{prefix(w, c)}strings/{segment(w, c).pk}/edit/",
                {"value": "Gefälscht"},
            ),
            label=f"localize:strings/{kind}",
            method="put",
        ),
        Forgery(
            TRANSLATE + "pofile/upload/",
            lambda w, c: (f"{prefix(w, c)}pofile/upload/", {"file": po_file(translation(w, c))}),
            label=f"localize:pofile/upload/{kind}",
        ),
        Forgery(
            TRANSLATE + "machine_translate/",
            lambda w, c: (f"{prefix(w, c)}machine_translate/", {}),
            label=f"localize:machine_translate/{kind}",
        ),
        Forgery(
            TRANSLATE + "disable/",
            lambda w, c: (f"{prefix(w, c)}disable/", {}),
            label=f"localize:disable/{kind}",
        ),
    ]


LOCALIZE_FORGERIES = [
    Forgery(
        LOCALIZE + "submit/page/<int:page_id>/",
        lambda w, c: (
            f"/admin/localize/submit/page/{w.untranslated[other(c)].pk}/",
            {"locales": [w.locale[c].pk]},
        ),
        label="localize:submit/page",
    ),
    Forgery(
        LOCALIZE + "submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
        lambda w, c: (
            "/admin/localize/submit/snippet/quotes/quote/"
            f"{w.untranslated_snippet['quotes.quote'][other(c)].pk}/",
            {"locales": [w.locale[c].pk]},
        ),
        label="localize:submit/snippet",
    ),
    Forgery(
        LOCALIZE + "update/<int:translation_source_id>/",
        lambda w, c: (
            f"/admin/localize/update/{w.translation_source[c].pk}/",
            {"publish_translations": "on"},
        ),
        label="localize:update",
    ),
    Forgery(
        LOCALIZE + "page/<int:page_id>/convert_to_alias/",
        lambda w, c: (f"/admin/localize/page/{w.translated[c].pk}/convert_to_alias/", {}),
        label="localize:convert_to_alias",
    ),
    *translation_forgeries("page"),
    *translation_forgeries("snippet"),
    Forgery(
        "translations:report",
        lambda w, c: (
            reverse("translations:report"),
            {"rows": [row_key(w.source[c], c, w)], "action": "sync", "publish": "on"},
        ),
        variant="page",
    ),
    Forgery(
        "translations:report",
        lambda w, c: (
            reverse("translations:report"),
            {
                "rows": [row_key(w.snippet_translation[c].source.get_source_instance(), c, w)],
                "action": "sync",
                "publish": "on",
            },
        ),
        variant="snippet",
    ),
    Forgery(
        "translations:po_import",
        lambda w, c: (
            url("translations:po_import", w.source[c].pk, c),
            {"scope": "page", "file": po_file(w.translation[c])},
        ),
    ),
    Forgery(
        "translations:machine",
        lambda w, c: (url("translations:machine", w.source[c].pk, c), {"scope": "page"}),
    ),
]


CONTENT = PAGES + API + BULK + SNIPPETS + LOCALIZE_FORGERIES
