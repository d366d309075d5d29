"""What a list says about input it could not use."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

# A value is shown at most this long: the address may hold anything.
MAX_SHOWN_VALUE = 60


def shown_value(value):
    value = str(value)
    if len(value) > MAX_SHOWN_VALUE:
        return value[: MAX_SHOWN_VALUE - 1] + "…"
    return value


@dataclass(frozen=True, slots=True)
class Notice:
    """One parameter of the address that was ignored: its label, the value sent and why.

    `field_id` is the id the form field's `aria-describedby` points at (Django's
    `<auto_id>_error`), empty for input without a field (the page number).
    """

    label: str
    value: str
    message: str
    field_id: str = ""

    def __str__(self):
        return _("%(label)s “%(value)s”: %(message)s") % {
            "label": self.label,
            "value": self.value,
            "message": self.message,
        }


def ignored_input(form, data):
    """One `Notice` per field of the bound `form` whose value in `data` is invalid."""
    notices = []
    for name, errors in form.errors.items():
        field = form.fields.get(name)
        if field is None:
            # A form-wide error: the forms put their errors on a field, so this is a bug
            # in a form, and it still must not hide the message.
            notices.append(Notice(label="", value="", message=" ".join(errors)))
            continue
        values = data.getlist(name) if hasattr(data, "getlist") else [data.get(name, "")]
        message = " ".join(str(error) for error in errors)
        for value in values:
            # Some of Django's messages repeat the value ("Select a valid choice. … is not
            # one of the available choices."): shortened there too.
            value = str(value)
            if len(value) > MAX_SHOWN_VALUE:
                message = message.replace(value, shown_value(value))
        notices.append(
            Notice(
                label=str(field.label or name),
                value=shown_value(", ".join(str(value) for value in values)),
                message=message,
                field_id=f"{form[name].auto_id}_error" if form[name].auto_id else "",
            )
        )
    return notices
