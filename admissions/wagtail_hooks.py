"""Intakes as a plain listing; screening, letters and enrolment as admissions' own screens."""

from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.admin.ui.tables import TitleColumn
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from admissions import admin_urls
from admissions.models import Intake
from core.menu import ADMIN_MENU_ORDER


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("admissions/", include(admin_urls))]


class IntakeViewSet(ModelViewSet):
    model = Intake
    name = "admissions_intake"
    url_prefix = "admissions/intakes"
    icon = "user"
    menu_label = gettext_lazy("Intakes")
    list_display = [
        "cohort",
        "opens_at",
        "closes_at",
        "places",
        TitleColumn(
            "screening",
            label=gettext_lazy("Applications"),
            accessor=lambda intake: _("Screen applications"),
            get_url=lambda intake: reverse("admissions_admin:screening", args=[intake.pk]),
        ),
    ]
    list_filter = ["cohort"]
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("cohort"),
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
                FieldRowPanel([FieldPanel("places"), FieldPanel("fee_baht")]),
            ],
            heading=gettext_lazy("Intake"),
        ),
        FieldPanel("eligibility_th"),
        FieldPanel("eligibility_en"),
        FieldPanel("documents_th"),
        FieldPanel("documents_en"),
        FieldRowPanel([FieldPanel("next_expected_th"), FieldPanel("next_expected_en")]),
        InlinePanel(
            "quotas",
            label=gettext_lazy("Quotas (optional)"),
            panels=[FieldPanel("dimension"), FieldPanel("value"), FieldPanel("places")],
        ),
    ]


class AdmissionsGroup(ViewSetGroup):
    menu_label = gettext_lazy("Admissions")
    menu_name = "admissions"
    menu_icon = "user"
    menu_order = ADMIN_MENU_ORDER["admissions"]
    items = [IntakeViewSet()]


@hooks.register("register_admin_viewset")
def register_admissions_group():
    return AdmissionsGroup()
