"""Site visits (ศึกษาดูงาน): hosts, place, day-by-day agenda, questions, gallery."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from cms.blocks import BodyBlock
from cms.models import SitePage
from cms.search.fields import ThaiSearchField
from curriculum.blocks import AGENDA, GALLERY, HOSTS, QUESTIONS, THEMES


class SiteVisitPage(SitePage):
    """A study visit (ศึกษาดูงาน) to host organisations."""

    province = models.ForeignKey(
        "accounts.Province",
        verbose_name=_("province"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    starts_on = models.DateField(_("first day"), null=True, blank=True)
    ends_on = models.DateField(
        _("last day"), null=True, blank=True, help_text=_("Leave empty for a one-day visit.")
    )
    address = models.TextField(_("address"), blank=True)
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    hosts = StreamField(HOSTS, verbose_name=_("host organisations"), blank=True)
    themes = StreamField(
        THEMES,
        verbose_name=_("themes"),
        blank=True,
        help_text=_("e.g. BCG, green and circular economy, smart city (เศรษฐกิจ BCG, เมืองอัจฉริยะ)."),
    )
    agenda = StreamField(
        AGENDA,
        verbose_name=_("agenda"),
        blank=True,
        help_text=_("One block per day, activities in time order (กำหนดการรายวัน)."),
    )
    questions = StreamField(QUESTIONS, verbose_name=_("questions to study"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("description"), blank=True)
    gallery = StreamField(GALLERY, verbose_name=_("gallery"), blank=True)

    content_panels = SitePage.content_panels + [
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")], heading=_("When")),
        FieldPanel("hosts"),
        MultiFieldPanel(
            [
                FieldPanel("province"),
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Where"),
        ),
        FieldPanel("themes"),
        FieldPanel("agenda"),
        FieldPanel("questions"),
        FieldPanel("body"),
        FieldPanel("gallery"),
    ]
    search_fields = SitePage.search_fields + [
        ThaiSearchField("hosts"),
        ThaiSearchField("themes"),
        ThaiSearchField("address"),
        ThaiSearchField("province_names"),
        ThaiSearchField("agenda"),
        ThaiSearchField("questions"),
        ThaiSearchField("body"),
        index.FilterField("province"),
        index.FilterField("starts_on"),
    ]
    parent_page_types = ["curriculum.ProgrammePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("site visit")
        verbose_name_plural = _("site visits")
        constraints = [
            models.CheckConstraint(
                condition=Q(starts_on__isnull=True)
                | Q(ends_on__isnull=True)
                | Q(starts_on__lte=F("ends_on")),
                name="site_visit_starts_before_it_ends",
            )
        ]

    def clean(self):
        super().clean()
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The last day is before the first day.")})
        if self.ends_on and not self.starts_on:
            raise ValidationError({"starts_on": _("Give the first day as well.")})

    def province_names(self) -> str:
        """Both names of the province, so ขอนแก่น and Khon Kaen find the visit."""
        if not self.province_id:
            return ""
        return f"{self.province.name_th} {self.province.name_en}"

    @property
    def last_day(self):
        """The last day of the visit; a one-day visit leaves `ends_on` empty."""
        return self.ends_on or self.starts_on

    @property
    def map_url(self) -> str:
        if self.latitude is None or self.longitude is None:
            return ""
        return f"https://www.openstreetmap.org/?mlat={self.latitude}&mlon={self.longitude}#map=15/{self.latitude}/{self.longitude}"

    def get_context(self, request, *args, **kwargs):
        """Adds the cohort sessions that visit this place (a fixed number of queries)."""
        # the selectors import these page models: imported on use
        from curriculum.selectors import site_visit_context

        context = super().get_context(request, *args, **kwargs)
        context.update(site_visit_context(self))
        return context
