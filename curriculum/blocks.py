"""StreamField blocks of the teaching content: outcomes, readings, agendas, hosts."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock

from cms.blocks import ImageBlock
from core.admin_dates import BuddhistEraDateBlock


class ReadingBlock(blocks.StructBlock):
    """A reading or document: a link, an uploaded file, or both."""

    title = blocks.CharBlock(label=_("title"))
    author = blocks.CharBlock(label=_("author or source"), required=False)
    url = blocks.URLBlock(label=_("link"), required=False)
    document = DocumentChooserBlock(label=_("document"), required=False)

    class Meta:
        icon = "doc-full"
        template = "curriculum/blocks/reading.html"


class AgendaItemBlock(blocks.StructBlock):
    starts_at = blocks.TimeBlock(label=_("from"), format="%H:%M")
    ends_at = blocks.TimeBlock(label=_("until"), required=False, format="%H:%M")
    title = blocks.CharBlock(label=_("activity"))
    place = blocks.CharBlock(label=_("place"), required=False)

    class Meta:
        icon = "time"

    def clean(self, value):
        """An activity does not end before it starts."""
        value = super().clean(value)
        if value.get("ends_at") and value["ends_at"] < value["starts_at"]:
            raise StructBlockValidationError(
                block_errors={"ends_at": ValidationError(_("The activity ends before it starts."))}
            )
        return value


class AgendaDayBlock(blocks.StructBlock):
    """One day of a site visit, with its activities in time order."""

    date = BuddhistEraDateBlock(label=_("date"))
    title = blocks.CharBlock(label=_("theme of the day"), required=False)
    items = blocks.ListBlock(AgendaItemBlock(), label=_("activities"))

    class Meta:
        icon = "date"
        template = "curriculum/blocks/agenda_day.html"

    def clean(self, value):
        """The day's activities are in time order: each starts no earlier than the one above."""
        value = super().clean(value)
        starts = [item["starts_at"] for item in value["items"]]
        early = {
            index: StructBlockValidationError(
                block_errors={
                    "starts_at": ValidationError(
                        _("This activity starts before the one above it: put them in time order.")
                    )
                }
            )
            for index in range(1, len(starts))
            if starts[index] < starts[index - 1]
        }
        if early:
            raise StructBlockValidationError(
                block_errors={"items": ListBlockValidationError(block_errors=early)}
            )
        return value


class HostBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("host organisation"))
    description = blocks.TextBlock(label=_("what they show"), required=False)
    url = blocks.URLBlock(label=_("website"), required=False)

    class Meta:
        icon = "group"


class OutputBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("output"))
    description = blocks.TextBlock(label=_("description"), required=False)
    url = blocks.URLBlock(label=_("link"), required=False)

    class Meta:
        icon = "tick"


OUTCOMES = [("outcome", blocks.CharBlock(label=_("learning outcome"), icon="tick"))]
QUESTIONS = [("question", blocks.CharBlock(label=_("question to study"), icon="help"))]
THEMES = [("theme", blocks.CharBlock(label=_("theme"), icon="tag"))]
READINGS = [("reading", ReadingBlock(label=_("reading")))]
AGENDA = [("day", AgendaDayBlock(label=_("day")))]
HOSTS = [("host", HostBlock(label=_("host")))]
GALLERY = [("image", ImageBlock(label=_("image")))]
OUTPUTS = [("output", OutputBlock(label=_("output")))]
