from celery import shared_task

from assignments import services

RESEND_TASK = "assignments.resend_stale_review_notifications"


@shared_task(bind=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def review_notify_task(self, review_id: int) -> bool:
    """Thin: the service claims the review's notification before sending."""
    return services.review_notify(review_id=review_id)


@shared_task(bind=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def extension_notify_task(self, extension_id: int) -> bool:
    """Thin: the service claims the extension's notification before sending."""
    return services.extension_notify(extension_id=extension_id)


@shared_task(bind=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def advisor_notify_task(self, advisor_id: int) -> bool:
    """Thin: the service claims the advisor's pending hand-in notices and sends one email."""
    return services.advisor_notify(advisor_id=advisor_id)


@shared_task(name=RESEND_TASK)
def resend_stale_review_notifications() -> int:
    """Run by celery beat: reviews, extensions and hand-ins whose email task was lost get
    one again (each claimed, so once)."""
    reviews = services.reviews_notify_stale()
    for review_id in reviews:
        review_notify_task.delay(review_id)
    extensions = services.extensions_notify_stale()
    for extension_id in extensions:
        extension_notify_task.delay(extension_id)
    advisors = services.advisors_notify_stale()
    for advisor_id in advisors:
        advisor_notify_task.delay(advisor_id)
    return len(reviews) + len(extensions) + len(advisors)
