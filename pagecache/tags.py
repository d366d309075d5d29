"""What a cached response shows, as tags: recorded while it renders, bumped when it changes.

Tags (all short ASCII strings):

- ``all``: every entry; bumped by Site and Locale changes.
- ``page:<pk>``: a page instance was loaded while rendering (the page itself, menu and footer
  entries, teasers, linked pages, listed children, the language switcher's translations).
- ``obj:<app_label.model>:<pk>``: a snippet, setting, image or document was loaded.
- ``render:<pk>``: the rendering of page ``pk`` itself (bumped for pages that *reference* a
  changed object without having loaded it, e.g. a chosen quote that was still a draft).
- ``list:<app_label.model>``: the response lists objects of that type as a collection, so
  a new, changed or removed one can change it. Page types declare what they list
  (``cache_lists``), other views by URL name (both in portal/caching.py).

Loads are seen through Django's ``post_init`` signal while a collector is active (only on a
page-cache miss), so nothing in the other apps has to declare what it displays.
"""

import contextvars

from wagtail.models import Page

from portal import caching

ALL = "all"

_current = contextvars.ContextVar("pagecache_collector", default=None)


class Collector:
    """The tags of one response being rendered, and whether it may be cached at all."""

    def __init__(self):
        self.tags = {ALL}
        self.cacheable = True
        # Types listed as a whole: their list tag covers every instance, so a listing of
        # 5,000 events carries one tag instead of 5,000.
        self.listed = set()

    def add(self, *tags):
        self.tags.update(tags)

    def add_lists(self, labels):
        self.listed.update(labels)
        self.tags.update(list_tag(label) for label in labels)

    def start_page(self, page):
        """Wagtail has routed to ``page``: forget what routing loaded (the ancestors on the
        way down the tree are not displayed) and record the page and what it lists."""
        self.tags = {ALL, page_tag(page.pk), render_tag(page.pk)}
        self.listed = set()
        if page.specific_class is not None:
            self.add_lists(caching.page_lists(page.specific_class))


def activate():
    collector = Collector()
    return collector, _current.set(collector)


def deactivate(token):
    _current.reset(token)


def current():
    return _current.get()


def add_tags(*tags):
    """Public hook: a view or template tag can add tags to the response being rendered."""
    collector = _current.get()
    if collector is not None:
        collector.add(*tags)


def mark_uncacheable():
    """Public hook: the response being rendered must not be cached (e.g. per-visitor data)."""
    collector = _current.get()
    if collector is not None:
        collector.cacheable = False


def page_tag(pk):
    return f"page:{pk}"


def render_tag(pk):
    return f"render:{pk}"


def object_tag(model, pk):
    return f"obj:{model._meta.label_lower}:{pk}"


def list_tag(label):
    return f"list:{label}"


# Which models are tracked, decided once per model class (the snippet registry is only
# complete after every app's wagtail_hooks ran, hence lazily rather than in ready()).
_kinds = {}
PAGE, OBJECT = "page", "object"


def model_kind(model):
    try:
        return _kinds[model]
    except KeyError:
        pass
    kind = None
    if issubclass(model, Page):
        kind = PAGE
    elif _is_content_model(model):
        kind = OBJECT
    _kinds[model] = kind
    return kind


def _is_content_model(model):
    from wagtail import hooks
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.snippets.models import get_snippet_models

    # Snippets are registered by the apps' wagtail_hooks modules; make sure they ran before
    # the answer is remembered for good.
    hooks.search_for_hooks()
    if model._meta.proxy:
        model = model._meta.concrete_model
    return (
        model is get_image_model()
        or model is get_document_model()
        or issubclass(model, (BaseSiteSetting, BaseGenericSetting))
        or model in get_snippet_models()
    )


def record_instance(sender, instance, **kwargs):
    """post_init receiver: tag the response being rendered with a loaded page or object."""
    collector = _current.get()
    if collector is None:
        return
    kind = model_kind(sender)
    if kind is None or sender._meta.label_lower in collector.listed:
        return
    if kind is PAGE:
        collector.tags.add(page_tag(instance.pk))
    else:
        collector.tags.add(object_tag(sender._meta.concrete_model, instance.pk))


def reset_model_kinds():
    """Forget the classification (tests that register models or snippets late)."""
    _kinds.clear()
