from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CohortsConfig(AppConfig):
    name = "cohorts"
    verbose_name = _("Cohorts")

    def ready(self):
        # Imported here, not at the top: models and registries exist only once apps are ready.
        from celery.signals import worker_ready

        from django.db.models.signals import post_delete, post_save

        from accounts.personal_data import register as register_personal_data
        from accounts.portal import register_panel
        from accounts.roles import register_role_permissions
        from cms.context import register_page_context
        from cms.page_cache import clear_page_cache
        from cohorts.models import Cohort, Session
        from cohorts.personal_data import cohorts_erase, cohorts_export, invitations_expire
        from cohorts.portal import schedule_panel
        from cohorts.roles import ROLE_PERMISSIONS
        from cohorts.selectors import cohorts_listed, next_cohort, sessions_teaching
        from cohorts.stuck import SESSION_NOTICES
        from cohorts.tasks import resume_notices_on_worker_ready
        from cohorts.views import events_context
        from core.queue import broker_reconnected
        from core.stuck import register_stuck_kind
        from rights.retention import register_retention

        register_role_permissions(ROLE_PERMISSIONS)
        register_stuck_kind(SESSION_NOTICES)
        worker_ready.connect(resume_notices_on_worker_ready, dispatch_uid="cohorts.resume")
        # Only queues pending rows: also safe on a reconnection, with tasks still running.
        broker_reconnected.connect(resume_notices_on_worker_ready, dispatch_uid="cohorts.again")
        register_panel(schedule_panel, order=10)
        register_personal_data("cohorts", export=cohorts_export, erase=cohorts_erase, order=10)
        register_retention("invitations", invitations_expire)
        register_page_context("home", lambda page: {"next_cohort": next_cohort()})
        register_page_context("programme", lambda page: {"cohorts": cohorts_listed()})
        register_page_context(
            "module", lambda page: {"sessions": sessions_teaching("module", page)}
        )
        register_page_context("events", events_context)
        register_page_context(
            "site_visit", lambda page: {"sessions": sessions_teaching("site_visit", page)}
        )
        # Those pages show cohorts and sessions: their cached HTML goes when these change.
        for model in (Cohort, Session):
            for signal in (post_save, post_delete):
                uid = f"cohorts-pages-{model.__name__}-{id(signal)}"
                signal.connect(clear_page_cache, sender=model, dispatch_uid=uid)
