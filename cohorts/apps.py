from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CohortsConfig(AppConfig):
    name = "cohorts"
    verbose_name = _("Cohorts")

    def ready(self):
        from accounts.portal import register_panel
        from cohorts.portal import schedule_panel
        from cohorts.schedules import ensure_reminder_schedule

        register_panel(schedule_panel, order=10)
        post_migrate.connect(
            ensure_reminder_schedule, sender=self, dispatch_uid="cohorts.reminder_schedule"
        )
