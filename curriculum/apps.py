from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CurriculumConfig(AppConfig):
    name = "curriculum"
    verbose_name = _("Curriculum")

    def ready(self):
        # Imported here, not at the top: models and registries exist only once apps are ready.
        from accounts.roles import register_role_permissions
        from cms.context import register_page_context
        from curriculum.roles import ROLE_PERMISSIONS
        from curriculum.selectors import featured_site_visit

        register_role_permissions(ROLE_PERMISSIONS)
        register_page_context("home", featured_site_visit)
