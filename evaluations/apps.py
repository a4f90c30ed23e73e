from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationsConfig(AppConfig):
    name = "evaluations"
    verbose_name = _("Evaluations")

    def ready(self):
        # Imported here, not at the top: models and registries exist only once apps are ready.
        from accounts.personal_data import register as register_personal_data
        from accounts.portal import register_attention
        from accounts.roles import register_role_permissions
        from cohorts.completion import register_check
        from cohorts.session_page import register_session_section
        from evaluations.completion import programme_evaluation_returned
        from evaluations.personal_data import evaluations_export
        from evaluations.portal import evaluation_attention, evaluation_session_section
        from evaluations.roles import ROLE_PERMISSIONS

        register_role_permissions(ROLE_PERMISSIONS)
        register_check(programme_evaluation_returned)
        register_personal_data("evaluations", export=evaluations_export, order=60)
        # In /me/'s first screen: an evaluation waiting, after an open check-in (order 10).
        register_attention(evaluation_attention, order=15)
        register_session_section(evaluation_session_section, order=40)
