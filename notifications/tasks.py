"""Thin tasks: ids in, a service does the work; safe to run twice."""

from celery import shared_task

from django.db import transaction

from notifications import services

SWEEP_TASK = "notifications.sweep_line_messages"


@shared_task(
    name="notifications.deliver_line_message",
    autoretry_for=(OSError,),  # LineUnavailable: LINE down, 5xx or 429
    retry_backoff=True,
    max_retries=5,
)
def deliver_line_message(message_id: int) -> bool:
    return services.line_message_deliver(message_id=message_id)


@shared_task(name=SWEEP_TASK)
def sweep_line_messages() -> int:
    """Run by celery beat: hand LINE messages whose task was lost to a sender again."""
    stale = services.line_messages_stale_pending()
    with transaction.atomic():
        services.line_deliver_after_commit(stale)
    return len(stale)
