"""The municipal research showcase: an index, one page per theme, projects below."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from cms.blocks import BodyBlock
from cms.models import SitePage
from cms.search.fields import ThaiSearchField
from curriculum.blocks import OUTPUTS, READINGS
from curriculum.themes import ResearchTheme


class ResearchIndexPage(SitePage):
    """The showcase's front page: lists the research themes."""

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["curriculum.ResearchThemePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("research showcase")

    def get_context(self, request, *args, **kwargs):
        # the selectors import these page models: imported on use
        from curriculum.selectors import research_index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(research_index_context(self))
        return context


class ResearchThemePage(SitePage):
    """One research theme.

    `theme` ties it to teams and assignments (curriculum.themes.ResearchTheme).
    """

    theme = models.CharField(
        _("theme"),
        max_length=32,
        choices=ResearchTheme.choices,
        help_text=_("The theme code teams and assignments use (ประเด็นวิจัย)."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("description"), blank=True)

    content_panels = SitePage.content_panels + [FieldPanel("theme"), FieldPanel("body")]
    search_fields = SitePage.search_fields + [ThaiSearchField("body"), index.FilterField("theme")]
    parent_page_types = ["curriculum.ResearchIndexPage"]
    subpage_types = ["curriculum.ResearchProjectPage"]

    class Meta:
        verbose_name = _("research theme")
        verbose_name_plural = _("research themes")

    def get_context(self, request, *args, **kwargs):
        # the selectors import these page models: imported on use
        from curriculum.selectors import research_theme_context

        context = super().get_context(request, *args, **kwargs)
        context.update(research_theme_context(self))
        return context


class ResearchProjectPage(SitePage):
    """A municipality's research project: who, where, what came out of it."""

    municipality = models.CharField(_("municipality"), max_length=255)
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("organisation in the registry"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    province = models.ForeignKey(
        "accounts.Province",
        verbose_name=_("province"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cohort = models.ForeignKey(
        "cohorts.Cohort",
        verbose_name=_("cohort"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    team = models.TextField(
        _("team"), blank=True, help_text=_("Team members and researchers, one per line.")
    )
    summary = RichTextField(_("summary"), blank=True, features=["bold", "italic", "link", "ul"])
    outputs = StreamField(OUTPUTS, verbose_name=_("outputs"), blank=True)
    documents = StreamField(READINGS, verbose_name=_("documents"), blank=True)

    content_panels = SitePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("municipality"),
                FieldRowPanel([FieldPanel("organisation"), FieldPanel("province")]),
                FieldPanel("cohort"),
            ],
            heading=_("Municipality"),
        ),
        FieldPanel("team"),
        FieldPanel("summary"),
        FieldPanel("outputs"),
        FieldPanel("documents"),
    ]
    search_fields = SitePage.search_fields + [
        ThaiSearchField("municipality"),
        ThaiSearchField("team"),
        ThaiSearchField("summary"),
        ThaiSearchField("outputs"),
    ]
    parent_page_types = ["curriculum.ResearchThemePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("research project")
        verbose_name_plural = _("research projects")

    def team_members(self) -> list[str]:
        return [line.strip() for line in self.team.splitlines() if line.strip()]
