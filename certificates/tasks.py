"""Celery tasks: ids in, a claim, one service call. Safe to run twice."""

from celery import shared_task

from certificates import services


@shared_task(
    bind=True,
    name="certificates.issue_item",
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=5,
)
def issue_item(self, item_id: int) -> str | None:
    item = services.item_process(
        item_id=item_id, task_id=self.request.id or "", worker=self.request.hostname or ""
    )
    return item.status if item else None


@shared_task(
    name="certificates.email_certificate",
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=5,
)
def email_certificate(certificate_id: int) -> bool:
    return services.certificate_email(certificate_id=certificate_id)


@shared_task(name="certificates.sweep_batches")
def sweep_batches() -> int:
    return services.batch_sweep()
