"""Thin tasks: ids in, a service does the work; safe to run twice."""

from collections.abc import Iterable

from celery import shared_task

from django.db import connections, transaction

from cohorts import services
from cohorts.services.enrolments import invitation_send
from core.queue import enqueue

SWEEP_TASK = "cohorts.send_session_reminders"


def deliver_after_commit(ids: Iterable[int]) -> None:
    for notice_id in ids:
        transaction.on_commit(lambda notice_id=notice_id: enqueue(deliver_notice, notice_id))


@shared_task(
    name="cohorts.deliver_notice", autoretry_for=(OSError,), retry_backoff=True, max_retries=5
)
def deliver_notice(notice_id: int) -> bool:
    return services.notice_deliver(notice_id=notice_id)


@shared_task(name="cohorts.notify_session_change")
def notify_session_change(session_id: int, sequence: int) -> int:
    with transaction.atomic():
        ids = services.notices_queue_change(session_id=session_id, sequence=sequence)
        deliver_after_commit(ids)
    return len(ids)


@shared_task(
    name="cohorts.send_invitation", autoretry_for=(OSError,), retry_backoff=True, max_retries=5
)
def send_invitation(user_id: int, cohort_id: int, new_user: bool) -> None:
    invitation_send(user_id=user_id, cohort_id=cohort_id, new_user=new_user)


@shared_task(name=SWEEP_TASK)
def send_session_reminders() -> int:
    """Run by celery beat: queue and send the 3-day and 1-day reminders that are due,
    and hand notices whose sending task was lost to a sender again."""
    with transaction.atomic():
        ids = services.notices_queue_reminders()
        ids += [i for i in services.notices_stale_pending() if i not in ids]
        deliver_after_commit(ids)
    return len(ids)


def resume_notices_on_worker_ready(sender, **kwargs) -> None:
    """Celery's worker_ready: queue every pending notice again.

    A worker killed while holding messages leaves them unacknowledged on Redis
    until the visibility timeout (an hour); the notices they carried are still
    pending, so the worker that starts next sends them now. Each is claimed
    before it is sent, so one already queued elsewhere goes once.
    """
    try:
        ids = services.notices_pending()
    finally:
        connections.close_all()  # pool children are forked from this process later
    for notice_id in ids:
        deliver_notice.delay(notice_id)
