"""What an edit purges, and the signal receivers that trigger it.

A change purges, in every locale:

- a page (published, unpublished, saved live, moved, deleted, slug changed, view restriction
  changed): ``page:<pk>`` of the page and all its translations (every response that loaded
  one of them) and ``list:<its type>`` (listings of that type); for moves, slug changes and
  restrictions, the same for all descendants, whose addresses or visibility changed too;
- a snippet, setting, image or document (saved, published, unpublished, deleted):
  ``obj:<type>:<pk>`` of it and its translations, ``list:<type>``, and ``render:<pk>`` of
  every page that references it in the reference index (a chosen quote that was a draft and
  therefore never loaded);
- a Site or Locale: everything.

Each purge runs at once (for code that never commits, like tests) and again after the
transaction commits (see ``store`` for why both); the CDN is only told after the commit, in
one batch per transaction.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_init, post_save

from modelcluster.fields import ParentalKey
from wagtail.models import (
    Locale,
    Page,
    PageViewRestriction,
    ReferenceIndex,
    Site,
    TranslatableMixin,
)
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from . import frontend, store, tags

# Saves that only touch revision, draft and locking bookkeeping change nothing visitors see.
BOOKKEEPING_FIELDS = frozenset(
    {
        "latest_revision",
        "latest_revision_created_at",
        "has_unpublished_changes",
        "draft_title",
        "locked",
        "locked_at",
        "locked_by",
        "locked_by_id",
        "wagtail_admin_comments",
        "comments",
    }
)


class _Batch:
    """The purge of one transaction, run once after it commits (dropped if it rolls back)."""

    def __init__(self):
        self.tags = set()
        self.urls = set()

    def __call__(self):
        store.purge(self.tags)
        if frontend.frontend_cache_enabled():
            frontend.purge_urls(self.urls | store.urls_for(self.tags))


def schedule(tag_set, urls=()):
    """Purge ``tag_set`` now and again after commit; tell the CDN after commit."""
    store.purge(tag_set)
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        batch = _Batch()
    else:
        # One batch per transaction, however many pages and snippets it changes, so the
        # CDN gets one purge request. Django discards it with the transaction on rollback.
        batch = next(
            (func for _ids, func, _robust in connection.run_on_commit if isinstance(func, _Batch)),
            None,
        )
        if batch is None:
            batch = _Batch()
            transaction.on_commit(batch)
    batch.tags.update(tag_set)
    batch.urls.update(urls)
    if not connection.in_atomic_block:
        batch()


def purge_all():
    schedule({tags.ALL})


# What to purge


def _translations(model, instances):
    """The pks of ``instances`` and of all their translations (one query)."""
    pks = {instance.pk for instance in instances if instance.pk is not None}
    keys = {getattr(instance, "translation_key", None) for instance in instances} - {None}
    if keys and issubclass(model, TranslatableMixin):
        pks.update(model.objects.filter(translation_key__in=keys).values_list("pk", flat=True))
    return pks


def page_tags(pages, descendants=False):
    pages = [page for page in pages if page is not None]
    if not pages:
        return set(), set()
    if descendants:
        extra = Page.objects.none()
        for page in pages:
            extra = extra | Page.objects.descendant_of(page)
        pages = pages + list(extra.only("pk", "translation_key", "content_type_id"))
    pks = _translations(Page, pages)
    tag_set = {tags.page_tag(pk) for pk in pks}
    for page in pages:
        model = page.specific_class or type(page)
        tag_set.add(tags.list_tag(model._meta.label_lower))
    urls = set()
    if frontend.frontend_cache_enabled():
        for page in Page.objects.filter(pk__in=pks, live=True):
            url = page.get_full_url()
            if url:
                urls.add(url)
    return tag_set, urls


def object_tags(model, instances):
    concrete = model._meta.concrete_model
    pks = _translations(concrete, instances)
    tag_set = {tags.object_tag(concrete, pk) for pk in pks}
    tag_set.add(tags.list_tag(concrete._meta.label_lower))
    # Pages that chose the object but never loaded it (e.g. it was not live yet).
    objects = list(concrete.objects.filter(pk__in=pks)) or list(instances)
    page_ct = ReferenceIndex._get_base_content_type(Page)
    referencing = (
        ReferenceIndex.get_references_to_in_bulk(objects)
        .filter(base_content_type=page_ct)
        .values_list("object_id", flat=True)
    )
    referencing = {int(pk) for pk in referencing}
    if referencing:
        pages = list(Page.objects.filter(pk__in=referencing).only("pk", "translation_key"))
        tag_set.update(tags.render_tag(pk) for pk in _translations(Page, pages))
    return tag_set


def purge_pages(pages, descendants=False):
    tag_set, urls = page_tags(pages, descendants=descendants)
    if tag_set:
        schedule(tag_set, urls)


def purge_objects(model, instances):
    schedule(object_tags(model, instances))


# Receivers


def on_page_published(sender, instance, **kwargs):
    purge_pages([instance])


def on_page_moved(sender, instance, **kwargs):
    purge_pages([instance], descendants=True)


def on_slug_changed(sender, instance, **kwargs):
    purge_pages([instance], descendants=True)


def _only_bookkeeping(update_fields):
    return update_fields is not None and set(update_fields) <= BOOKKEEPING_FIELDS


def on_save(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or _only_bookkeeping(update_fields):
        return
    _on_change(sender, instance)


def on_delete(sender, instance, **kwargs):
    _on_change(sender, instance)


def _on_change(sender, instance):
    if tags.current() is not None:
        # Written while an anonymous GET renders for the cache: default settings created
        # on first use, image metadata, renditions. None of it changes what visitors see,
        # and purging would throw away the very page being rendered.
        return
    if sender in (Site, Locale):
        purge_all()
        return
    if sender is PageViewRestriction:
        # A page that turns private must leave the cache with everything below it.
        try:
            page = instance.page
        except Page.DoesNotExist:
            return  # deleted with its page, which purges itself
        purge_pages([page], descendants=True)
        return
    kind = tags.model_kind(sender)
    if kind is tags.PAGE:
        purge_pages([instance])
    elif kind is tags.OBJECT:
        purge_objects(sender, [instance])
    else:
        for parent_model, parent in _parents(sender, instance):
            if tags.model_kind(parent_model) is tags.PAGE:
                purge_pages([parent])
            else:
                purge_objects(parent_model, [parent])


_parent_fields = {}


def _parents(model, instance):
    """(model, object) for each tracked object that ``instance`` is an inline part of
    (a menu entry of the settings, a category link of an event, a key figure of a cluster)."""
    fields = _parent_fields.get(model)
    if fields is None:
        fields = [
            field
            for field in model._meta.get_fields()
            if isinstance(field, ParentalKey) and tags.model_kind(field.related_model) is not None
        ]
        _parent_fields[model] = fields
    parents = []
    for field in fields:
        try:
            parent = getattr(instance, field.name)
        except field.related_model.DoesNotExist:
            continue
        if parent is not None:
            parents.append((field.related_model, parent))
    return parents


def connect():
    post_init.connect(tags.record_instance, dispatch_uid="pagecache_record_instance")
    post_save.connect(on_save, dispatch_uid="pagecache_on_save")
    post_delete.connect(on_delete, dispatch_uid="pagecache_on_delete")
    page_published.connect(on_page_published, dispatch_uid="pagecache_page_published")
    page_unpublished.connect(on_page_published, dispatch_uid="pagecache_page_unpublished")
    post_page_move.connect(on_page_moved, dispatch_uid="pagecache_page_moved")
    page_slug_changed.connect(on_slug_changed, dispatch_uid="pagecache_slug_changed")
