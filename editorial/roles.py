"""The editorial groups, their permissions and the review workflows, as data.

`setup_roles()` creates or updates everything and is idempotent: it is run by
`manage.py setup_editorial_roles`, by the demo loader and, once set up, again for a locale
whenever that locale's home page is created (see `signals.py`). The groups' permissions are
set to exactly what is described here, so a second run also repairs changes made by hand in
the admin; add a separate group for anything extra.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import translation
from django.utils.translation import get_language_info

from wagtail.models import (
    Collection,
    DraftStateMixin,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    LockableMixin,
    Page,
    Site,
    TranslatableMixin,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)
from wagtail.snippets.models import get_snippet_models

from .models import LocaleRole

# Group, workflow and task names are German data, as the editors see them in the admin.
REDAKTION = "Redaktion"
CHEFREDAKTION = "Chefredaktion"
TRANSLATOR_GROUP = "Übersetzung {language}"
REVIEW_WORKFLOW = "Freigabe"
REVIEW_TASK = "Freigabe durch die Chefredaktion"
TRANSLATION_WORKFLOW = "Übersetzungsfreigabe {language}"
TRANSLATION_TASK = "Freigabe der Übersetzung {language}"

# Page permissions on a locale's home page (they apply to its whole tree).
PAGE_PERMISSIONS = {
    REDAKTION: ["add", "change", "lock"],
    CHEFREDAKTION: ["add", "change", "publish", "bulk_delete", "lock", "unlock"],
    # The communications team corrects and publishes translations, but pages are created in
    # German and reach other trees only as translations, so no "add" there.
    "chefredaktion_translations": ["change", "publish", "lock", "unlock"],
    # Translators approve a translation by publishing it in wagtail-localize's editor (or
    # through their language's approval workflow). Syncs and machine translation only ever
    # save drafts (translations/sync.py), so nothing reaches visitors without this step.
    # Unpublishing stays with the communications team (editorial/wagtail_hooks.py).
    "translator": ["change", "publish", "lock"],
}

# Permissions on the root collection (images, documents, collections).
COLLECTION_PERMISSIONS = {
    REDAKTION: [
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
    ],
    CHEFREDAKTION: [
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.delete_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.delete_document",
        "wagtaildocs.choose_document",
        "wagtailcore.add_collection",
        "wagtailcore.change_collection",
    ],
    # Translators choose images and documents (e.g. a translated chart) but upload none.
    "translator": ["wagtailimages.choose_image", "wagtaildocs.choose_document"],
}

# Model permissions besides the snippets'.
MODEL_PERMISSIONS = {
    REDAKTION: ["wagtailadmin.access_admin"],
    CHEFREDAKTION: [
        "wagtailadmin.access_admin",
        "wagtail_localize.submit_translation",
        "portal.change_portalsettings",
        "wagtailredirects.add_redirect",
        "wagtailredirects.change_redirect",
        "wagtailredirects.delete_redirect",
    ],
    "translator": ["wagtailadmin.access_admin", "wagtail_localize.submit_translation"],
}

# Actions on translatable snippets; each holds only in the group's locales (LocaleRole).
SNIPPET_ACTIONS = {
    REDAKTION: ["add", "change", "lock"],
    CHEFREDAKTION: ["add", "change", "delete", "publish", "lock", "unlock"],
    # Snippets have no workflow; translators publish their translations themselves. They
    # create snippets only as translations (wagtail-localize), never from scratch.
    "translator": ["change", "publish", "lock"],
}


@dataclass
class Report:
    """What `setup_roles` did, as lines for the command's output."""

    created: int = 0
    updated: int = 0
    present: int = 0
    lines: list = field(default_factory=list)
    pending: list = field(default_factory=list)

    def count(self, created, changed=False):
        if created:
            self.created += 1
        elif changed:
            self.updated += 1
        else:
            self.present += 1


def source_language():
    return settings.LANGUAGE_CODE


def target_languages():
    """Every configured content language except the source: one translator group each."""
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES if code != source_language()]


def german_language_name(code):
    """ "Englisch", "Polnisch": the language's name in German, for group names."""
    with translation.override("de"):
        return str(get_language_info(code)["name_translated"])


def translator_group_name(code):
    return TRANSLATOR_GROUP.format(language=german_language_name(code))


def locale_home_page(locale):
    """The home page of `locale`: the default site's root page or its translation."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return None
    return site.root_page.get_translation_or_none(locale)


def is_set_up():
    """Whether the roles were set up on this installation (the signal only then acts)."""
    return Workflow.objects.filter(name=REVIEW_WORKFLOW).exists()


@transaction.atomic
def setup_roles():
    """Create or update the groups, permissions and workflows; return a `Report`."""
    report = Report()
    source = Locale.objects.filter(language_code=source_language()).first()
    source_home = locale_home_page(source) if source else None
    if source_home is None:
        report.pending.append(f"{source_language()}: no home page of the source locale")
        return report

    redaktion = _group(REDAKTION, report)
    chefredaktion = _group(CHEFREDAKTION, report)
    translated_homes = {}
    translator_groups = {}
    for code in target_languages():
        locale = Locale.objects.filter(language_code=code).first()
        if locale is None:
            report.pending.append(f"{code}: no locale yet (add it under Settings → Locales)")
            continue
        translator_groups[code] = (_group(translator_group_name(code), report), locale)
        home = locale_home_page(locale)
        if home is None:
            report.pending.append(
                f"{code}: no home page yet; its group gets page permissions and the "
                "translation workflow when the home page is created"
            )
        else:
            translated_homes[code] = home

    # Locale roles: Redaktion edits the source, Chefredaktion every locale, translators theirs.
    all_locales = [source] + [locale for _group_, locale in translator_groups.values()]
    _locale_roles(redaktion, {source: LocaleRole.Kind.EDITOR}, report)
    _locale_roles(chefredaktion, dict.fromkeys(all_locales, LocaleRole.Kind.EDITOR), report)
    for group, locale in translator_groups.values():
        _locale_roles(group, {locale: LocaleRole.Kind.TRANSLATOR}, report)

    snippet_models = [
        model for model in get_snippet_models() if issubclass(model, TranslatableMixin)
    ]
    for group, role in [(redaktion, REDAKTION), (chefredaktion, CHEFREDAKTION)] + [
        (group, "translator") for group, _locale in translator_groups.values()
    ]:
        permissions = _permissions(MODEL_PERMISSIONS[role])
        permissions += _snippet_permissions(snippet_models, SNIPPET_ACTIONS[role])
        _set_model_permissions(group, permissions, report)
        _set_collection_permissions(group, COLLECTION_PERMISSIONS[role], report)

    # Page permissions, each on its locale's home page.
    _set_page_permissions(redaktion, {source_home: PAGE_PERMISSIONS[REDAKTION]}, report)
    chef_pages = {source_home: PAGE_PERMISSIONS[CHEFREDAKTION]}
    chef_pages.update(
        dict.fromkeys(translated_homes.values(), PAGE_PERMISSIONS["chefredaktion_translations"])
    )
    _set_page_permissions(chefredaktion, chef_pages, report)
    for code, (group, _locale) in translator_groups.items():
        home = translated_homes.get(code)
        pages = {home: PAGE_PERMISSIONS["translator"]} if home else {}
        _set_page_permissions(group, pages, report)

    # Workflows: "Freigabe" on the German tree, one translation approval per target tree.
    _workflow(REVIEW_WORKFLOW, REVIEW_TASK, [chefredaktion], source_home, report)
    for code, home in translated_homes.items():
        language = german_language_name(code)
        group = translator_groups[code][0]
        _workflow(
            TRANSLATION_WORKFLOW.format(language=language),
            TRANSLATION_TASK.format(language=language),
            [group, chefredaktion],
            home,
            report,
        )
    return report


# Helpers


def _group(name, report):
    group, created = Group.objects.get_or_create(name=name)
    report.count(created)
    if created:
        report.lines.append(f"group {name!r} created")
    return group


def _permissions(names):
    permissions = []
    for name in names:
        app_label, codename = name.split(".")
        permissions.append(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return permissions


def _snippet_permissions(models, actions):
    permissions = []
    for model in models:
        wanted = {f"{action}_{model._meta.model_name}" for action in actions}
        if not issubclass(model, DraftStateMixin):
            wanted.discard(f"publish_{model._meta.model_name}")
        if not issubclass(model, LockableMixin):
            wanted -= {f"lock_{model._meta.model_name}", f"unlock_{model._meta.model_name}"}
        content_type = ContentType.objects.get_for_model(model)
        permissions += Permission.objects.filter(content_type=content_type, codename__in=wanted)
    return permissions


def _set_model_permissions(group, permissions, report):
    current = set(group.permissions.values_list("pk", flat=True))
    wanted = {permission.pk for permission in permissions}
    if current != wanted:
        group.permissions.set(wanted)
        report.count(False, changed=True)
        report.lines.append(f"model permissions of {group.name!r} set ({len(wanted)})")
    else:
        report.count(False)


def _set_collection_permissions(group, names, report):
    root = Collection.get_first_root_node()
    wanted = {(root.pk, permission.pk) for permission in _permissions(names)}
    existing = GroupCollectionPermission.objects.filter(group=group)
    current = set(existing.values_list("collection_id", "permission_id"))
    if current == wanted:
        report.count(False)
        return
    existing.exclude(
        pk__in=[row.pk for row in existing if (row.collection_id, row.permission_id) in wanted]
    ).delete()
    for collection_id, permission_id in wanted - current:
        GroupCollectionPermission.objects.create(
            group=group, collection_id=collection_id, permission_id=permission_id
        )
    report.count(False, changed=True)
    report.lines.append(f"collection permissions of {group.name!r} set ({len(wanted)})")


def _set_page_permissions(group, actions_by_page, report):
    wanted = set()
    for page, actions in actions_by_page.items():
        for permission in _permissions([f"wagtailcore.{action}_page" for action in actions]):
            wanted.add((page.pk, permission.pk))
    existing = GroupPagePermission.objects.filter(group=group)
    current = set(existing.values_list("page_id", "permission_id"))
    if current == wanted:
        report.count(False)
        return
    for row in existing:
        if (row.page_id, row.permission_id) not in wanted:
            row.delete()
    for page_id, permission_id in wanted - current:
        GroupPagePermission.objects.create(
            group=group, page_id=page_id, permission_id=permission_id
        )
    report.count(False, changed=True)
    report.lines.append(f"page permissions of {group.name!r} set ({len(wanted)})")


def _locale_roles(group, kinds_by_locale, report):
    existing = LocaleRole.objects.filter(group=group)
    current = {role.locale_id: role.kind for role in existing}
    wanted = {locale.pk: kind for locale, kind in kinds_by_locale.items()}
    if current == wanted:
        report.count(False)
        return
    existing.exclude(locale_id__in=wanted).delete()
    for locale_id, kind in wanted.items():
        LocaleRole.objects.update_or_create(
            group=group, locale_id=locale_id, defaults={"kind": kind}
        )
    report.count(False, changed=True)
    report.lines.append(f"locale roles of {group.name!r} set ({len(wanted)})")


def _workflow(name, task_name, groups, page, report):
    workflow, created = Workflow.objects.get_or_create(name=name, defaults={"active": True})
    task, task_created = GroupApprovalTask.objects.get_or_create(name=task_name)
    changed = False
    if set(task.groups.all()) != set(groups):
        task.groups.set(groups)
        changed = True
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
        changed = True
    if not WorkflowTask.objects.filter(workflow=workflow, task=task.task_ptr).exists():
        WorkflowTask.objects.create(workflow=workflow, task=task.task_ptr, sort_order=0)
        changed = True
    assignment = WorkflowPage.objects.filter(page=page).first()
    if assignment is None or assignment.workflow_id != workflow.pk:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
        changed = True
    report.count(created or task_created, changed=changed)
    if created or changed:
        report.lines.append(f"workflow {name!r} on {Page.objects.get(pk=page.pk).url_path}")
