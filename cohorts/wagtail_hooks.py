"""Admin wiring: the Cohorts menu (ModelViewSets in a ViewSetGroup) and coordinator tools."""

from django.contrib.admin.utils import unquote
from django.shortcuts import get_object_or_404
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from cohorts import admin_urls, services
from cohorts.access import can_manage_cohorts, cohorts_taught_by
from cohorts.forms import SessionForm
from cohorts.models import Cohort, Enrolment, PublicHoliday, Session, Team, Venue
from core.admin_dates import DateColumn, LocalDatesFormMixin, LocalDatesInspectMixin
from core.menu import ADMIN_MENU_ORDER
from core.templatetags import thai as date_filters


class ScopedIndexView(generic.IndexView):
    """Facilitators list only the cohorts they teach; coordinators see everything."""

    cohort_lookup = "cohort__in"
    tools: list[tuple[str, str, str]] = []  # (label, url name, icon)

    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        return queryset.filter(**{self.cohort_lookup: cohorts_taught_by(self.request.user)})

    def tools_for(self, instance) -> list[tuple[str, str, str]]:
        return self.tools

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if can_manage_cohorts(self.request.user):
            for priority, (label, name, icon) in enumerate(self.tools_for(instance), 40):
                url = reverse(name, args=[instance.pk])
                buttons.append(MenuItem(label, url=url, icon_name=icon, priority=priority))
        return buttons


class ScopedInspectView(LocalDatesInspectMixin, generic.InspectView):
    cohort_lookup = "cohort__in"

    def get_object(self, queryset=None):
        allowed = self.model._default_manager.filter(
            **{self.cohort_lookup: cohorts_taught_by(self.request.user)}
        )
        return get_object_or_404(allowed, pk=unquote(str(self.pk)))


class CohortIndexView(ScopedIndexView):
    cohort_lookup = "pk__in"
    tools = [
        (_("Generate sessions"), "cohorts_admin_generate", "date"),
        (_("Invite a person"), "cohorts_admin_invite", "mail"),
        (_("Import learners"), "cohorts_admin_import", "upload"),
    ]


class CohortInspectView(ScopedInspectView):
    cohort_lookup = "pk__in"


class ScopedFilterSet(WagtailFilterSet):
    """The cohort and team choices of a filter list only the cohorts the person teaches
    (their names are cohort data too); coordinators see them all."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = getattr(self.request, "user", None)
        taught = cohorts_taught_by(user) if user else Cohort.objects.none()
        if "cohort" in self.filters:
            self.filters["cohort"].queryset = taught
        if "team" in self.filters:
            self.filters["team"].queryset = Team.objects.filter(cohort__in=taught)


class CohortFilterSet(WagtailFilterSet):
    class Meta:
        model = Cohort
        fields = ["status"]


class CohortViewSet(LocalDatesFormMixin, ModelViewSet):
    model = Cohort
    icon = "group"
    url_prefix = "cohorts/cohorts"
    url_namespace = "cohorts_cohort"
    index_view_class = CohortIndexView
    inspect_view_class = CohortInspectView
    inspect_view_enabled = True
    list_display = [
        "number",
        "title_th",
        DateColumn("starts_on", label=Cohort._meta.get_field("starts_on").verbose_name),
        DateColumn("ends_on", label=Cohort._meta.get_field("ends_on").verbose_name),
        "status",
    ]
    filterset_class = CohortFilterSet
    search_fields = ["title_th", "title_en", "slug"]
    form_fields = [
        "number",
        "slug",
        "title_th",
        "title_en",
        "starts_on",
        "ends_on",
        "status",
        "coordinators",
    ]
    copy_view_enabled = False


class SessionIndexView(ScopedIndexView):
    tools = [
        (_("Reschedule"), "cohorts_admin_reschedule", "time"),
        (_("Cancel session"), "cohorts_admin_cancel", "cross"),
    ]
    cancelled_tools = [(_("Re-open session"), "cohorts_admin_reopen", "rotate")]

    def tools_for(self, instance):
        return self.cancelled_tools if instance.is_cancelled else self.tools


class SessionCreateView(generic.CreateView):
    def save_instance(self):
        data = dict(self.form.cleaned_data)
        for extra in ("note", "save_despite_conflicts"):
            data.pop(extra, None)
        return services.session_create(
            cohort=data.pop("cohort"), facilitators=data.pop("facilitators"), **data
        )


class SessionEditView(generic.EditView):
    def save_instance(self):
        data = self.form.cleaned_data
        return services.session_update(
            session=self.form.instance, facilitators=data["facilitators"], note=data["note"]
        )


class SessionDeleteView(generic.DeleteView):
    def delete_action(self):
        services.session_delete(session=self.object)


class SessionFilterSet(ScopedFilterSet):
    class Meta:
        model = Session
        fields = ["cohort", "kind", "status", "venue", "is_mandatory"]


class SessionViewSet(ModelViewSet):
    model = Session
    icon = "date"
    url_prefix = "cohorts/sessions"
    url_namespace = "cohorts_session"
    index_view_class = SessionIndexView
    add_view_class = SessionCreateView
    edit_view_class = SessionEditView
    delete_view_class = SessionDeleteView
    inspect_view_class = ScopedInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = [
        "number",
        "title_th",
        "cohort",
        DateColumn("starts_at", label=_("starts at")),
        "kind",
        "venue",
        "status",
    ]
    list_filter = None
    filterset_class = SessionFilterSet
    search_fields = ["title_th", "title_en"]
    ordering = ["cohort", "number"]
    list_per_page = 50

    def get_form_class(self, for_update=False):
        return SessionForm


class VenueFilterSet(WagtailFilterSet):
    class Meta:
        model = Venue
        fields = ["province"]


class VenueViewSet(ModelViewSet):
    model = Venue
    icon = "site"
    url_prefix = "cohorts/venues"
    url_namespace = "cohorts_venue"
    list_display = ["name_th", "name_en", "province"]
    filterset_class = VenueFilterSet
    search_fields = ["name_th", "name_en", "address"]
    form_fields = ["name_th", "name_en", "address", "province", "latitude", "longitude"]


class TeamFilterSet(ScopedFilterSet):
    class Meta:
        model = Team
        fields = ["cohort", "theme"]


class TeamViewSet(ModelViewSet):
    model = Team
    icon = "group"
    url_prefix = "cohorts/teams"
    url_namespace = "cohorts_team"
    index_view_class = ScopedIndexView
    inspect_view_class = ScopedInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["name", "cohort", "organisation", "advisor", "theme"]
    filterset_class = TeamFilterSet
    search_fields = ["name", "project_title"]
    form_fields = ["cohort", "name", "organisation", "advisor", "theme", "project_title"]


class EnrolmentIndexView(ScopedIndexView):
    tools = [
        (_("Withdraw"), "cohorts_admin_withdraw", "cross"),
        (_("Transfer"), "cohorts_admin_transfer", "arrow-right"),
    ]

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("user", "cohort", "team")


class EnrolmentCreateView(generic.CreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        enrolment, _created = services.enrolment_create(
            cohort=data["cohort"], user=data["user"], role=data["role"], team=data["team"]
        )
        return enrolment


class EnrolmentFilterSet(ScopedFilterSet):
    class Meta:
        model = Enrolment
        fields = ["cohort", "status", "role", "team"]


class EnrolmentViewSet(ModelViewSet):
    model = Enrolment
    icon = "user"
    url_prefix = "cohorts/enrolments"
    url_namespace = "cohorts_enrolment"
    index_view_class = EnrolmentIndexView
    add_view_class = EnrolmentCreateView
    inspect_view_class = ScopedInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["user", "cohort", "role", "team", "status", "organisation_name_snapshot"]
    filterset_class = EnrolmentFilterSet
    search_fields = [
        "user__email",
        "user__first_name",
        "user__last_name",
        "organisation_name_snapshot",
    ]
    form_fields = ["cohort", "user", "role", "team"]
    list_per_page = 50


class PublicHolidayViewSet(LocalDatesFormMixin, ModelViewSet):
    """The holiday calendar that generating sessions warns about; coordinators keep it."""

    model = PublicHoliday
    icon = "calendar-alt"
    url_prefix = "cohorts/holidays"
    url_namespace = "cohorts_holiday"
    list_display = [
        Column(
            "date",
            label=_("date"),
            accessor=lambda h: date_filters.thai_date(h.date, "weekday"),
            sort_key="date",
        ),
        "name_th",
        "name_en",
        "note",
    ]
    form_fields = ["date", "name_th", "name_en", "note"]
    search_fields = ["name_th", "name_en"]
    ordering = ["date"]
    list_per_page = 100
    copy_view_enabled = False


class CohortsGroup(ViewSetGroup):
    menu_label = _("Cohorts")
    menu_name = "cohorts"
    menu_icon = "group"
    menu_order = ADMIN_MENU_ORDER["cohorts"]
    items = (
        CohortViewSet,
        SessionViewSet,
        EnrolmentViewSet,
        TeamViewSet,
        VenueViewSet,
        PublicHolidayViewSet,
    )


@hooks.register("register_admin_viewset")
def register_cohorts_viewsets():
    return CohortsGroup()


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("cohort-tools/", include(admin_urls))]
