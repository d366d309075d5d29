"""StreamField blocks of the clusters app: a chooser for published quotes.

This module must not import `clusters.models` (or `home.models`) at load time: `home.models` uses
the chooser for the home page's quotes, and `clusters.models` imports `home.models`.
"""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.blocks import SnippetChooserBlock

from home.blocks import BaseStreamBlock


class QuoteChooserBlock(SnippetChooserBlock):
    """A quote snippet chosen in any StreamField; drafts are never shown on the site.

    On a translated page wagtail-localize points the block at the quote's translation.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Quote (from the quotes)"))
        super().__init__("clusters.Quote", **kwargs)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["quote"] = value if value is not None and value.live else None
        return context

    class Meta:
        icon = "openquote"
        template = "clusters/blocks/quote_chooser_block.html"
        description = _("A published quote chosen from the quotes, with name and organisation.")


class ClusterBodyBlock(BaseStreamBlock):
    """The shared body blocks plus the quote chooser, for cluster pages."""

    quote_snippet = QuoteChooserBlock()
