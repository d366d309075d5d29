"""Admin views: the translation report with its bulk actions, PO export/import and machine
translation of a page or section.

Every action checks Wagtail's permissions on each target (see `permissions`) and answers 403
if one of them is not the user's to change, so nothing is half done.
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpResponse, HttpResponseBadRequest, HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView, View

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale, Page
from wagtail_localize.machine_translators import get_machine_translator

from . import permissions, po, state, sync
from .forms import BulkActionForm, POImportForm, ReportFilterForm

ROWS_PER_PAGE = 50


class ForbiddenMixin:
    """Answer 403 when the user may not act on a translation.

    Wagtail's admin turns PermissionDenied into a redirect to the dashboard; translators and
    scripts get a plain 403 here instead, and the transaction of the action is rolled back.
    """

    def dispatch(self, request, *args, **kwargs):
        try:
            return super().dispatch(request, *args, **kwargs)
        except PermissionDenied:
            return HttpResponseForbidden(_("You may not change these translations."))


def report_url(**filters):
    query = urlencode({name: value for name, value in filters.items() if value})
    return reverse("translations:report") + (f"?{query}" if query else "")


def safe_next(request, default):
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if next_url and url_has_allowed_host_and_scheme(next_url, {request.get_host()}):
        return next_url
    return default


def result_message(request, result):
    """One success line with the counts, one warning per failed translation."""
    parts = []
    if result.created:
        parts.append(_("%(count)d created") % {"count": result.created})
    if result.published:
        parts.append(_("%(count)d published") % {"count": result.published})
    if result.drafts:
        parts.append(_("%(count)d saved as drafts") % {"count": result.drafts})
    if result.machine:
        parts.append(_("%(count)d filled by machine translation") % {"count": result.machine})
    if result.unchanged:
        parts.append(_("%(count)d had nothing left to translate") % {"count": result.unchanged})
    if parts:
        messages.success(request, _("Translations: %(summary)s.") % {"summary": ", ".join(parts)})
    for instance, locale, error in result.failed:
        messages.warning(
            request,
            _("“%(title)s” (%(language)s) could not be saved: %(error)s")
            % {
                "title": instance,
                "language": locale.get_display_name(),
                "error": " ".join(error.messages),
            },
        )


class ReportView(ForbiddenMixin, WagtailAdminTemplateMixin, TemplateView):
    """The translation state of every page and snippet, with bulk sync and machine drafts."""

    template_name = "translations/report.html"
    page_title = gettext_lazy("Translation status")
    header_icon = "site"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        locales = state.target_locales()
        sections = list(state.sections())
        filters = ReportFilterForm(self.request.GET or None, locales=locales, sections=sections)
        rows = filters.filter(state.StateIndex(locales=locales).rows())
        page = Paginator(rows, ROWS_PER_PAGE).get_page(self.request.GET.get("p"))
        state.add_progress(page.object_list)
        query = self.request.GET.copy()
        query.pop("p", None)
        section_id, locale_code = filters.value("section"), filters.value("locale")
        context.update(
            filters=filters,
            page_obj=page,
            rows=page.object_list,
            row_count=len(rows),
            query=query.urlencode(),
            bulk_form=BulkActionForm(),
            has_machine_translator=get_machine_translator() is not None,
            section=next((s for s in sections if str(s.pk) == section_id), None),
            section_locale=locale_code,
        )
        return context

    def post(self, request, *args, **kwargs):
        form = BulkActionForm(request.POST)
        back = safe_next(request, report_url())
        if not form.is_valid():
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, error)
            return redirect(back)
        items = resolve_rows(form.cleaned_data["rows"])
        if items is None:
            return HttpResponseBadRequest()
        for instance, locale in items:
            if not permissions.can_act_on(request.user, instance, locale):
                raise PermissionDenied
        # Parents before children: a page's translation is created under its parent's.
        items.sort(key=lambda item: (not isinstance(item[0], Page), getattr(item[0], "path", "")))
        with transaction.atomic():
            if form.cleaned_data["action"] == BulkActionForm.MACHINE:
                result = sync.machine_translate_items(request.user, items)
                if result is None:
                    messages.error(request, _("No machine translation is configured."))
                    return redirect(back)
            else:
                result = sync.sync_items(request.user, items, publish=form.cleaned_data["publish"])
        result_message(request, result)
        return redirect(back)


def resolve_rows(keys):
    """[(source instance, target locale)] for row keys; None if one does not exist."""
    locales = {locale.pk: locale for locale in Locale.objects.all()}
    items = []
    for content_type_id, source_pk, locale_id in keys:
        try:
            model = ContentType.objects.get_for_id(content_type_id).model_class()
        except ContentType.DoesNotExist:
            return None
        instance = model.objects.filter(pk=source_pk).first() if model else None
        if instance is None or locale_id not in locales or instance.locale_id == locale_id:
            return None
        items.append((instance, locales[locale_id]))
    return items


class ScopeMixin(ForbiddenMixin):
    """A source page (`page_id`) and a target language (`locale`) from the URL."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.locale = get_object_or_404(Locale, language_code=kwargs["locale"])
        self.root = get_object_or_404(Page, pk=kwargs["page_id"], depth__gt=1).specific
        if self.root.locale_id == self.locale.pk:
            raise Http404

    def check_permission(self):
        if not permissions.can_act_on(self.request.user, self.root, self.locale):
            raise PermissionDenied

    def scope(self):
        value = self.request.GET.get("scope") or self.request.POST.get("scope")
        return value if value in po.SCOPES else po.SECTION


class POExportView(ScopeMixin, View):
    """Download the translation of a page or section (`?scope=page|section`) as one PO file."""

    def get(self, request, *args, **kwargs):
        self.check_permission()
        scope = self.scope()
        content = str(po.export_po(self.root, self.locale, scope, user=request.user))
        response = HttpResponse(content, content_type="text/x-gettext-translation; charset=utf-8")
        name = po.filename(self.root, self.locale, scope)
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response


class POImportView(ScopeMixin, WagtailAdminTemplateMixin, FormView):
    """Upload a PO file for a page or section; errors are shown on the file field."""

    form_class = POImportForm
    template_name = "translations/po_import.html"
    page_title = gettext_lazy("Import translations")
    header_icon = "upload"

    def get(self, request, *args, **kwargs):
        self.check_permission()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.check_permission()
        return super().post(request, *args, **kwargs)

    def get_page_subtitle(self):
        return f"{self.root.title} ({self.locale.get_display_name()})"

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.update(root=self.root, locale=self.locale)
        kwargs["initial"] = {"scope": self.scope()}
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(root=self.root, locale=self.locale, back_url=self.get_success_url())
        return context

    def get_success_url(self):
        return report_url(locale=self.locale.language_code)

    def form_valid(self, form):
        try:
            with transaction.atomic():
                result = po.import_po(
                    form.po, self.root, self.locale, form.cleaned_data["scope"], self.request.user
                )
        except po.ValidationError as error:
            form.add_error("file", error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _(
                "%(imported)d translations imported into %(pages)d pages; %(skipped)d entries "
                "skipped (empty, unknown or not yours to edit)."
            )
            % {"imported": result.imported, "pages": result.pages, "skipped": result.skipped},
        )
        return redirect(self.get_success_url())


class MachineTranslateView(ScopeMixin, View):
    """Fill the untranslated strings of a page or section by machine, saved as drafts.

    Pages of the section the user may not change are left out and counted.
    """

    def post(self, request, *args, **kwargs):
        self.check_permission()
        if get_machine_translator() is None:
            messages.error(request, _("No machine translation is configured."))
            return redirect(safe_next(request, report_url()))
        items, skipped = [], 0
        for page in po.pages_in_scope(self.root, self.scope()):
            if permissions.can_act_on(request.user, page.specific, self.locale):
                items.append((page.specific, self.locale))
            else:
                skipped += 1
        with transaction.atomic():
            result = sync.machine_translate_items(request.user, items)
        result_message(request, result)
        if skipped:
            messages.warning(
                request,
                _("%(count)d pages were left out: you may not change their translation.")
                % {"count": skipped},
            )
        return redirect(
            safe_next(
                request,
                report_url(locale=self.locale.language_code, section=self.root.pk),
            )
        )
