"""Celery tasks: ids in, a claim, one service call. Safe to run twice."""

from celery import shared_task

from django.db import transaction

from core.queue import enqueue
from rights import retention, services


@shared_task(
    name="rights.build_export", autoretry_for=(OSError,), retry_backoff=True, max_retries=3
)
def build_export(export_id: int) -> bool:
    built = services.export_build(export_id=export_id)
    if built:
        transaction.on_commit(lambda: enqueue(email_export, export_id))
    return built


@shared_task(
    name="rights.email_export", autoretry_for=(OSError,), retry_backoff=True, max_retries=5
)
def email_export(export_id: int) -> bool:
    return services.export_email(export_id=export_id)


@shared_task(name="rights.apply_retention")
def apply_retention() -> dict[str, int]:
    """Run daily by celery beat: expired exports, stale invitations, old lookup details."""
    return retention.retention_apply()


@shared_task(name="rights.sweep_exports")
def sweep_exports() -> dict[str, int]:
    """Run by celery beat: exports whose task was lost are queued again, or failed."""
    return services.exports_sweep()
