from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page


class CourseModulePage(Page):
    """A course module (ชุดวิชา) of the programme."""

    code = models.CharField(_("module code"), max_length=32, blank=True)
    hours = models.PositiveSmallIntegerField(_("hours"), null=True, blank=True)

    content_panels = Page.content_panels + [FieldPanel("code"), FieldPanel("hours")]

    class Meta:
        verbose_name = _("course module")


class SiteVisitPage(Page):
    """A study visit (ศึกษาดูงาน) to host organisations."""

    province = models.ForeignKey(
        "accounts.Province",
        verbose_name=_("province"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = Page.content_panels + [FieldPanel("province")]

    class Meta:
        verbose_name = _("site visit")
