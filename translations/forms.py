"""Forms of the translators' tools: report filters, bulk actions and the PO import."""

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page, get_page_models

from . import po, state


class ReportFilterForm(forms.Form):
    """Target locale, section, state and type of the report's rows; they combine.

    A value that is not one of the choices is ignored rather than failing the report.
    """

    locale = forms.ChoiceField(label=_("Language"), required=False)
    section = forms.ChoiceField(label=_("Section"), required=False)
    state = forms.ChoiceField(label=_("State"), required=False)
    type = forms.ChoiceField(label=_("Type"), required=False)

    def __init__(self, *args, locales, sections, **kwargs):
        super().__init__(*args, **kwargs)
        everything = [("", _("All"))]
        self.fields["locale"].choices = everything + [
            (locale.language_code, locale.get_display_name()) for locale in locales
        ]
        self.fields["section"].choices = everything + [
            (str(section.pk), section.title) for section in sections
        ]
        self.fields["state"].choices = everything + state.STATE_CHOICES
        models = [*page_models(), *state.translatable_snippet_models()]
        types = ContentType.objects.get_for_models(*models)
        self.fields["type"].choices = everything + sorted(
            ((str(types[model].pk), model._meta.verbose_name) for model in models),
            key=lambda choice: str(choice[1]).lower(),
        )

    def value(self, name):
        """The cleaned value of a filter, or "" if it was left empty or is not a choice."""
        if not self.is_bound or not self.is_valid() and name in self.errors:
            return ""
        return self.cleaned_data.get(name, "")

    def filter(self, rows):
        locale, section = self.value("locale"), self.value("section")
        row_state, content_type = self.value("state"), self.value("type")
        if locale:
            rows = [row for row in rows if row.locale.language_code == locale]
        if section:
            rows = [row for row in rows if row.section and str(row.section.pk) == section]
        if row_state:
            rows = [row for row in rows if row.state == row_state]
        if content_type:
            rows = [row for row in rows if str(row.content_type.pk) == content_type]
        return rows


def page_models():
    return [model for model in get_page_models() if model is not Page]


class BulkActionForm(forms.Form):
    """The selected rows and what to do with them."""

    SYNC = "sync"
    MACHINE = "machine"

    rows = forms.MultipleChoiceField(
        required=True, error_messages={"required": _("Select at least one row.")}
    )
    action = forms.ChoiceField(
        choices=[(SYNC, _("Sync selected")), (MACHINE, _("Machine-translate selected"))]
    )
    publish = forms.BooleanField(
        label=_("Publish immediately"),
        required=False,
        help_text=_(
            "Publish the synced translations where you may publish them; otherwise they are "
            "saved as drafts for the translators. Untranslated text appears in German."
        ),
    )

    def clean_rows(self):
        keys = []
        for key in self.data.getlist("rows"):
            try:
                keys.append(state.parse_row_key(key))
            except ValueError as error:
                raise forms.ValidationError(
                    _("The selection is not valid."), code="invalid"
                ) from error
        return keys

    def full_clean(self):
        # The rows are free-form keys checked in clean_rows, not fixed choices.
        self.fields["rows"].choices = [(key, key) for key in self.data.getlist("rows")]
        super().full_clean()


class POImportForm(forms.Form):
    """A PO file returned by a translation agency, for one page or section and language."""

    scope = forms.ChoiceField(
        label=_("The file contains"),
        choices=[
            (po.PAGE, _("this page only")),
            (po.SECTION, _("this page and all pages below it")),
        ],
        initial=po.SECTION,
        widget=forms.RadioSelect,
    )
    file = forms.FileField(
        label=_("PO file"),
        help_text=_(
            "The file exported here for this page and language, with the translations filled "
            "in. Empty entries are skipped; existing translations not in the file are kept."
        ),
    )

    def __init__(self, *args, root, locale, **kwargs):
        super().__init__(*args, **kwargs)
        self.root = root
        self.locale = locale
        self.po = None

    def clean(self):
        cleaned_data = super().clean()
        uploaded, scope = cleaned_data.get("file"), cleaned_data.get("scope")
        if uploaded is None or scope is None:
            return cleaned_data
        try:
            self.po = po.parse(uploaded)
            po.check(self.po, self.root, self.locale, scope)
        except forms.ValidationError as error:
            self.po = None
            self.add_error("file", error)
        return cleaned_data
