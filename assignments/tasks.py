from celery import shared_task

from django.db import connections

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


def resume_reviews_on_worker_ready(sender, **kwargs) -> None:
    """Celery's worker_ready: queue every pending review email again.

    A worker killed with review emails in hand leaves their messages unacknowledged on
    Redis until the visibility timeout (an hour), and the sweep waits 10 minutes; the
    reviews are still pending, so the worker that starts next sends them now. Each is
    claimed before it is sent: one also queued elsewhere goes once.
    """
    try:
        ids = services.reviews_notify_pending()
    finally:
        connections.close_all()  # pool children are forked from this process later
    for review_id in ids:
        review_notify_task.delay(review_id)
