"""Coordinators' screens: assignments (with the copy action), extensions, submissions."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permission_policies import ModelPermissionPolicy

from accounts.access import is_coordinator, is_facilitator
from assignments import admin_urls, services
from assignments.models import Assignment, Extension, Submission
from cohorts.wagtail_hooks import ScopedFilterSet, ScopedIndexView
from core.admin_dates import DateColumn, LocalDatesFormMixin
from core.menu import ADMIN_MENU_ORDER


class AssignmentFilterSet(ScopedFilterSet):
    class Meta:
        model = Assignment
        fields = ["cohort", "kind", "required_for_completion"]


class AssignmentIndexView(ScopedIndexView):
    """Facilitators (view permission) list only the cohorts they teach, as in cohorts' admin."""

    @property
    def header_buttons(self):
        buttons = super().header_buttons
        if self.request.user.has_perm("assignments.add_assignment"):
            buttons.append(
                HeaderButton(
                    _("Copy to another cohort"),
                    url=reverse("assignment_admin:copy"),
                    icon_name="copy",
                )
            )
        return buttons


class AssignmentViewSet(ModelViewSet):
    model = Assignment
    url_namespace = "assignment_admin"
    url_prefix = "assignments"
    icon = "doc-full"
    menu_label = gettext_lazy("Assignments")
    index_view_class = AssignmentIndexView
    list_display = [
        "title_th",
        "cohort",
        "kind",
        DateColumn("due_at", label=Assignment._meta.get_field("due_at").verbose_name),
        "required_for_completion",
    ]
    list_filter = None
    filterset_class = AssignmentFilterSet
    search_fields = ["title_th", "title_en"]
    ordering = ["-cohort__number", "due_at"]
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("cohort"),
                FieldPanel("session"),
                FieldPanel("title_th"),
                FieldPanel("title_en"),
                FieldPanel("kind"),
                FieldPanel("due_at"),
                FieldPanel("required_for_completion"),
            ],
            heading=gettext_lazy("Assignment"),
        ),
        FieldPanel("brief"),
        InlinePanel(
            "attachments",
            label=gettext_lazy("Attachments to the brief"),
            panels=[FieldPanel("document"), FieldPanel("label")],
        ),
        MultiFieldPanel(
            [FieldPanel("accepted_kinds"), FieldPanel("max_file_mb")], heading=gettext_lazy("Files")
        ),
        FieldPanel("rubric"),
    ]

    def get_urlpatterns(self):
        # assignments/admin_urls.py: served in this viewset's namespace (assignment_admin:copy).
        return super().get_urlpatterns() + admin_urls.urlpatterns


def _grant_from_form(view, extension=None):
    """Create and edit both go through the service: a new or changed date is emailed."""
    data = view.form.cleaned_data
    return services.extension_grant(
        assignment=data["assignment"],
        team=data.get("team"),
        learner=data.get("learner"),
        due_at=data["due_at"],
        reason=data.get("reason", ""),
        granted_by=view.request.user,
        extension=extension,
    )


class ExtensionCreateView(generic.CreateView):
    def save_instance(self):
        return _grant_from_form(self)


class ExtensionEditView(generic.EditView):
    def save_instance(self):
        return _grant_from_form(self, extension=self.object)


class ExtensionViewSet(LocalDatesFormMixin, ModelViewSet):
    model = Extension
    icon = "time"
    menu_label = gettext_lazy("Extensions")
    add_view_class = ExtensionCreateView
    edit_view_class = ExtensionEditView
    list_display = [
        "assignment",
        "team",
        "learner",
        DateColumn("due_at", label=Extension._meta.get_field("due_at").verbose_name),
        "reason",
        "granted_by",
        "notification",
    ]
    list_filter = ["assignment__cohort"]
    search_fields = ["team__name", "learner__email", "learner__first_name"]
    form_fields = ["assignment", "team", "learner", "due_at", "reason"]


class SubmissionViewSet(ModelViewSet):
    """Read-only overview for coordinators; reviewing happens on the review page."""

    model = Submission
    icon = "tasks"
    menu_label = gettext_lazy("Submissions")
    list_display = [
        TitleColumn(
            "assignment",
            label=gettext_lazy("Assignment"),
            get_url=lambda submission: reverse("assignments:review", args=[submission.pk]),
        ),
        Column("owner_name", label=gettext_lazy("Team or learner")),
        "status",
        DateColumn("updated_at", label=Submission._meta.get_field("updated_at").verbose_name),
    ]
    list_filter = ["status", "assignment__cohort", "assignment"]
    search_fields = ["team__name", "learner__email"]
    form_fields = ["status"]
    inspect_view_enabled = False

    @property
    def permission_policy(self):
        return ReadOnlyPolicy(self.model)


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Handed-in work changes only through the services: the admin may only look."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return "view" in actions and super().user_has_permission(user, "view")


class AssignmentsGroup(ViewSetGroup):
    menu_label = gettext_lazy("Research assignments")
    menu_name = "assignments"
    menu_icon = "doc-full"
    menu_order = ADMIN_MENU_ORDER["assignments"]
    items = [
        AssignmentViewSet(),
        ExtensionViewSet("assignment_extensions"),
        SubmissionViewSet("assignment_submissions"),
    ]


@hooks.register("register_admin_viewset")
def register_assignments_group():
    return AssignmentsGroup()


class ReviewQueueMenuItem(MenuItem):
    def is_shown(self, request):
        return is_coordinator(request.user) or is_facilitator(request.user)


@hooks.register("register_admin_menu_item")
def register_review_queue_menu_item():
    """Reviewing happens in the portal; facilitators find it from the admin too."""
    return ReviewQueueMenuItem(
        gettext_lazy("Review queue"),
        reverse("assignments:review_queue"),
        name="review-queue",
        icon_name="tasks",
        order=ADMIN_MENU_ORDER["review-queue"],
    )
