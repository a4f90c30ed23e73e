"""Course modules (ชุดวิชา)."""

from modelcluster.fields import ParentalKey, ParentalManyToManyField

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from cms.blocks import BodyBlock
from cms.models import SitePage
from cms.search.fields import ThaiSearchField
from curriculum.blocks import OUTCOMES, READINGS


class CourseModulePage(SitePage):
    """A course module (ชุดวิชา) of the programme."""

    class Format(models.TextChoices):
        CLASSROOM = "classroom", _("Classroom")
        PRACTICUM = "practicum", _("Research-based practicum")
        SITE_VISIT = "site-visit", _("Site visit")
        ONLINE = "online", _("Online")
        BLENDED = "blended", _("Blended")

    code = models.CharField(
        _("module code"), max_length=32, blank=True, help_text=_("e.g. พมส. 101")
    )
    hours = models.PositiveSmallIntegerField(_("hours"), null=True, blank=True)
    format = models.CharField(
        _("format"), max_length=16, choices=Format.choices, default=Format.CLASSROOM
    )
    learning_outcomes = StreamField(
        OUTCOMES,
        verbose_name=_("learning outcomes"),
        blank=True,
        help_text=_("What learners can do after the module, one outcome per item (ผลลัพธ์การเรียนรู้)."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("description"), blank=True)
    readings = StreamField(READINGS, verbose_name=_("readings and documents"), blank=True)
    related_themes = ParentalManyToManyField(
        "curriculum.ResearchThemePage",
        verbose_name=_("related research themes"),
        blank=True,
        related_name="+",
    )

    content_panels = SitePage.content_panels + [
        FieldRowPanel([FieldPanel("code"), FieldPanel("hours"), FieldPanel("format")]),
        FieldPanel("learning_outcomes"),
        FieldPanel("body"),
        InlinePanel("module_facilitators", label=_("facilitators")),
        FieldPanel("readings"),
        MultiFieldPanel(
            [FieldPanel("related_themes", widget=forms.CheckboxSelectMultiple)],
            heading=_("Research themes"),
        ),
    ]
    search_fields = SitePage.search_fields + [
        ThaiSearchField("code"),
        ThaiSearchField("learning_outcomes"),
        ThaiSearchField("body"),
        index.FilterField("format"),
    ]
    parent_page_types = ["curriculum.ProgrammePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("course module")
        verbose_name_plural = _("course modules")

    def get_context(self, request, *args, **kwargs):
        """Adds facilitators, themes and every cohort's sessions (a fixed number of queries)."""
        # the selectors import these page models: imported on use
        from curriculum.selectors import module_context

        context = super().get_context(request, *args, **kwargs)
        context.update(module_context(self))
        return context


class ModuleFacilitator(Orderable):
    page = ParentalKey(
        CourseModulePage, on_delete=models.CASCADE, related_name="module_facilitators"
    )
    facilitator = models.ForeignKey(
        "curriculum.Facilitator",
        verbose_name=_("facilitator"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("facilitator")]
