"""The page base every public page shares: SEO fields and search in Thai."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from cms.search.fields import ThaiSearchField, thai_page_search_fields


class SitePage(Page):
    """Abstract: an introduction, a social image, and Thai-segmented search fields.

    Subclasses add their own fields and extend `search_fields` with ThaiSearchField.
    """

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("One or two sentences shown under the title and in listings (สรุปสั้น ๆ)."),
    )
    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown at the top of the page, in listings and when the page is shared."),
    )

    search_fields = thai_page_search_fields(ThaiSearchField("intro"))
    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("social_image")]

    class Meta:
        abstract = True

    @property
    def meta_description(self) -> str:
        """The meta/OpenGraph description: the search description, else the intro."""
        return self.search_description or self.intro
