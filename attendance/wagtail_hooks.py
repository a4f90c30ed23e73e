from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from attendance import admin_urls
from attendance.access import is_coordinator
from attendance.models import CheckInSettings, CompletionRule
from attendance.selectors import sessions_for_marking
from core.menu import ADMIN_MENU_ORDER


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("attendance/", include(admin_urls))]


class AttendanceMenuItem(MenuItem):
    def is_shown(self, request):
        user = request.user
        return is_coordinator(user) or sessions_for_marking(user).exists()


@hooks.register("register_admin_menu_item")
def register_attendance_menu_item():
    return AttendanceMenuItem(
        _("Attendance"),
        reverse("attendance_admin:index"),
        name="attendance",
        icon_name="tasks",
        order=ADMIN_MENU_ORDER["attendance"],
    )


class CompletionRuleViewSet(ModelViewSet):
    model = CompletionRule
    icon = "success"
    menu_label = _("Completion rules")
    list_display = ["cohort", "min_percent", "late_counts", "excused_counts", "max_excused"]
    form_fields = ["cohort", "min_percent", "late_counts", "excused_counts", "max_excused"]


class CheckInSettingsViewSet(ModelViewSet):
    model = CheckInSettings
    icon = "time"
    menu_label = _("Check-in settings")
    list_display = [
        "session",
        "opens_minutes_before",
        "late_after_minutes",
        "closes_minutes_after_end",
    ]
    form_fields = [
        "session",
        "opens_minutes_before",
        "late_after_minutes",
        "closes_minutes_after_end",
    ]


class AttendanceSettingsGroup(ViewSetGroup):
    menu_label = _("Attendance rules")
    menu_name = "attendance-rules"
    menu_icon = "success"
    menu_order = ADMIN_MENU_ORDER["attendance-rules"]
    items = (CompletionRuleViewSet("completion_rules"), CheckInSettingsViewSet("check_in_settings"))


@hooks.register("register_admin_viewset")
def register_attendance_viewsets():
    return AttendanceSettingsGroup()
