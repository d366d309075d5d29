"""The forged requests against the admin's site-wide endpoints: images, documents,
collections, settings, redirects, search promotions, workflows, users, groups, sites, locales
and the own account. None of them depends on a locale."""

from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.models import Collection, Locale

from .forgeries import Forgery, pdf, png, url


def unlocalized(endpoint, build, label=""):
    return Forgery(endpoint, lambda w, c: build(w), localized=False, label=label)


def root_pk():
    return Collection.get_first_root_node().pk


MEDIA = [
    unlocalized(
        "wagtailimages:add",
        lambda w: (
            url("wagtailimages:add"),
            {"title": "X", "file": png(), "collection": root_pk()},
        ),
    ),
    unlocalized(
        "wagtailimages:add_multiple",
        lambda w: (url("wagtailimages:add_multiple"), {"files[]": png()}),
    ),
    unlocalized(
        "wagtailimages:edit",
        lambda w: (
            url("wagtailimages:edit", w.image.pk),
            {"title": "Gefälscht", "collection": root_pk()},
        ),
    ),
    unlocalized(
        "wagtailimages:edit_multiple",
        lambda w: (
            url("wagtailimages:edit_multiple", w.image.pk),
            {f"image-{w.image.pk}-title": "Gefälscht", f"image-{w.image.pk}-collection": root_pk()},
        ),
    ),
    unlocalized(
        "wagtailimages:create_multiple_from_uploaded_image",
        lambda w: (
            url("wagtailimages:create_multiple_from_uploaded_image", w.uploaded_image.pk),
            {f"uploaded-image-{w.uploaded_image.pk}-title": "Gefälscht"},
        ),
    ),
    unlocalized("wagtailimages:delete", lambda w: (url("wagtailimages:delete", w.image.pk), {})),
    unlocalized(
        "wagtailimages:delete_multiple",
        lambda w: (url("wagtailimages:delete_multiple", w.image.pk), {}),
    ),
    unlocalized(
        "wagtailimages:delete_upload_multiple",
        lambda w: (url("wagtailimages:delete_upload_multiple", w.uploaded_image.pk), {}),
    ),
    unlocalized(
        "wagtailimages_chooser:create",
        lambda w: (
            url("wagtailimages_chooser:create"),
            {"image-chooser-upload-title": "X", "image-chooser-upload-file": png()},
        ),
    ),
    unlocalized(
        "wagtaildocs:add",
        lambda w: (url("wagtaildocs:add"), {"title": "X", "file": pdf(), "collection": root_pk()}),
    ),
    unlocalized(
        "wagtaildocs:add_multiple", lambda w: (url("wagtaildocs:add_multiple"), {"files[]": pdf()})
    ),
    unlocalized(
        "wagtaildocs:edit",
        lambda w: (
            url("wagtaildocs:edit", w.document.pk),
            {"title": "Gefälscht", "collection": root_pk()},
        ),
    ),
    unlocalized(
        "wagtaildocs:edit_multiple",
        lambda w: (
            url("wagtaildocs:edit_multiple", w.document.pk),
            {
                f"doc-{w.document.pk}-title": "Gefälscht",
                f"doc-{w.document.pk}-collection": root_pk(),
            },
        ),
    ),
    unlocalized(
        "wagtaildocs:create_multiple_from_uploaded_document",
        lambda w: (
            url("wagtaildocs:create_multiple_from_uploaded_document", w.uploaded_document.pk),
            {f"uploaded-document-{w.uploaded_document.pk}-title": "Gefälscht"},
        ),
    ),
    unlocalized("wagtaildocs:delete", lambda w: (url("wagtaildocs:delete", w.document.pk), {})),
    unlocalized(
        "wagtaildocs:delete_multiple",
        lambda w: (url("wagtaildocs:delete_multiple", w.document.pk), {}),
    ),
    unlocalized(
        "wagtaildocs:delete_upload_multiple",
        lambda w: (url("wagtaildocs:delete_upload_multiple", w.uploaded_document.pk), {}),
    ),
    unlocalized(
        "wagtaildocs_chooser:create",
        lambda w: (
            url("wagtaildocs_chooser:create"),
            {"document-chooser-upload-title": "X", "document-chooser-upload-file": pdf()},
        ),
    ),
    unlocalized(
        "wagtailadmin_collections:add",
        lambda w: (url("wagtailadmin_collections:add"), {"name": "Neu", "parent": root_pk()}),
    ),
    unlocalized(
        "wagtailadmin_collections:edit",
        lambda w: (
            url("wagtailadmin_collections:edit", w.collection.pk),
            {"name": "Umbenannt", "parent": root_pk()},
        ),
    ),
    unlocalized(
        "wagtailadmin_collections:delete",
        lambda w: (url("wagtailadmin_collections:delete", w.collection.pk), {}),
    ),
    unlocalized(
        "wagtailadmin_collections:set_privacy",
        lambda w: (
            url("wagtailadmin_collections:set_privacy", w.collection.pk),
            {"restriction_type": "password", "password": "geheim"},
        ),
    ),
]


def admin_form(name, *args, data=None, label=""):
    return unlocalized(
        name,
        lambda w: (
            url(name, *[arg(w) if callable(arg) else arg for arg in args]),
            dict(data(w) if callable(data) else data or {}),
        ),
        label=label,
    )


SETTINGS = [
    admin_form(
        "wagtailsettings:edit",
        "portal",
        "portalsettings",
        lambda w: w.site.pk,
        data={"organisation_name": "Gefälscht"},
    ),
    admin_form(
        "wagtailredirects:add",
        data={"old_path": "/neu", "redirect_link": "https://example.org/x", "is_permanent": "on"},
    ),
    admin_form(
        "wagtailredirects:edit",
        lambda w: w.redirect.pk,
        data={"old_path": "/alt", "redirect_link": "https://example.org/y"},
    ),
    admin_form("wagtailredirects:delete", lambda w: w.redirect.pk),
    admin_form(
        "wagtailredirects:start_import",
        data={
            "import_file": SimpleUploadedFile("r.csv", b"/a,https://example.org/\n"),
            "input_format": "0",
        },
    ),
    admin_form("wagtailredirects:process_import", data={"from_index": "0", "to_index": "1"}),
    admin_form(
        "wagtailsearchpromotions:add",
        data={
            "query_string": "gefälscht",
            "editors_picks-TOTAL_FORMS": "0",
            "editors_picks-INITIAL_FORMS": "0",
        },
    ),
    admin_form("wagtailsearchpromotions:edit", lambda w: w.query.pk, data={"query_string": "x"}),
    admin_form("wagtailsearchpromotions:delete", lambda w: w.query.pk),
    admin_form("wagtailadmin_workflows:add", data={"name": "Gefälscht", "active": "on"}),
    admin_form("wagtailadmin_workflows:edit", lambda w: w.workflow.pk, data={"name": "Gefälscht"}),
    admin_form("wagtailadmin_workflows:enable", lambda w: w.workflow.pk),
    admin_form("wagtailadmin_workflows:disable", lambda w: w.workflow.pk),
    admin_form("wagtailadmin_workflows:remove", lambda w: w.home["de"].pk, label="remove-all"),
    admin_form(
        "wagtailadmin_workflows:remove",
        lambda w: w.home["de"].pk,
        lambda w: w.workflow.pk,
        label="remove-one",
    ),
    admin_form(
        "wagtailadmin_workflows:add_task",
        "wagtailcore",
        "groupapprovaltask",
        data=lambda w: {"name": "Gefälscht", "groups": [w.group.pk]},
    ),
    admin_form("wagtailadmin_workflows:edit_task", lambda w: w.task.pk, data={"name": "Gefälscht"}),
    admin_form("wagtailadmin_workflows:enable_task", lambda w: w.task.pk),
    admin_form("wagtailadmin_workflows:disable_task", lambda w: w.task.pk),
    unlocalized(
        "wagtailadmin_workflows:task_chooser_create",
        lambda w: (
            url(
                "wagtailadmin_workflows:task_chooser_create",
                query="?create_model=wagtailcore.groupapprovaltask",
            ),
            {"create-task-name": "Gefälscht", "create-task-groups": [w.group.pk]},
        ),
    ),
    admin_form(
        "wagtailusers_users:add",
        data={
            "username": "eingeschleust",
            "email": "x@example.org",
            "password1": "Gefälscht-123",
            "password2": "Gefälscht-123",
            "is_superuser": "on",
        },
    ),
    admin_form(
        "wagtailusers_users:edit",
        lambda w: w.victim.pk,
        data=lambda w: {
            "username": w.victim.username,
            "email": "x@example.org",
            "is_superuser": "on",
        },
    ),
    admin_form("wagtailusers_users:delete", lambda w: w.victim.pk),
    admin_form(
        "wagtailusers_users:copy",
        lambda w: w.victim.pk,
        data={"username": "kopie", "password1": "Gefälscht-123", "password2": "Gefälscht-123"},
    ),
    admin_form("wagtailusers_groups:add", data={"name": "Eingeschleust"}),
    admin_form("wagtailusers_groups:edit", lambda w: w.group.pk, data={"name": "Umbenannt"}),
    admin_form("wagtailusers_groups:delete", lambda w: w.group.pk),
    admin_form(
        "wagtailsites:add",
        data=lambda w: {
            "hostname": "forged.example.org",
            "port": "80",
            "root_page": w.home["en"].pk,
        },
    ),
    admin_form(
        "wagtailsites:edit",
        lambda w: w.site.pk,
        data=lambda w: {
            "hostname": "forged.example.org",
            "port": "80",
            "root_page": w.home["en"].pk,
        },
    ),
    admin_form("wagtailsites:delete", lambda w: w.site.pk),
    admin_form("wagtailsites:copy", lambda w: w.site.pk, data={"hostname": "copy.example.org"}),
    admin_form("wagtaillocales:add", data={"language_code": "pl"}),
    admin_form(
        "wagtaillocales:edit",
        lambda w: Locale.objects.get(language_code="en").pk,
        data={"language_code": "pl"},
    ),
    admin_form("wagtaillocales:delete", lambda w: Locale.objects.get(language_code="en").pk),
    admin_form(
        "wagtaillocales:copy",
        lambda w: Locale.objects.get(language_code="en").pk,
        data={"language_code": "pl"},
    ),
    admin_form("wagtailadmin_account", data={"name-first_name": "Gefälscht"}),
    admin_form("wagtailadmin_dismissibles", data={"whats-new": "true"}),
    admin_form("wagtailadmin_editing_sessions:release", lambda w: w.editing_session.pk),
]


SITE_WIDE = MEDIA + SETTINGS
