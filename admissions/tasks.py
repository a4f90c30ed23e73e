"""Thin tasks: ids in, the service decides (at most once through core.delivery)."""

from celery import shared_task

from admissions import services

SWEEP_TASK = "admissions.sweep_status_emails"


@shared_task(
    name="admissions.deliver_status_email",
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=5,
)
def deliver_status_email(email_id: int) -> bool:
    return services.status_email_deliver(email_id=email_id)


@shared_task(name=SWEEP_TASK)
def sweep_status_emails() -> int:
    ids = services.status_emails_stale()
    for pk in ids:
        deliver_status_email.delay(pk)
    return len(ids)


LETTERS_TASK = "admissions.sweep_pending_letters"


@shared_task(name=LETTERS_TASK)
def sweep_pending_letters() -> int:
    return services.pending_letters_sweep()
