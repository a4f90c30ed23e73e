from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssignmentsConfig(AppConfig):
    name = "assignments"
    verbose_name = _("Assignments")

    def ready(self):
        from accounts.roles import register_role_permissions
        from assignments.roles import ROLE_PERMISSIONS

        register_role_permissions(ROLE_PERMISSIONS)
        from accounts.portal import register_panel
        from assignments.completion import me_panel, required_assignments_accepted
        from cohorts.completion import register_check

        register_check(required_assignments_accepted)
        register_panel(me_panel, order=40)
