"""The home page and plain content pages."""

from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from cms.blocks import BodyBlock
from cms.context import page_context
from cms.search.fields import ThaiSearchField

from .base import SitePage


class HomePage(SitePage):
    """The site's front page, one per language (Thai at /, English at /en/)."""

    body = RichTextField(_("body"), blank=True)
    hero_link_text = models.CharField(
        _("button text"), max_length=64, blank=True, help_text=_("e.g. อ่านเกี่ยวกับหลักสูตร")
    )
    hero_link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("button links to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    featured_site_visit = models.ForeignKey(
        "curriculum.SiteVisitPage",
        verbose_name=_("featured site visit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = SitePage.content_panels + [
        MultiFieldPanel(
            [FieldPanel("hero_link_text"), FieldPanel("hero_link_page")],
            heading=_("Hero button"),
        ),
        FieldPanel("body"),
        FieldPanel("featured_site_visit"),
    ]
    search_fields = SitePage.search_fields + [ThaiSearchField("body")]
    max_count_per_parent = 1
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "curriculum.ProgrammePage",
        "curriculum.ResearchIndexPage",
        "cms.NewsIndexPage",
        "cms.EventsPage",
        "cms.StandardPage",
        "reporting.ImpactPage",  # by name: reporting sits above cms
    ]

    class Meta:
        verbose_name = _("home page")

    def route(self, request: HttpRequest, path_components: list[str]):
        """Find the page at an address in one lookup by its url_path, where Wagtail walks
        the tree with two queries a level; the page found routes itself (live or 404).
        An address no page has (a page routing sub-paths of its own) takes Wagtail's walk."""
        if path_components:
            url_path = self.url_path + "/".join(path_components) + "/"
            found = Page.objects.filter(url_path=url_path, path__startswith=self.path).first()
            if found is not None:
                return _specific_with_image(found).route(request, [])
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        """Adds the next cohort, the latest news and the featured site visit."""
        # the selectors import these page models: imported on use
        from cms.selectors import home_context

        context = super().get_context(request, *args, **kwargs)
        context.update(home_context(self))
        return context


def _specific_with_image(page: Page) -> Page:
    """The page as its own type with its social image (shown by every page's meta tags)."""
    model = page.specific_class
    if model is None or not issubclass(model, SitePage):
        return page.specific
    return model.objects.select_related("social_image").get(pk=page.pk)


class StandardPage(SitePage):
    """A plain page: about, contact, privacy."""

    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = SitePage.content_panels + [FieldPanel("body")]
    search_fields = SitePage.search_fields + [ThaiSearchField("body")]
    subpage_types = ["cms.StandardPage"]

    # The page at this slug shows the privacy notice in force (accounts.privacy), versioned
    # and accepted by everyone, in place of its body: one text, never two that disagree.
    PRIVACY_SLUG = "privacy"

    class Meta:
        verbose_name = _("standard page")

    def get_context(self, request, *args, **kwargs):
        """The privacy page adds the notice in force and the earlier versions."""
        context = super().get_context(request, *args, **kwargs)
        if self.slug == self.PRIVACY_SLUG:
            from accounts.privacy import published_notices  # below cms; read on use

            notices = published_notices()
            context.update(notice=notices[0] if notices else None, earlier_notices=notices[1:])
        return context


class EventsPage(SitePage):
    """The sessions, site visits and ceremonies ahead, with a calendar file to subscribe to.

    What is listed comes from the apps that own it through `cms.context` ("events"):
    cohorts adds `events` (sessions ahead) and `calendar_url` (their public feed).
    """

    max_count_per_parent = 1
    parent_page_types = ["cms.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("events page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(page_context("events", self))
        return context
