from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    name = "reporting"
    verbose_name = _("Programme reporting")

    def ready(self):
        # Imported here, not at the top: models and registries exist only once apps are ready.
        from accounts.roles import register_role_permissions
        from reporting.roles import ROLE_PERMISSIONS

        register_role_permissions(ROLE_PERMISSIONS)
