"""StreamField blocks shared by every page body on the site."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        label=_("alternative text"),
        required=False,
        help_text=_("Describe the picture for people who cannot see it (ภาพนี้แสดงอะไร)."),
    )
    caption = blocks.CharBlock(label=_("caption"), required=False)

    class Meta:
        icon = "image"
        template = "cms/blocks/image_block.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(label=_("attribution"), required=False)

    class Meta:
        icon = "openquote"
        template = "cms/blocks/quote_block.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(
        label=_("title"), required=False, help_text=_("Leave blank to use the document's title.")
    )

    class Meta:
        icon = "doc-full"
        template = "cms/blocks/document_block.html"


class BodyBlock(blocks.StreamBlock):
    """The free-form body every page shares: text, headings, pictures, quotes, files."""

    heading = blocks.CharBlock(
        label=_("heading"), form_classname="title", icon="title", template="cms/blocks/heading.html"
    )
    paragraph = blocks.RichTextBlock(
        label=_("paragraph"), features=["bold", "italic", "link", "ol", "ul", "h3", "document-link"]
    )
    image = ImageBlock(label=_("image"))
    quote = QuoteBlock(label=_("quote"))
    document = DocumentBlock(label=_("document"))

    class Meta:
        block_counts = {}
