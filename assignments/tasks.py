from celery import shared_task

from assignments import services


@shared_task(bind=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def review_notify_task(self, review_id: int) -> bool:
    """Thin: the service claims the review's notification before sending."""
    return services.review_notify(review_id=review_id)
