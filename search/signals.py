"""Keep the search index and the results cache in step with what pages show.

- A quote snippet is shown by the pages that choose it (cluster pages' related quotes, a
  "Quote" block in a body, the home page), and its text is indexed with those pages
  (`quotes.models.quotes_text`). Publishing, unpublishing or deleting a quote re-indexes them, in
  every language: Wagtail's reference index says which pages refer to the quote or to one of
  its translations (a page shows the translation into its own language where one is live).
- A published page is indexed once more after its child rows are saved: Wagtail indexes it
  when the page row is saved, before modelcluster writes the child rows (a cluster's key
  figures, networks, related quotes), so an edited key figure would otherwise be found only
  after the next publish.
- Anything that can change a result (a page saved or deleted, a view restriction, pages
  re-indexed for a quote) makes the cached results stale (search/cache.py).
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_delete, post_save, pre_delete

from wagtail.models import Page, PageViewRestriction, ReferenceIndex
from wagtail.search import index
from wagtail.signals import page_published, published, unpublished

from quotes.models import Quote

from . import cache


def pages_showing_quote(quote):
    """The pages (specific, in every language) that refer to ``quote`` or to one of its
    translations. Three queries plus one per page type."""
    translations = list(Quote.objects.filter(translation_key=quote.translation_key))
    if quote.pk is not None and all(t.pk != quote.pk for t in translations):
        translations.append(quote)
    page_type = ContentType.objects.get_for_model(Page)  # pages are indexed as Page
    page_ids = {
        int(object_id)
        for object_id in ReferenceIndex.get_references_to_in_bulk(translations)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
    }
    if not page_ids:
        return []
    return list(Page.objects.filter(pk__in=page_ids).specific())


def reindex_pages(pages):
    for page in pages:
        index.insert_or_update_object(page)
    if pages:
        cache.bump_version()


def reindex_pages_showing_quote(sender, instance, **kwargs):
    reindex_pages(pages_showing_quote(instance))


def remember_pages_showing_quote(sender, instance, **kwargs):
    # Before the delete: it removes the reference index rows and the cluster pages' links.
    instance._search_pages_showing = pages_showing_quote(instance)


def reindex_pages_that_showed_quote(sender, instance, **kwargs):
    reindex_pages(getattr(instance, "_search_pages_showing", []))


def reindex_published_page(sender, instance, **kwargs):
    index.insert_or_update_object(instance)


def results_changed(sender, instance, **kwargs):
    if isinstance(instance, (Page, PageViewRestriction)):
        cache.bump_version()


def connect():
    published.connect(reindex_pages_showing_quote, sender=Quote, dispatch_uid="search_quote_pub")
    unpublished.connect(
        reindex_pages_showing_quote, sender=Quote, dispatch_uid="search_quote_unpub"
    )
    pre_delete.connect(remember_pages_showing_quote, sender=Quote, dispatch_uid="search_quote_pre")
    post_delete.connect(
        reindex_pages_that_showed_quote, sender=Quote, dispatch_uid="search_quote_del"
    )
    page_published.connect(reindex_published_page, dispatch_uid="search_page_published")
    # Every Page subclass sends its own post_save, so these listen to all senders.
    post_save.connect(results_changed, dispatch_uid="search_results_saved")
    post_delete.connect(results_changed, dispatch_uid="search_results_deleted")
