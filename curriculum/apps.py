from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CurriculumConfig(AppConfig):
    name = "curriculum"
    verbose_name = _("Curriculum")

    def ready(self):
        from accounts.roles import register_role_permissions
        from curriculum.roles import ROLE_PERMISSIONS

        register_role_permissions(ROLE_PERMISSIONS)
