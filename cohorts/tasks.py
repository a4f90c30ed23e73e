"""Thin tasks: ids in, a service does the work; safe to run twice."""

from celery import shared_task

from django.db import transaction

from cohorts import services
from cohorts.services.enrolments import invitation_send

SWEEP_TASK = "cohorts.send_session_reminders"


def _deliver_after_commit(ids: list[int]) -> None:
    for notice_id in ids:
        transaction.on_commit(lambda notice_id=notice_id: deliver_notice.delay(notice_id))


@shared_task(
    name="cohorts.deliver_notice", autoretry_for=(OSError,), retry_backoff=True, max_retries=5
)
def deliver_notice(notice_id: int) -> bool:
    return services.notice_deliver(notice_id=notice_id)


@shared_task(name="cohorts.notify_session_change")
def notify_session_change(session_id: int, sequence: int) -> int:
    with transaction.atomic():
        ids = services.notices_queue_change(session_id=session_id, sequence=sequence)
        _deliver_after_commit(ids)
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
        _deliver_after_commit(ids)
    return len(ids)
