from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AdmissionsConfig(AppConfig):
    name = "admissions"
    verbose_name = _("Admissions")

    def ready(self):
        # Imported here, not at the top: models and registries exist only once apps are ready.
        from django.db.models.signals import post_delete, post_save

        from accounts.roles import register_role_permissions
        from admissions.models import Intake
        from admissions.roles import ROLE_PERMISSIONS
        from admissions.selectors import intake_announcement
        from cms.context import register_page_context
        from cms.page_cache import clear_page_cache

        register_role_permissions(ROLE_PERMISSIONS)
        for page in ("home", "programme"):
            register_page_context(page, lambda page: intake_announcement())
        # Those pages show the intake: their cached HTML goes when it changes.
        for signal in (post_save, post_delete):
            signal.connect(
                clear_page_cache, sender=Intake, dispatch_uid=f"admissions-pages-{id(signal)}"
            )
