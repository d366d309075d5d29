"""Every admin URL, with who may use it and the rule that decides.

One row per URL pattern under `/admin/` (Wagtail's, wagtail-localize's and the portal's own):
`tests/editorial/test_endpoints.py` walks Django's URL resolver and requires each pattern to
match exactly one row, so a new endpoint (a Wagtail or wagtail-localize upgrade, a new
snippet) fails the test until it is classified here. For every row that changes data the same
test sends forged POSTs as each editorial group the row does not list and checks that the
request is refused and the database unchanged.

A row's `pattern` is a regular expression for the URL's name ("namespace:name", matched in
full) or, for a pattern without a name, `ROUTE` and its exact route. `roles` lists who may use
the endpoint: a group ("chefredaktion": in every locale), a group in the source language only
("redaktion:source"), or a translator in their own language ("translator:own"); superusers
may use every endpoint, and an empty `roles` means superusers only. Where the URL's arguments
select what it does (bulk actions, the admin API's page actions), `variants` gives the roles
of each. docs/roles.md describes the same rules for people.
"""

import re
from dataclasses import dataclass, field

ROUTE = "route:"

# Who may use an endpoint.
CHEFREDAKTION = ("chefredaktion",)
# Change content of a locale: the German editors in German, translators in their language.
WRITERS = ("redaktion:source", "chefredaktion", "translator:own")
# Publish, unpublish snippets, unschedule: translators in their own language.
PUBLISHERS = ("chefredaktion", "translator:own")
# Add, copy and move pages: "add" exists only in the source tree.
TREE_BUILDERS = ("redaktion:source", "chefredaktion:source")
# Delete pages (Wagtail's rule decides which), restructure in the source tree.
EDITORS = ("redaktion:source", "chefredaktion")
# Create and sync translations (wagtail-localize): into the user's locales.
TRANSLATORS = ("chefredaktion", "translator:own")
# Images, documents and their uploads (root collection permissions).
MEDIA_EDITORS = ("redaktion", "chefredaktion")
# Everyone who may open the admin: their own account, session and uploads.
ADMIN_USERS = ("redaktion", "chefredaktion", "translator")
SUPERUSERS = ()

# The rules.
READ_ONLY = "read-only (GET); a POST changes nothing"
OWN_SESSION = "read-only: keeps a preview or form state in the user's own session"
PUBLIC = "public (login, password reset by the token from the e-mail)"
OWN_ACCOUNT = "own account: the user's profile, dismissed tips, editing sessions, uploads"
PAGE_PERMISSIONS = (
    "Wagtail page permissions (locale-scoped: each group's page permissions sit on its "
    "locales' home pages, editorial.roles)"
)
PAGE_RESTRUCTURE = (
    "Wagtail page permissions and editorial.wagtail_hooks.refuse_restructuring: only editors "
    "of the page's locale delete, move, copy or unpublish (translators never)"
)
PAGE_PRIVACY = (
    "Wagtail page permissions and editorial.viewsets.EditorialPageViewSet: a view restriction "
    "takes a page offline like unpublishing, so it needs an editor of the page's locale"
)
PAGE_REORDER = (
    "Wagtail: 'publish' on the parent, and the move action's 'add' in the tree (the "
    "Chefredaktion in the source tree)"
)
WORKFLOW_TASK = (
    "membership of the current task's group (editorial.roles: Freigabe by the Chefredaktion, "
    "translation approval by the language's translators or the Chefredaktion)"
)
PAGE_API = (
    "Wagtail page permissions per action and editorial.wagtail_hooks."
    "GuardedPagesAdminAPIViewSet: the restructuring actions need an editor of the locale"
)
BULK = (
    "Wagtail's permission per object and action, and editorial.wagtail_hooks."
    "check_bulk_action (pages: restructuring needs an editor of the locale; snippets: the "
    "object's locale)"
)
SNIPPET_LOCALE = (
    "model permission in the object's locale: editorial.viewsets.LocaleScope "
    "(via portal.viewsets.TranslatableSnippetViewSet)"
)
SNIPPET_CHOOSER = (
    "model permission 'add' (Wagtail, not scoped by locale); the snippet choosers have no "
    "creation form, so nothing can be created through them"
)
LOCALIZE_SUBMIT = (
    "locale guard: editorial.wagtail_hooks.LocaleScopedSubmitMixin (target locales the user "
    "may translate into)"
)
LOCALIZE_UPDATE = (
    "locale guard: editorial.wagtail_hooks.UpdateTranslationsView (every enabled target "
    "locale, and publish permission on each target to publish)"
)
LOCALIZE_TARGET = "locale guard: editorial.wagtail_hooks.target_editable"
LOCALIZE_CONVERT = (
    "locale guard: editorial.wagtail_hooks.page_restructurable (editors of the page's "
    "locale: the Chefredaktion, Redaktion in German; never translators)"
)
SHADOWED = (
    "shadowed by editorial.wagtail_hooks.register_localize_guards (same route, tried first; "
    "never reached)"
)
TRANSLATION_TOOLS = (
    "translations.permissions.can_act_on: the target page's permissions; snippets also "
    "the target locale (portal.viewsets.scoped_permission, may_translate_into)"
)
COLLECTIONS = "Wagtail collection permissions on the root collection (editorial.roles)"
MEDIA_DELETE = (
    "collection permission 'delete' (Chefredaktion) or the own upload: editorial.permissions."
    "MediaPermissionPolicy (Wagtail alone treats deleting as changing)"
)
MODEL_PERMISSION = "Django model permission (editorial.roles.MODEL_PERMISSIONS)"
SUPERUSER_ONLY = "superuser only (no editorial group has the permission)"

# The translatable snippets: each has its own URL namespace.
SNIPPETS = (
    "(?:home_projectteaser|quotes_quote|clusters_sector|events_eventcategory|portal_contactperson)"
)


@dataclass(frozen=True)
class Endpoint:
    pattern: str
    rule: str
    roles: tuple = SUPERUSERS
    changes_data: bool = True
    variants: dict = field(default_factory=dict)


def read_only(pattern, rule=READ_ONLY):
    return Endpoint(pattern, rule, ADMIN_USERS, changes_data=False)


def snippet(view):
    return f"wagtailsnippets_{SNIPPETS}:{view}"


LOCALIZE = "admin/localize/"
TRANSLATE = LOCALIZE + "translate/<int:translation_id>/"

ENDPOINTS = [
    # Dashboard, errors, static helpers
    read_only("wagtailadmin_home"),
    read_only(ROUTE + "admin/test404/"),
    read_only("wagtailadmin_error_test"),
    read_only(ROUTE + "admin/^.*/$"),
    read_only("wagtailadmin_sprite"),
    read_only("wagtailadmin_javascript_catalog"),
    read_only("wagtail_localize:javascript_catalog"),
    read_only("wagtailadmin_block_preview"),
    read_only("wagtailadmin_tag_(?:model_)?autocomplete"),
    read_only("wagtailadmin_choose_page(?:_child|_search|_chosen_multiple)?"),
    read_only("wagtailadmin_choose_page_(?:external|email|phone|anchor)_link"),
    read_only("wagtailembeds:chooser(?:_upload)?", "read-only: looks up an embed (cached)"),
    # Login and account
    Endpoint("wagtailadmin_login", PUBLIC, changes_data=False),
    Endpoint("wagtailadmin_password_reset(?:_done|_confirm|_complete)?", PUBLIC, (), False),
    Endpoint("wagtailadmin_logout", OWN_ACCOUNT, ADMIN_USERS, changes_data=False),
    Endpoint("wagtailadmin_account", OWN_ACCOUNT, ADMIN_USERS),
    Endpoint("wagtailadmin_dismissibles", OWN_ACCOUNT, ADMIN_USERS),
    Endpoint("wagtailadmin_editing_sessions:(?:ping|release)", OWN_ACCOUNT, ADMIN_USERS),
    # Admin API (read-only but for the page actions)
    read_only("wagtailadmin_api:(?:pages|images|documents):(?:listing|detail|find)"),
    Endpoint(
        "wagtailadmin_api:pages:action",
        PAGE_API,
        WRITERS,
        variants={
            "convert_alias": WRITERS,
            "revert_to_page_revision": WRITERS,
            "publish": PUBLISHERS,
            "unpublish": CHEFREDAKTION,
            "delete": EDITORS,
            "move": TREE_BUILDERS,
            "copy": TREE_BUILDERS,
            "create_alias": ("chefredaktion:source",),
            # Wagtail asks for simple_translation's permission, which no group has.
            "copy_for_translation": SUPERUSERS,
        },
    ),
    # Bulk actions: /admin/bulk/<app_label>/<model_name>/<action>/
    Endpoint(
        "wagtail_bulk_action",
        BULK,
        WRITERS,
        variants={
            "wagtailcore.page.delete": EDITORS,
            "wagtailcore.page.move": TREE_BUILDERS,
            "wagtailcore.page.publish": PUBLISHERS,
            "wagtailcore.page.unpublish": CHEFREDAKTION,
            "snippet.delete": CHEFREDAKTION,
            "wagtailimages.image.delete": CHEFREDAKTION,
            "wagtailimages.image.add_to_collection": MEDIA_EDITORS,
            "wagtailimages.image.add_tags": MEDIA_EDITORS,
            "wagtaildocs.document.delete": CHEFREDAKTION,
            "wagtaildocs.document.add_to_collection": MEDIA_EDITORS,
            "wagtaildocs.document.add_tags": MEDIA_EDITORS,
            "auth.user.delete": SUPERUSERS,
            "auth.user.set_active_state": SUPERUSERS,
            "auth.user.assign_role": SUPERUSERS,
        },
    ),
    # Pages: listings, search, history
    read_only("wagtailadmin_explore(?:_root|_results)?"),
    read_only("wagtailadmin_pages:(?:search|search_results|usage|type_use|type_use_results)"),
    read_only("wagtailadmin_pages:(?:history|history_results|workflow_history)"),
    read_only("wagtailadmin_pages:workflow_history_detail"),
    read_only("wagtailadmin_pages:(?:revisions_index|revisions_view|revisions_compare)"),
    read_only("wagtailadmin_pages:(?:view_draft|workflow_preview)"),
    read_only("wagtailadmin_pages:(?:add_subpage|choose_parent|move)"),
    read_only("wagtailadmin_pages:confirm_workflow_cancellation"),
    read_only("wagtailadmin_pages:collect_workflow_action_data"),
    Endpoint("wagtailadmin_pages:preview_on_(?:add|edit)", OWN_SESSION, WRITERS, False),
    # Pages: changes
    Endpoint("wagtailadmin_pages:add", PAGE_PERMISSIONS, TREE_BUILDERS),
    Endpoint("wagtailadmin_pages:edit", PAGE_PERMISSIONS, WRITERS),
    Endpoint("wagtailadmin_pages:revisions_revert", PAGE_PERMISSIONS, WRITERS),
    Endpoint("wagtailadmin_pages:revisions_unschedule", PAGE_PERMISSIONS, PUBLISHERS),
    Endpoint("wagtailadmin_pages:convert_alias", PAGE_PERMISSIONS, WRITERS),
    Endpoint("wagtailadmin_pages:lock", PAGE_PERMISSIONS, WRITERS),
    Endpoint("wagtailadmin_pages:unlock", PAGE_PERMISSIONS, CHEFREDAKTION),
    Endpoint("wagtailadmin_pages:workflow_action", WORKFLOW_TASK, TRANSLATORS),
    Endpoint("wagtailadmin_pages:delete", PAGE_RESTRUCTURE, EDITORS),
    Endpoint("wagtailadmin_pages:unpublish", PAGE_RESTRUCTURE, CHEFREDAKTION),
    Endpoint("wagtailadmin_pages:copy", PAGE_RESTRUCTURE, TREE_BUILDERS),
    Endpoint("wagtailadmin_pages:move_confirm", PAGE_RESTRUCTURE, TREE_BUILDERS),
    Endpoint("wagtailadmin_pages:set_page_position", PAGE_REORDER, ("chefredaktion:source",)),
    Endpoint("wagtailadmin_pages:set_privacy", PAGE_PRIVACY, CHEFREDAKTION),
    # Snippets
    read_only("wagtailsnippets:index"),
    read_only(snippet("(?:list|list_results|usage|history|history_results)")),
    read_only(snippet("(?:revisions_view|revisions_compare)")),
    Endpoint(snippet("preview_on_(?:add|edit)"), OWN_SESSION, WRITERS, False),
    Endpoint(snippet("(?:add|copy)"), SNIPPET_LOCALE, ("redaktion:source", "chefredaktion")),
    Endpoint(snippet("(?:edit|revisions_revert|lock)"), SNIPPET_LOCALE, WRITERS),
    Endpoint(snippet("(?:unpublish|revisions_unschedule)"), SNIPPET_LOCALE, PUBLISHERS),
    Endpoint(snippet("(?:delete|unlock)"), SNIPPET_LOCALE, CHEFREDAKTION),
    read_only(f"wagtailsnippetchoosers_{SNIPPETS}:(?:choose|choose_results|chosen)"),
    read_only(f"wagtailsnippetchoosers_{SNIPPETS}:chosen_multiple"),
    Endpoint(
        f"wagtailsnippetchoosers_{SNIPPETS}:create",
        SNIPPET_CHOOSER,
        ("redaktion", "chefredaktion"),
        changes_data=False,
    ),
    # wagtail-localize, shadowed by editorial's guards (the unnamed routes)
    Endpoint(ROUTE + LOCALIZE + "submit/page/<int:page_id>/", LOCALIZE_SUBMIT, TRANSLATORS),
    Endpoint(
        ROUTE + LOCALIZE + "submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
        LOCALIZE_SUBMIT,
        TRANSLATORS,
    ),
    Endpoint(ROUTE + LOCALIZE + "update/<int:translation_source_id>/", LOCALIZE_UPDATE, WRITERS),
    Endpoint(
        ROUTE + TRANSLATE + "strings/<int:string_segment_id>/edit/", LOCALIZE_TARGET, TRANSLATORS
    ),
    Endpoint(
        ROUTE + TRANSLATE + "overrides/<int:overridable_segment_id>/edit/",
        LOCALIZE_TARGET,
        TRANSLATORS,
    ),
    Endpoint(ROUTE + TRANSLATE + "pofile/upload/", LOCALIZE_TARGET, TRANSLATORS),
    Endpoint(ROUTE + TRANSLATE + "machine_translate/", LOCALIZE_TARGET, TRANSLATORS),
    Endpoint(ROUTE + TRANSLATE + "disable/", LOCALIZE_TARGET, TRANSLATORS),
    Endpoint(ROUTE + TRANSLATE + "pofile/download/", LOCALIZE_TARGET, TRANSLATORS, False),
    Endpoint(ROUTE + TRANSLATE + "preview/", LOCALIZE_TARGET, TRANSLATORS, False),
    Endpoint(ROUTE + TRANSLATE + "preview/<str:mode>/", LOCALIZE_TARGET, TRANSLATORS, False),
    Endpoint(
        ROUTE + LOCALIZE + "page/<int:page_id>/convert_to_alias/",
        LOCALIZE_CONVERT,
        ("redaktion:source", "chefredaktion"),
    ),
    Endpoint(
        "wagtail_localize:(?:submit_page_translation|submit_snippet_translation"
        "|update_translations|edit_string_translation|edit_override|download_pofile"
        "|upload_pofile|machine_translate|preview_translation|stop_translation"
        "|convert_to_alias)",
        SHADOWED,
        changes_data=False,
    ),
    read_only("wagtail_localize:(?:translations_report|translations_report_results)"),
    read_only("wagtail_localize:(?:snippets_api_listing|snippets_api_detail)"),
    # The portal's translation tools
    Endpoint(
        "translations:report",
        TRANSLATION_TOOLS,
        WRITERS,
        variants={"page": WRITERS, "snippet": TRANSLATORS},
    ),
    Endpoint("translations:po_export", TRANSLATION_TOOLS, WRITERS, changes_data=False),
    Endpoint("translations:(?:po_import|machine)", TRANSLATION_TOOLS, WRITERS),
    # Images and documents
    read_only("wagtailimages:(?:index|index_results|image_usage|url_generator)"),
    read_only("wagtailimages:(?:url_generator_output|preview)"),
    read_only("wagtailimages_chooser:(?:choose|choose_results|chosen|chosen_multiple)"),
    read_only("wagtailimages_chooser:select_format"),
    read_only("wagtaildocs:(?:index|index_results|document_usage)"),
    read_only("wagtaildocs_chooser:(?:choose|choose_results|chosen|chosen_multiple)"),
    Endpoint("wagtailimages:(?:add|add_multiple|edit|edit_multiple)", COLLECTIONS, MEDIA_EDITORS),
    Endpoint("wagtailimages:create_multiple_from_uploaded_image", COLLECTIONS, MEDIA_EDITORS),
    Endpoint("wagtailimages_chooser:create", COLLECTIONS, MEDIA_EDITORS),
    Endpoint("wagtailimages:(?:delete|delete_multiple)", MEDIA_DELETE, CHEFREDAKTION),
    Endpoint("wagtailimages:delete_upload_multiple", OWN_ACCOUNT, MEDIA_EDITORS),
    Endpoint("wagtaildocs:(?:add|add_multiple|edit|edit_multiple)", COLLECTIONS, MEDIA_EDITORS),
    Endpoint("wagtaildocs:create_multiple_from_uploaded_document", COLLECTIONS, MEDIA_EDITORS),
    Endpoint("wagtaildocs_chooser:create", COLLECTIONS, MEDIA_EDITORS),
    Endpoint("wagtaildocs:(?:delete|delete_multiple)", MEDIA_DELETE, CHEFREDAKTION),
    Endpoint("wagtaildocs:delete_upload_multiple", OWN_ACCOUNT, MEDIA_EDITORS),
    read_only("wagtailadmin_collections:index"),
    Endpoint("wagtailadmin_collections:(?:add|edit|set_privacy)", COLLECTIONS, CHEFREDAKTION),
    Endpoint("wagtailadmin_collections:delete", COLLECTIONS, SUPERUSERS),
    # Settings, redirects, search promotions
    Endpoint("wagtailsettings:edit", MODEL_PERMISSION, CHEFREDAKTION),
    Endpoint("wagtailsettings:preview_on_edit", OWN_SESSION, CHEFREDAKTION, False),
    read_only("wagtailredirects:(?:index|index_results)"),
    Endpoint(
        "wagtailredirects:(?:add|edit|delete|start_import|process_import)",
        MODEL_PERMISSION,
        CHEFREDAKTION,
    ),
    read_only("wagtailsearchpromotions:(?:index|index_results|search_terms|search_terms_results)"),
    read_only("wagtailsearchpromotions:(?:chooser|chooserresults)"),
    Endpoint("wagtailsearchpromotions:(?:add|edit|delete)", SUPERUSER_ONLY),
    # Form submissions (the portal has no form pages)
    read_only("wagtailforms:(?:index|index_results|list_submissions|list_submissions_results)"),
    Endpoint("wagtailforms:delete_submissions", PAGE_PERMISSIONS, EDITORS),
    # Reports
    read_only(
        "wagtailadmin_reports:(?:locked_pages|workflow|workflow_tasks|site_history|aging_pages"
        "|page_types_usage)(?:_results)?"
    ),
    # Workflows and tasks: set up by `setup_editorial_roles`, changed by superusers only
    read_only("wagtailadmin_workflows:(?:index|index_results|usage|usage_results)"),
    read_only("wagtailadmin_workflows:(?:task_index|task_index_results|select_task_type)"),
    read_only("wagtailadmin_workflows:(?:task_chooser|task_chooser_results|task_chosen)"),
    Endpoint(
        "wagtailadmin_workflows:(?:add|edit|enable|disable|remove|add_task|edit_task"
        "|enable_task|disable_task|task_chooser_create)",
        SUPERUSER_ONLY,
    ),
    # Users, groups, sites, locales
    read_only("wagtailusers_(?:users|groups):(?:index|index_results|history|history_results)"),
    read_only("wagtailusers_(?:users|groups):usage"),
    Endpoint("wagtailusers_(?:users|groups):(?:add|edit|delete|copy)", SUPERUSER_ONLY),
    read_only("wagtail(?:sites|locales):(?:index|index_results|history|history_results|usage)"),
    Endpoint("wagtail(?:sites|locales):(?:add|edit|delete|copy)", SUPERUSER_ONLY),
]


def endpoint_for(name, route):
    """The rows matching a URL pattern: by its name ("namespace:name") or, without a name,
    by its route (both as `tests/editorial/test_endpoints.py` collects them)."""
    if name is None:
        return [row for row in ENDPOINTS if row.pattern == ROUTE + route]
    return [row for row in ENDPOINTS if re.fullmatch(row.pattern, name)]
