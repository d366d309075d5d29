"""Filter forms rendered once per variant, for the long lists (sites, halls, events).

A list's GET filter form renders a dozen widgets through Django's widget templates, which
costs more than the list itself. Its HTML depends only on the active language, the inputs
the caller names (address, unit, choice lists) and the submitted values, so each process
keeps the last few hundred variants. There is no CSRF token in a GET form and nothing per
visitor. With DEBUG (templates being edited) nothing is kept; a settings change (tests)
empties every cache.
"""

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.utils import translation

_caches = []


class RenderedFormCache(dict):
    """HTML of `template` by language, the caller's key parts and the form's input."""

    def __init__(self, template, size=512):
        super().__init__()
        self.template = template
        self.size = size
        _caches.append(self)

    def render(self, form, key_parts, context):
        submitted = ()
        if form.is_bound:
            submitted = tuple((name, tuple(form.data.getlist(name))) for name in form.fields)
        key = (translation.get_language(), *key_parts, form.is_bound, submitted)
        html = self.get(key)
        if html is None:
            html = render_to_string(self.template, context)
            if not settings.DEBUG:
                if len(self) >= self.size:
                    self.clear()
                self[key] = html
        return html


@receiver(setting_changed)
def _forget_rendered_forms(**kwargs):
    for cache in _caches:
        cache.clear()
