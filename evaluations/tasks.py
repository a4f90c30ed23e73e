"""Thin tasks: ids in, the service decides (at most once through core.delivery)."""

from celery import shared_task

from evaluations import services

REMINDERS_TASK = "evaluations.send_reminders"


@shared_task(name=REMINDERS_TASK)
def send_reminders() -> int:
    return len(services.reminders_due())


@shared_task(
    name="evaluations.deliver_reminder", autoretry_for=(OSError,), retry_backoff=True, max_retries=5
)
def deliver_reminder(reminder_id: int) -> bool:
    return services.reminder_deliver(reminder_id=reminder_id)
