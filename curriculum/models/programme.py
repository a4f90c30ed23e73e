"""The programme page: what the programme is, for whom, with whom, and its cohorts."""

from modelcluster.fields import ParentalKey

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable

from cms.blocks import BodyBlock
from cms.models import SitePage
from cms.search.fields import ThaiSearchField
from curriculum.blocks import OUTCOMES


class ProgrammePage(RoutablePageMixin, SitePage):
    """The certificate programme; course modules and site visits live below it.

    `brochure.pdf` below its address is the programme as a PDF in the page's language.
    """

    body = StreamField(
        BodyBlock(),
        verbose_name=_("overview"),
        blank=True,
        help_text=_("The programme in a few paragraphs (ภาพรวมหลักสูตร)."),
    )
    objectives = StreamField(OUTCOMES, verbose_name=_("objectives"), blank=True)
    audience = RichTextField(
        _("who it is for"),
        blank=True,
        features=["bold", "italic", "link", "ul"],
        help_text=_("Who should apply: mayors, executives, municipal staff, researchers."),
    )
    target_organisations = models.PositiveIntegerField(_("target: local governments"), default=300)
    target_people = models.PositiveIntegerField(_("target: people trained"), default=2000)

    content_panels = SitePage.content_panels + [
        FieldPanel("body"),
        FieldPanel("objectives"),
        FieldPanel("audience"),
        MultiFieldPanel(
            [FieldPanel("target_organisations"), FieldPanel("target_people")],
            heading=_("Targets"),
        ),
        InlinePanel("partners", label=_("partners")),
    ]
    search_fields = SitePage.search_fields + [
        ThaiSearchField("body"),
        ThaiSearchField("objectives"),
        ThaiSearchField("audience"),
    ]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["curriculum.CourseModulePage", "curriculum.SiteVisitPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("programme page")

    def get_context(self, request, *args, **kwargs):
        """Adds cohorts, modules, site visits and partners (a fixed number of queries)."""
        # the selectors import these page models: imported on use
        from curriculum.selectors import programme_context

        context = super().get_context(request, *args, **kwargs)
        context.update(programme_context(self))
        # Wagtail routes /programme/brochure.pdf as "brochure.pdf/": link without the slash
        context["brochure_url"] = self.url + self.reverse_subpage("brochure").rstrip("/")
        return context

    @path("brochure.pdf/", name="brochure")
    def brochure(self, request):
        """The brochure PDF (curriculum.brochure), cached until the programme is published again."""
        from curriculum.brochure import brochure_response  # WeasyPrint: loaded on use

        return brochure_response(self)


class ProgrammePartner(Orderable):
    page = ParentalKey(ProgrammePage, on_delete=models.CASCADE, related_name="partners")
    partner = models.ForeignKey(
        "curriculum.Partner", verbose_name=_("partner"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("partner")]
