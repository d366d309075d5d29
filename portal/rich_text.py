"""Internal page links in rich text, in the visitor's language.

Wagtail's own handler resolves `page.localized` once per link. This one localises all links
of a text in one query (`localize_pages`) and, where a page has no translation yet, links to
the source page with the note that it is shown in another language (`localized_url`).
"""

from django.utils.html import escape

from wagtail.rich_text.pages import PageLinkHandler

from portal.localization import localize_pages, localized_url


class LocalizedPageLinkHandler(PageLinkHandler):
    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        pages = localize_pages(cls.get_many(attrs_list))
        return [f'<a href="{escape(localized_url(page))}">' if page else "<a>" for page in pages]
