"""News: an index page that lists its news items, newest first."""

from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from cms.blocks import BodyBlock
from cms.lookups import public
from cms.search.fields import ThaiSearchField

from .base import SitePage


class NewsIndexPage(SitePage):
    """Lists the news items below it, ten per page."""

    per_page = 10
    subpage_types = ["cms.NewsPage"]
    parent_page_types = ["cms.HomePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index")

    def get_context(self, request, *args, **kwargs):
        """Adds `news`, one page of the live items; override `per_page` to change its size."""
        context = super().get_context(request, *args, **kwargs)
        items = (
            public(NewsPage.objects.child_of(self).live())  # private items are listed nowhere
            .order_by("-date", "-pk")
            .select_related("social_image")
        )
        context["news"] = Paginator(items, self.per_page).get_page(request.GET.get("page"))
        return context


class NewsPage(SitePage):
    date = models.DateField(_("date"), default=timezone.localdate)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = SitePage.content_panels + [FieldPanel("date"), FieldPanel("body")]
    search_fields = SitePage.search_fields + [ThaiSearchField("body"), index.FilterField("date")]
    parent_page_types = ["cms.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news")
