"""Coordinators build evaluation forms and templates here and read the results."""

from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.admin.ui.tables import TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton

from core.menu import ADMIN_MENU_ORDER
from evaluations import admin_urls
from evaluations.access import can_see_results
from evaluations.models import Evaluation, EvaluationTemplate

QUESTION_PANELS = [
    FieldPanel("text_th"),
    FieldPanel("text_en"),
    FieldRowPanel([FieldPanel("kind"), FieldPanel("required")]),
    FieldRowPanel([FieldPanel("options_th"), FieldPanel("options_en")]),
]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("evaluations/", include(admin_urls))]


class CopyButtonIndexView(generic.IndexView):
    @property
    def header_buttons(self):
        buttons = super().header_buttons
        if can_see_results(self.request.user):
            buttons.append(
                HeaderButton(
                    _("Copy from a template"),
                    url=reverse("evaluations_admin:copy"),
                    icon_name="copy",
                )
            )
        return buttons


class EvaluationTemplateViewSet(ModelViewSet):
    model = EvaluationTemplate
    icon = "form"
    menu_label = gettext_lazy("Evaluation templates")
    index_view_class = CopyButtonIndexView
    list_display = ["name_th", "kind"]
    list_filter = ["kind"]
    search_fields = ["name_th", "name_en"]
    panels = [
        MultiFieldPanel(
            [FieldPanel("name_th"), FieldPanel("name_en"), FieldPanel("kind")],
            heading=gettext_lazy("Template"),
        ),
        FieldPanel("intro_th"),
        FieldPanel("intro_en"),
        InlinePanel("questions", label=gettext_lazy("Questions"), panels=QUESTION_PANELS),
    ]


class EvaluationViewSet(ModelViewSet):
    model = Evaluation
    icon = "list-ul"
    menu_label = gettext_lazy("Evaluations")
    index_view_class = CopyButtonIndexView
    list_display = [
        "title_th",
        "cohort",
        "kind",
        TitleColumn(
            "results",
            label=gettext_lazy("Results"),
            accessor=lambda e: _("Results"),
            get_url=lambda e: reverse("evaluations_admin:results", args=[e.pk]),
        ),
    ]
    list_filter = ["cohort", "kind", "required_for_completion"]
    search_fields = ["title_th", "title_en"]
    ordering = ["-cohort__number", "session__starts_at"]
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("cohort"),
                FieldPanel("session"),
                FieldPanel("kind"),
                FieldPanel("title_th"),
                FieldPanel("title_en"),
            ],
            heading=gettext_lazy("Evaluation"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("opens_at"),
                FieldPanel("days_open"),
                FieldPanel("required_for_completion"),
            ],
            heading=gettext_lazy("When it is open"),
        ),
        FieldPanel("intro_th"),
        FieldPanel("intro_en"),
        InlinePanel("questions", label=gettext_lazy("Questions"), panels=QUESTION_PANELS),
    ]


class EvaluationsGroup(ViewSetGroup):
    menu_label = gettext_lazy("Evaluations")
    menu_name = "evaluations"
    menu_icon = "list-ul"
    menu_order = ADMIN_MENU_ORDER["evaluations"]
    items = [EvaluationViewSet(), EvaluationTemplateViewSet()]


@hooks.register("register_admin_viewset")
def register_evaluations_group():
    return EvaluationsGroup()


class ResultsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_results(request.user)


@hooks.register("register_admin_menu_item")
def register_results_menu_item():
    return ResultsMenuItem(
        gettext_lazy("Evaluation results"),
        reverse("evaluations_admin:index"),
        name="evaluation-results",
        icon_name="list-ul",
        order=ADMIN_MENU_ORDER["evaluation-results"],
    )
