from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CohortsConfig(AppConfig):
    name = "cohorts"
    verbose_name = _("Cohorts")

    def ready(self):
        # Imported here, not at the top: models and registries exist only once apps are ready.
        from accounts.portal import register_panel
        from cms.context import register_page_context
        from cohorts.portal import schedule_panel
        from cohorts.schedules import ensure_reminder_schedule
        from cohorts.selectors import cohorts_listed, next_cohort, sessions_teaching

        register_panel(schedule_panel, order=10)
        register_page_context("home", lambda page: {"next_cohort": next_cohort()})
        register_page_context("programme", lambda page: {"cohorts": cohorts_listed()})
        register_page_context(
            "module", lambda page: {"sessions": sessions_teaching("module", page)}
        )
        register_page_context(
            "site_visit", lambda page: {"sessions": sessions_teaching("site_visit", page)}
        )
        post_migrate.connect(
            ensure_reminder_schedule, sender=self, dispatch_uid="cohorts.reminder_schedule"
        )
