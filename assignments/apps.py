from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssignmentsConfig(AppConfig):
    name = "assignments"
    verbose_name = _("Assignments")

    def ready(self):
        # Imported here, not at the top: models and registries exist only once apps are ready.
        from celery.signals import worker_ready

        from accounts.personal_data import register as register_personal_data
        from accounts.portal import register_attention, register_panel
        from accounts.roles import register_role_permissions
        from assignments.attention import assignment_attention
        from assignments.completion import me_panel, required_assignments_accepted
        from assignments.personal_data import assignments_erase, assignments_export
        from assignments.roles import ROLE_PERMISSIONS
        from assignments.stuck import REVIEW_NOTIFICATIONS
        from assignments.tasks import resume_reviews_on_worker_ready
        from cohorts.completion import register_check
        from core.queue import broker_reconnected
        from core.stuck import register_stuck_kind

        register_role_permissions(ROLE_PERMISSIONS)
        register_stuck_kind(REVIEW_NOTIFICATIONS)
        worker_ready.connect(resume_reviews_on_worker_ready, dispatch_uid="assignments.resume")
        # Only queues pending rows: also safe on a reconnection, with tasks still running.
        broker_reconnected.connect(resume_reviews_on_worker_ready, dispatch_uid="assignments.again")
        register_attention(assignment_attention, order=20)
        register_check(required_assignments_accepted)
        register_panel(me_panel, order=40)
        register_personal_data(
            "assignments", export=assignments_export, erase=assignments_erase, order=30
        )
        _connect_showcase_signals()


def _connect_showcase_signals():
    """Showcase files are public exactly while their page is live (assignments/showcase.py)."""
    from django.db.models.signals import pre_delete

    from wagtail.signals import page_published, page_unpublished

    # Inside: models and pages exist only once the apps are ready (called from ready()).
    from assignments import showcase
    from curriculum.models import ResearchProjectPage

    def published(sender, instance, **kwargs):
        showcase.showcase_documents_publish(page=instance)

    def withdrawn(sender, instance, **kwargs):
        showcase.showcase_documents_withdraw(page=instance)

    page_published.connect(published, sender=ResearchProjectPage, weak=False)
    page_unpublished.connect(withdrawn, sender=ResearchProjectPage, weak=False)
    pre_delete.connect(withdrawn, sender=ResearchProjectPage, weak=False)
