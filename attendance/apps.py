from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AttendanceConfig(AppConfig):
    name = "attendance"
    verbose_name = _("Attendance")

    def ready(self):
        # Imported here, not at the top: models and registries exist only once apps are ready.
        from accounts.portal import register_panel
        from attendance.completion import attendance_check
        from attendance.panels import attendance_panel
        from attendance.schedule import ensure_periodic_tasks
        from cohorts.completion import register_check

        register_check(attendance_check)
        register_panel(attendance_panel, order=30)
        post_migrate.connect(ensure_periodic_tasks, dispatch_uid="attendance.periodic_tasks")
