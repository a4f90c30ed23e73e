from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    name = "learning"
    verbose_name = _("Materials and announcements")

    def ready(self):
        # Imported here, not at the top: models and registries exist only once apps are ready.
        from accounts.personal_data import register as register_personal_data
        from accounts.portal import register_attention, register_panel
        from accounts.roles import register_role_permissions
        from cms.context import register_page_context
        from cohorts.session_page import register_session_section
        from learning import portal
        from learning.personal_data import learning_export
        from learning.roles import ROLE_PERMISSIONS
        from learning.selectors import public_materials

        register_role_permissions(ROLE_PERMISSIONS)
        register_attention(portal.learning_attention, order=40)
        register_panel(portal.announcements_panel, order=15)
        register_personal_data("learning", export=learning_export, order=50)
        register_session_section(portal.announcements_section, order=10)
        register_session_section(portal.materials_section, order=20)
        register_page_context(
            "module", lambda page: {"public_materials": public_materials(module=page)}
        )
