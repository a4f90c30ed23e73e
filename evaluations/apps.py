from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationsConfig(AppConfig):
    name = "evaluations"
    verbose_name = _("Evaluations")

    def ready(self):
        # Imported here, not at the top: models and registries exist only once apps are ready.
        from accounts.portal import register_panel
        from accounts.roles import register_role_permissions
        from cohorts.completion import register_check
        from evaluations.completion import programme_evaluation_returned
        from evaluations.portal import evaluations_panel
        from evaluations.roles import ROLE_PERMISSIONS

        register_role_permissions(ROLE_PERMISSIONS)
        register_check(programme_evaluation_returned)
        # First on /me/: what waits for an answer comes before the schedule (order 10).
        register_panel(evaluations_panel, order=5)
