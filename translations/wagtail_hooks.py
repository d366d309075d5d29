"""Admin registration of the translators' tools: URLs, the report's menu item and the
"Publish and sync" action of source pages."""

from django.contrib import messages
from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.admin.menu import MenuItem
from wagtail_localize.models import TranslationSource

from . import sync, views

PUBLISH_AND_SYNC = "publish-and-sync"


@hooks.register("register_admin_urls")
def register_admin_urls():
    urls = [
        path("report/", views.ReportView.as_view(), name="report"),
        path(
            "po/<int:page_id>/<str:locale>/export/",
            views.POExportView.as_view(),
            name="po_export",
        ),
        path(
            "po/<int:page_id>/<str:locale>/import/",
            views.POImportView.as_view(),
            name="po_import",
        ),
        path(
            "machine/<int:page_id>/<str:locale>/",
            views.MachineTranslateView.as_view(),
            name="machine",
        ),
    ]
    return [path("translations/", include((urls, "translations"), namespace="translations"))]


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return MenuItem(
        gettext_lazy("Translation status"),
        reverse("translations:report"),
        name="translation-status",
        icon_name="site",
        order=8900,
    )


class PublishAndSyncMenuItem(ActionMenuItem):
    """ "Publish and sync" for the communications team: publishes the source page, then saves
    each existing translation from the new content as a draft for the translators."""

    label = gettext_lazy("Publish and sync translations")
    name = "action-publish-and-sync"
    icon_name = "resubmit"
    template_name = "translations/action_menu/publish_and_sync.html"

    def is_shown(self, context):
        if context["view"] != "edit" or context["locked_for_user"]:
            return False
        if not self.get_user_page_permissions_tester(context).can_publish():
            return False
        source = TranslationSource.objects.get_for_instance_or_none(context["page"])
        return source is not None and source.translations.filter(enabled=True).exists()


@hooks.register("register_page_action_menu_item")
def register_publish_and_sync_menu_item():
    # Just after "Publish" (order 20 in Wagtail's menu).
    return PublishAndSyncMenuItem(order=25)


@hooks.register("after_publish_page")
def sync_after_publish(request, page):
    if request.POST.get("action-publish") != PUBLISH_AND_SYNC:
        return None
    result = sync.sync_existing_translations(request.user, page.specific)
    messages.success(
        request,
        _("%(count)d translations synced and saved as drafts for the translators.")
        % {"count": result.total},
    )
    for _instance, locale, error in result.failed:
        messages.warning(
            request,
            _("The %(language)s translation could not be saved: %(error)s")
            % {"language": locale.get_display_name(), "error": " ".join(error.messages)},
        )
    return None
