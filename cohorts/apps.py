from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CohortsConfig(AppConfig):
    name = "cohorts"
    verbose_name = _("Cohorts")

    def ready(self):
        from accounts.roles import register_role_permissions
        from cohorts.roles import ROLE_PERMISSIONS

        register_role_permissions(ROLE_PERMISSIONS)
        from accounts.portal import register_panel
        from cohorts.portal import schedule_panel

        register_panel(schedule_panel, order=10)
