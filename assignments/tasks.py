from celery import shared_task

from assignments import services

RESEND_TASK = "assignments.resend_stale_review_notifications"


@shared_task(bind=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def review_notify_task(self, review_id: int) -> bool:
    """Thin: the service claims the review's notification before sending."""
    return services.review_notify(review_id=review_id)


@shared_task(name=RESEND_TASK)
def resend_stale_review_notifications() -> int:
    """Run by celery beat: reviews whose email task was lost get one again (claimed, so once)."""
    ids = services.reviews_notify_stale()
    for review_id in ids:
        review_notify_task.delay(review_id)
    return len(ids)
