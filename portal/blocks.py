"""StreamField blocks shared by every page type of the portal.

`BaseStreamBlock` is the body of standard pages and, in later apps, of cluster, location and
event pages. Each block has an icon, a template, a description and a preview value so editors
see what it looks like in the block picker.
"""

import copy

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock
from wagtail_localize.segments import StringSegmentValue

from portal.localization import localize_pages, localized_url

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]


class HeadingBlock(blocks.StructBlock):
    """A section heading; the level keeps the page outline valid for screen readers."""

    heading_text = blocks.CharBlock(label=_("Heading"), max_length=200)
    size = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Level 2")), ("h3", _("Level 3")), ("h4", _("Level 4"))],
        default="h2",
        help_text=_("Use level 2 for main sections and level 3 or 4 for sub-sections."),
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        description = _("A heading that structures the page into sections.")
        preview_value = {"heading_text": "Entwicklung und Effekte von Clustern", "size": "h2"}


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "blocks/paragraph_block.html"
        description = _("Formatted text with links, lists and sub-headings.")
        preview_value = (
            "<p>Cluster sind Netzwerke von Unternehmen und Forschungseinrichtungen, "
            "die entlang von <b>Wertschöpfungsketten</b> zusammenarbeiten.</p>"
        )


class CaptionedImageBlock(blocks.StructBlock):
    """An image with mandatory alternative text and an optional caption and credit."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=255,
        help_text=_(
            "Describe what the image shows for people who cannot see it. Required for "
            "accessibility (BITV 2.0)."
        ),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=255)
    attribution = blocks.CharBlock(
        label=_("Credit"), required=False, max_length=255, help_text=_("Photographer or source.")
    )

    class Meta:
        icon = "image"
        template = "blocks/captioned_image_block.html"
        description = _("An image with alternative text, caption and credit.")
        preview_value = {
            "alt_text": "Chemiepark Leuna aus der Luft",
            "caption": "Der Chemiestandort Leuna",
            "attribution": "EMMD",
        }


class LinkStructValue(blocks.StructValue):
    """Resolves the block's internal page or external address to one URL."""

    def url(self):
        return self.url_for(None)

    def url_for(self, request):
        """The URL; with the request, Wagtail reuses the site root paths it keeps there
        instead of reading them from the cache again for this page."""
        page = self.get("page")
        if page:
            # One block, one query; a page not yet translated links to its source with
            # the note that it is shown in another language.
            (localized,) = localize_pages([page])
            return localized_url(localized, request)
        return self.get("external_url") or ""


class CallToActionBlock(blocks.StructBlock):
    """A highlighted box that leads the visitor to one next step."""

    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False, max_length=400)
    page = blocks.PageChooserBlock(label=_("Internal page"), required=False)
    external_url = blocks.URLBlock(label=_("External address"), required=False)
    button_label = blocks.CharBlock(label=_("Button label"), max_length=60)

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("external_url")):
            message = _("Choose either an internal page or an external address.")
            raise blocks.StructBlockValidationError(
                block_errors={
                    "page": ErrorList([ValidationError(message)]),
                    "external_url": ErrorList([ValidationError(message)]),
                }
            )
        return value

    class Meta:
        icon = "link"
        template = "blocks/call_to_action_block.html"
        value_class = LinkStructValue
        description = _("A highlighted box with a button to a page or an external site.")
        preview_value = {
            "title": "Investieren in Mitteldeutschland",
            "text": "Finden Sie freie Gewerbeflächen und Hallen in der Region.",
            "external_url": "https://example.org/",
            "button_label": "Zum Flächenpool",
        }


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        max_length=200,
        help_text=_("Leave empty to use the document's title."),
    )


class DocumentLinksBlock(blocks.StructBlock):
    """A list of downloads, each shown with its file type and size."""

    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    documents = blocks.ListBlock(DocumentLinkBlock(), label=_("Documents"), min_num=1)

    class Meta:
        icon = "doc-full"
        template = "blocks/document_links_block.html"
        description = _("Downloads such as reports, presentations and brochures.")
        preview_value = {"heading": "Downloads", "documents": []}


class ConsentEmbedBlock(blocks.StructBlock):
    """A video or other embed that loads from its provider only after the visitor agrees."""

    embed = EmbedBlock(
        label=_("Address of the video or post"),
        help_text=_("For example a YouTube or Vimeo address."),
    )
    title = blocks.CharBlock(
        label=_("Title"),
        max_length=200,
        help_text=_("Names the embedded content for screen readers."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=255)

    class Meta:
        icon = "media"
        template = "blocks/consent_embed_block.html"
        description = _(
            "Embedded video or post; the provider is contacted only after the visitor agrees."
        )


class TranslatableTableBlock(TableBlock):
    """Wagtail's table, with each cell offered to wagtail-localize as a segment.

    wagtail-localize skips TableBlock, so without this the English page would show German
    cells. Empty cells are not offered; numbers are (translators may localise separators).
    """

    def get_translatable_segments(self, value):
        segments = []
        for row_index, row in enumerate((value or {}).get("data") or []):
            for col_index, cell in enumerate(row):
                if cell is not None and str(cell).strip():
                    segments.append(StringSegmentValue(f"r{row_index}c{col_index}", str(cell)))
        return segments

    def restore_translated_segments(self, value, segments):
        value = copy.deepcopy(value)
        for segment in segments:
            row_index, col_index = segment.path[1:].split("c")
            value["data"][int(row_index)][int(col_index)] = segment.render_text()
        return value


class CaptionedTableBlock(blocks.StructBlock):
    """A data table with a caption, for figures such as employees or turnover."""

    caption = blocks.CharBlock(
        label=_("Caption"),
        max_length=255,
        help_text=_("Says what the table shows; read first by screen readers."),
    )
    table = TranslatableTableBlock(label=_("Table"))
    source = blocks.CharBlock(label=_("Source"), required=False, max_length=255)

    class Meta:
        icon = "table"
        template = "blocks/captioned_table_block.html"
        description = _("A table of figures with caption and source.")
        preview_value = {
            "caption": "Cluster Chemie/Kunststoffe (2007)",
            "table": {
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "data": [
                    ["Kennzahl", "Wert"],
                    ["Unternehmen", "750"],
                    ["Beschäftigte", "71.000"],
                ],
            },
            "source": "Clusteratlas",
        }


class BlockQuoteBlock(blocks.StructBlock):
    """A quotation with the name and organisation of the person quoted."""

    text = blocks.TextBlock(label=_("Quotation"), max_length=1200)
    name = blocks.CharBlock(label=_("Name"), max_length=120)
    role = blocks.CharBlock(label=_("Role and organisation"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        template = "blocks/block_quote_block.html"
        description = _("A quotation with attribution.")
        preview_value = {
            "text": "Mitteldeutschland ist ein Standort mit Zukunft.",
            "name": "Dr. Erika Beispiel",
            "role": "Geschäftsführerin, Beispiel GmbH",
        }


class QuoteChooserBlock(SnippetChooserBlock):
    """A quote snippet (quotes app) chosen in any StreamField; drafts are never shown.

    The model is named by string so the base does not import the quotes app. On a translated
    page wagtail-localize points the block at the quote's translation.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Quote (from the quotes)"))
        super().__init__("quotes.Quote", **kwargs)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["quote"] = value if value is not None and value.live else None
        return context

    class Meta:
        icon = "openquote"
        template = "quotes/blocks/quote_chooser_block.html"
        description = _("A published quote chosen from the quotes, with name and organisation.")


class BaseStreamBlock(blocks.StreamBlock):
    """The body blocks every content page of the portal offers."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = CaptionedImageBlock()
    call_to_action = CallToActionBlock()
    document_links = DocumentLinksBlock()
    embed = ConsentEmbedBlock()
    table = CaptionedTableBlock()
    quote = BlockQuoteBlock()
    quote_snippet = QuoteChooserBlock()
