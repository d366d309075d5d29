"""The POST data a browser sends from an admin edit form, for tests that tamper with it.

The HTML of an edit form holds the plain fields and the inline formsets (their management
forms included); a StreamField is drawn by the admin's JavaScript from its definition and
value, and the script adds its inputs (`body-count`, `body-0-type`, ...) on submit.
`form_data()` does both: it reads the form's controls as a browser submits them (none from a
`<template>`, unchecked boxes left out) and adds every StreamField's inputs as the script
names them, from the value the form shows.
"""

from django.http import QueryDict

from wagtail import blocks
from wagtail.fields import StreamField

from bs4 import BeautifulSoup

# Names that tell a form how many entries follow: StreamField and ListBlock counts and the
# management form of each inline formset.
MANAGEMENT_SUFFIXES = ("-count", "-TOTAL_FORMS", "-INITIAL_FORMS")
BUTTON_TYPES = {"submit", "button", "reset", "image", "file"}


def _in_template(element):
    return any(parent.name == "template" for parent in element.parents)


def html_form_data(html, form_id=None):
    """The form's controls (the edit form: the one with the most controls) as a QueryDict."""
    soup = BeautifulSoup(html, "html.parser")
    forms = [soup.find("form", id=form_id)] if form_id else soup.find_all("form")
    form = max(forms, key=lambda form: len(form.find_all(["input", "select", "textarea"])))
    data = QueryDict(mutable=True)
    for control in form.find_all(["input", "select", "textarea"]):
        name = control.get("name")
        if not name or _in_template(control) or control.has_attr("disabled"):
            continue
        if control.name == "textarea":
            data.appendlist(name, control.get_text())
        elif control.name == "select":
            options = control.find_all("option")
            chosen = [option for option in options if option.has_attr("selected")]
            if not chosen and options and not control.has_attr("multiple"):
                chosen = options[:1]
            for option in chosen:
                data.appendlist(name, option.get("value", option.get_text()))
        else:
            kind = control.get("type", "text").lower()
            if kind in BUTTON_TYPES or name == "csrfmiddlewaretoken":
                continue
            if kind in ("checkbox", "radio") and not control.has_attr("checked"):
                continue
            data.appendlist(name, control.get("value", "on" if kind == "checkbox" else ""))
    return data


def block_data(block, value, prefix):
    """(name, value) pairs the admin's script submits for ``value`` of ``block``."""
    if isinstance(block, blocks.StreamBlock):
        children = list(value or [])
        yield f"{prefix}-count", str(len(children))
        for index, child in enumerate(children):
            yield f"{prefix}-{index}-type", child.block_type
            yield f"{prefix}-{index}-deleted", ""
            yield f"{prefix}-{index}-order", str(index)
            yield f"{prefix}-{index}-id", child.id or ""
            yield from block_data(child.block, child.value, f"{prefix}-{index}-value")
    elif isinstance(block, blocks.ListBlock):
        children = list(value.bound_blocks) if value is not None else []
        yield f"{prefix}-count", str(len(children))
        for index, child in enumerate(children):
            yield f"{prefix}-{index}-deleted", ""
            yield f"{prefix}-{index}-order", str(index)
            yield f"{prefix}-{index}-id", child.id or ""
            yield from block_data(block.child_block, child.value, f"{prefix}-{index}-value")
    elif isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            yield from block_data(child, value.get(name) if value else None, f"{prefix}-{name}")
    elif isinstance(block, blocks.StaticBlock):
        return
    elif isinstance(block, blocks.BooleanBlock):
        if value:
            yield prefix, "on"
    elif isinstance(block, blocks.ChooserBlock):
        yield prefix, "" if value is None else str(value.pk)
    elif isinstance(block, blocks.FieldBlock):
        state = block.get_form_state(value)
        for item in state if isinstance(state, (list, tuple)) else [state]:
            yield prefix, "" if item is None else str(item)
    else:
        raise TypeError(f"{prefix}: teach admin_forms.block_data about {type(block).__name__}")


def form_data(html, instance, form_id=None):
    """What the browser submits from the edit form of ``instance`` in ``html``."""
    data = html_form_data(html, form_id)
    for field in type(instance)._meta.get_fields():
        if isinstance(field, StreamField):
            for name in [key for key in data if key.startswith(f"{field.name}-")]:
                del data[name]
            for name, value in block_data(
                field.stream_block, getattr(instance, field.name), field.name
            ):
                data.appendlist(name, value)
    return data


def management_fields(data):
    return [name for name in data if name.endswith(MANAGEMENT_SUFFIXES)]


def without(data, name):
    copy = data.copy()
    del copy[name]
    return copy


def replaced(data, name, value):
    copy = data.copy()
    copy[name] = value
    return copy
