"""The content, users and sessions the forged requests of test_forged_requests.py aim at,
and a fingerprint of everything those requests could change.

`build_world()` runs once per module inside a transaction that is rolled back afterwards;
each test then runs in a savepoint of it. For each locale ("de", the German source, and
"en", the English translation) there is a live page with a pending draft, its translation
record, an alias, a locked page, a page in review, a scheduled revision, an untranslated
page, and the same for each translatable snippet.
"""

import datetime
import io
from types import SimpleNamespace

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db.models import Model
from django.middleware.csrf import get_token
from django.test import Client, RequestFactory, TestCase
from django.utils import timezone

from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    Locale,
    Page,
    Site,
    TranslatableMixin,
    UploadedFile,
    Workflow,
)
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringSegment, Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator

from clusters.factories import SectorFactory
from editorial.roles import CHEFREDAKTION, REDAKTION, setup_roles, translator_group_name
from events.factories import EventCategoryFactory
from home.factories import ProjectTeaserFactory, StandardPageFactory
from home.models import HomePage
from portal.factories import ContactPersonFactory, ImageFactory
from portal.models import PortalSettings
from quotes.factories import QuoteFactory
from tests.conftest import translate_page

LOCALES = ("de", "en")
ROLES = ("redaktion", "chefredaktion", "translator", "nogroups")
# The translator of the world translates into English.
TRANSLATOR_LANGUAGE = "en"

SNIPPET_FACTORIES = {
    "home.projectteaser": ProjectTeaserFactory,
    "quotes.quote": QuoteFactory,
    "clusters.sector": SectorFactory,
    "events.eventcategory": EventCategoryFactory,
    "portal.contactperson": ContactPersonFactory,
}

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x02\x00\x00\x00\x02\x08\x02\x00\x00"
    b"\x00\xfd\xd4\x9as\x00\x00\x00\x16IDATx\x9cc\xfc\xcf\xc0\xc0\xc0\xc0\xc0\xc4\xc0\xc0\xc0"
    b"\xc0\xc0\x00\x00\r\x1d\x01\x03j\xc2\x9b\xe9\x00\x00\x00\x00IEND\xaeB`\x82"
)


def translate(instance, locale):
    """wagtail-localize's "Translate" into `locale` (a live copy and a Translation record)."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        TranslationCreator(user=None, target_locales=[locale]).create_translations(instance)
    return instance.get_translation(locale)


def page(parent, title, **fields):
    created = StandardPageFactory(parent=parent, title=title, **fields)
    created.save_revision().publish()
    return Page.objects.get(pk=created.pk).specific


def build_world():
    w = SimpleNamespace()
    w.locale = {code: Locale.objects.get_or_create(language_code=code)[0] for code in LOCALES}
    de_home = HomePage.objects.get(locale=w.locale["de"])
    en_home = translate_page(de_home, w.locale["en"], title="Central Germany")
    w.home = {"de": de_home, "en": en_home}
    setup_roles()
    w.site = Site.objects.get(is_default_site=True)
    w.superuser = _user("forger-admin", superuser=True)
    w.users = {
        "redaktion": _user("forger-redaktion", REDAKTION),
        "chefredaktion": _user("forger-chefredaktion", CHEFREDAKTION),
        "translator": _user("forger-translator", translator_group_name(TRANSLATOR_LANGUAGE)),
        # Staff, but in no group: may not even open the admin.
        "nogroups": _user("forger-nogroups", staff=True),
    }
    _pages(w)
    _snippets(w)
    _media(w)
    _settings_and_more(w)
    w.sessions, w.csrf = _sessions(w)
    return w


def _user(username, group=None, superuser=False, staff=False):
    model = apps.get_model("auth", "User")
    if superuser:
        user = model.objects.create_superuser(username, f"{username}@example.org", "x")
    else:
        user = model.objects.create_user(username, f"{username}@example.org", "x")
        user.is_staff = staff
        user.save()
    if group:
        user.groups.add(Group.objects.get(name=group))
    UserProfile.get_for_user(user)
    return user


def _pages(w):
    de, en = w.locale["de"], w.locale["en"]
    future = timezone.now() + datetime.timedelta(days=30)
    w.page, w.draft_revision, w.translation, w.string_segment = {}, {}, {}, {}
    # A German page translated into English, and an English original translated into German.
    german = page(w.home["de"], "Über uns", slug="ueber-uns")
    english = page(w.home["en"], "Only in English", slug="only-in-english")
    w.page["de"], w.page["en"] = german, translate(german, en)
    w.translated = {"en": w.page["en"], "de": translate(english, de)}
    w.source = {"en": german, "de": english}  # the source translated into the locale
    for code in LOCALES:
        source = TranslationSource.objects.get_for_instance(Page.objects.get(pk=w.source[code].pk))
        w.translation[code] = Translation.objects.get(source=source, target_locale=w.locale[code])
        w.string_segment[code] = StringSegment.objects.filter(source=source).first()
    w.translation_source = {
        code: w.translation[code].source for code in LOCALES
    }  # the source whose translation writes into the locale
    for code in LOCALES:
        # A pending draft: publishing it would change the title.
        target = Page.objects.get(pk=w.page[code].pk).specific
        target.title = "Entwurf"
        w.draft_revision[code] = target.save_revision()
    w.destination = {code: page(w.home[code], "Ziel", slug="ziel") for code in LOCALES}
    w.untranslated = {
        "de": page(w.home["de"], "Nur deutsch", slug="nur-deutsch"),
        "en": page(w.home["en"], "English only", slug="english-only"),
    }
    aliased = page(w.home["de"], "Vorlage", slug="vorlage")
    w.alias = {
        "de": aliased.create_alias(parent=w.home["de"], update_slug="vorlage-alias"),
        "en": aliased.copy_for_translation(en, alias=True),
    }
    w.locked = {}
    for code in LOCALES:
        locked = page(w.home[code], "Gesperrt", slug="gesperrt")
        locked.locked, locked.locked_by, locked.locked_at = True, w.superuser, timezone.now()
        locked.save()
        w.locked[code] = locked
    w.scheduled, w.scheduled_revision = {}, {}
    for code in LOCALES:
        scheduled = page(w.home[code], "Geplant", slug="geplant")
        scheduled.go_live_at = future
        revision = scheduled.save_revision()
        revision.publish()
        w.scheduled[code], w.scheduled_revision[code] = scheduled, revision
    w.review, w.task_state = {}, {}
    for code in LOCALES:
        review = page(w.home[code], "In Prüfung", slug="in-pruefung")
        review.title = "Zur Freigabe"
        review.save_revision(user=w.superuser)
        state = review.get_workflow().start(review, w.superuser)
        w.review[code], w.task_state[code] = review, state.current_task_state


def _snippets(w):
    de, en = w.locale["de"], w.locale["en"]
    future = timezone.now() + datetime.timedelta(days=30)
    w.snippet, w.untranslated_snippet, w.snippet_translation = {}, {}, {}
    for label, factory in SNIPPET_FACTORIES.items():
        german = factory()
        w.snippet[label] = {"de": german, "en": translate(german, en)}
        w.untranslated_snippet[label] = {"de": factory(), "en": factory(locale=en)}
    quote = SNIPPET_FACTORIES["quotes.quote"]
    english = quote(locale=en, text="An English original.")
    translate(english, de)
    for code, source in (("en", w.snippet["quotes.quote"]["de"]), ("de", english)):
        translation_source = TranslationSource.objects.get_for_instance(source)
        w.snippet_translation[code] = Translation.objects.get(
            source=translation_source, target_locale=w.locale[code]
        )
    w.locked_quote, w.scheduled_quote = {}, {}
    for code in LOCALES:
        locked = quote(locale=w.locale[code])
        locked.locked, locked.locked_by, locked.locked_at = True, w.superuser, timezone.now()
        locked.save()
        w.locked_quote[code] = locked
        scheduled = quote(locale=w.locale[code])
        scheduled.go_live_at = future
        revision = scheduled.save_revision()
        revision.publish()
        w.scheduled_quote[code] = (scheduled, revision)
    w.snippet_revision = {}
    for label, pair in w.snippet.items():
        for code, instance in pair.items():
            if hasattr(instance, "save_revision"):
                w.snippet_revision[label, code] = instance.save_revision()


def _media(w):
    root = Collection.get_first_root_node()
    w.collection = root.add_child(name="Presse")
    w.image = ImageFactory(title="Standort")
    w.document = get_document_model().objects.create(
        title="Broschüre", file=ContentFile(b"%PDF-1.4", name="broschuere.pdf")
    )
    w.uploaded_image = UploadedFile.objects.create(
        file=ContentFile(PNG, name="upload.png"),
        uploaded_by_user=w.superuser,
        for_content_type_id=_content_type_id(get_image_model()),
    )
    w.uploaded_document = UploadedFile.objects.create(
        file=ContentFile(b"%PDF-1.4", name="upload.pdf"),
        uploaded_by_user=w.superuser,
        for_content_type_id=_content_type_id(get_document_model()),
    )


def _content_type_id(model):
    return ContentType.objects.get_for_model(model).pk


def _settings_and_more(w):
    w.settings = PortalSettings.for_site(w.site)
    w.redirect = Redirect.objects.create(old_path="/alt", redirect_link="https://example.org/")
    w.query = Query.get("standort")
    SearchPromotion.objects.create(query=w.query, page=w.page["de"], sort_order=0)
    w.workflow = Workflow.objects.get(name="Freigabe")
    w.task = GroupApprovalTask.objects.get(name="Freigabe durch die Chefredaktion")
    w.victim = _user("forger-victim")
    w.group = Group.objects.get(name=REDAKTION)
    editing_session = apps.get_model("wagtailadmin", "EditingSession")
    w.editing_session = editing_session.objects.create(
        user=w.superuser,
        content_type_id=_content_type_id(Page),
        object_id=str(w.page["de"].pk),
        last_seen_at=timezone.now(),
    )


def _sessions(w):
    sessions = {}
    for role, user in {**w.users, "superuser": w.superuser}.items():
        client = Client()
        client.force_login(user)
        sessions[role] = client.cookies["sessionid"].value
    request = RequestFactory().get("/")
    token = get_token(request)
    return sessions, (request.META["CSRF_COOKIE"], token)


def client_for(w, role):
    """A browser of `role` that sends the CSRF token as Django checks it."""
    client = Client(enforce_csrf_checks=True)
    client.cookies["sessionid"] = w.sessions[role]
    client.cookies["csrftoken"] = w.csrf[0]
    return client


def po_file(translation):
    po = translation.export_po()
    for entry in po:
        entry.msgstr = "Gefälscht"
    return ContentFile(str(po).encode(), name="forged.po")


def png_upload():
    return io.BytesIO(PNG)


# The fingerprint


def _rows(model, fields=None):
    queryset = model._default_manager.order_by("pk")
    return list(queryset.values_list(*fields) if fields else queryset.values())


def fingerprint():
    """Everything a forged request could change, as comparable rows."""
    user_model = apps.get_model("auth", "User")
    image_model, document_model = get_image_model(), get_document_model()
    tags = apps.get_model("taggit", "TaggedItem")
    models = [
        (Page, None),
        (apps.get_model("wagtailcore", "Revision"), ("pk", "object_id", "approved_go_live_at")),
        (Translation, ("pk", "source_id", "target_locale_id", "enabled")),
        (TranslationSource, ("pk", "last_updated_at")),
        (apps.get_model("wagtail_localize", "StringTranslation"), ("pk", "data")),
        (apps.get_model("wagtail_localize", "SegmentOverride"), ("pk", "data_json")),
        (image_model, ("pk", "title", "collection_id", "file")),
        (document_model, ("pk", "title", "collection_id", "file")),
        (tags, ("pk", "object_id", "tag_id")),
        (UploadedFile, ("pk", "file")),
        (Collection, ("pk", "name", "path", "numchild")),
        (apps.get_model("wagtailcore", "CollectionViewRestriction"), ("pk",)),
        (apps.get_model("wagtailcore", "PageViewRestriction"), ("pk", "page_id", "password")),
        (user_model, ("pk", "username", "is_active", "is_superuser", "password", "email")),
        (user_model.groups.through, ("user_id", "group_id")),
        (Group, ("pk", "name")),
        (Group.permissions.through, ("group_id", "permission_id")),
        (apps.get_model("wagtailcore", "GroupPagePermission"), None),
        (apps.get_model("wagtailcore", "GroupCollectionPermission"), None),
        (apps.get_model("editorial", "LocaleRole"), None),
        (Workflow, ("pk", "name", "active")),
        (apps.get_model("wagtailcore", "Task"), ("pk", "name", "active")),
        (apps.get_model("wagtailcore", "WorkflowTask"), None),
        (apps.get_model("wagtailcore", "WorkflowPage"), None),
        (apps.get_model("wagtailcore", "WorkflowContentType"), None),
        (apps.get_model("wagtailcore", "WorkflowState"), ("pk", "status")),
        (apps.get_model("wagtailcore", "TaskState"), ("pk", "status")),
        (Redirect, None),
        (Query, ("pk", "query_string")),
        (SearchPromotion, None),
        (Site, None),
        (Locale, None),
        (PortalSettings, None),
        (apps.get_model("wagtailcore", "PageLogEntry"), ("pk",)),
        (apps.get_model("wagtailcore", "ModelLogEntry"), ("pk",)),
        (apps.get_model("wagtailcore", "Comment"), ("pk",)),
        (apps.get_model("wagtailadmin", "EditingSession"), ("pk", "user_id", "object_id")),
        (UserProfile, ("pk", "user_id", "dismissibles", "preferred_language")),
        (Permission, ("pk",)),
    ]
    snippets = [
        model
        for model in apps.get_models()
        if issubclass(model, TranslatableMixin) and not issubclass(model, Page)
    ]
    models += [(model, None) for model in snippets if issubclass(model, Model)]
    return {model._meta.label: _rows(model, fields) for model, fields in models}
