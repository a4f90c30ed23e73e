from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AttendanceConfig(AppConfig):
    name = "attendance"
    verbose_name = _("Attendance")

    def ready(self):
        # Imported here, not at the top: models and registries exist only once apps are ready.
        from accounts.personal_data import register as register_personal_data
        from accounts.portal import register_attention, register_panel
        from accounts.roles import register_role_permissions
        from attendance.completion import attendance_check
        from attendance.panels import attendance_panel
        from attendance.personal_data import attendance_erase, attendance_export
        from attendance.roles import ROLE_PERMISSIONS
        from attendance.session_page import attendance_section, check_in_attention
        from cohorts.completion import register_check
        from cohorts.session_page import register_session_section

        register_role_permissions(ROLE_PERMISSIONS)
        register_session_section(attendance_section, order=30)
        register_attention(check_in_attention, order=10)
        register_check(attendance_check)
        register_panel(attendance_panel, order=30)
        register_personal_data(
            "attendance", export=attendance_export, erase=attendance_erase, order=20
        )
