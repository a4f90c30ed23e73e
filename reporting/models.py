"""Reporting's own records: the targets a coordinator edits, the public impact figures
and the impact page. Everything else here only reads the other apps."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from cms.models.base import SitePage


@register_setting(icon="crosshairs")
class ProgrammeTargets(BaseGenericSetting):
    """What the programme is funded to reach; the dashboard measures against it."""

    local_governments = models.PositiveIntegerField(_("local governments to reach"), default=300)
    people = models.PositiveIntegerField(_("people to train"), default=2000)

    panels = [FieldPanel("local_governments"), FieldPanel("people")]

    class Meta:
        verbose_name = _("programme targets")
        permissions = [("view_dashboard", _("Can view the programme dashboard"))]


class ImpactSnapshot(models.Model):
    """The public impact figures, counted by a periodic job: aggregates only, no person.

    ``figures`` holds counts keyed by province code, research theme and organisation
    kind (reporting.impact.impact_figures); the newest row is the one shown.
    """

    computed_at = models.DateTimeField(_("counted at"), auto_now_add=True)
    figures = models.JSONField(_("figures"), default=dict)

    class Meta:
        ordering = ["-computed_at"]
        get_latest_by = "computed_at"
        verbose_name = _("impact figures")
        verbose_name_plural = _("impact figures")

    def __str__(self):
        return f"{self.computed_at:%Y-%m-%d %H:%M}"


class ImpactPage(SitePage):
    """The public impact page: the latest ImpactSnapshot as a map and figures."""

    parent_page_types = ["cms.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    content_panels = SitePage.content_panels

    class Meta:
        verbose_name = _("impact page")

    def get_context(self, request, *args, **kwargs):
        """Adds the latest figures, drawn (reporting.impact.impact_context)."""
        from reporting.impact import impact_context  # it reads this module's models

        context = super().get_context(request, *args, **kwargs)
        context.update(impact_context())
        return context
