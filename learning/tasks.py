"""Thin tasks: ids in, a service does the work; safe to run twice."""

from celery import shared_task

from django.db import transaction

from learning.services import notices

ANNOUNCE_TASK = "learning.announce_new_materials"


@shared_task(
    name="learning.deliver_notice", autoretry_for=(OSError,), retry_backoff=True, max_retries=5
)
def deliver_notice(notice_id: int) -> bool:
    return notices.notice_deliver(notice_id=notice_id)


@shared_task(name=ANNOUNCE_TASK)
def announce_new_materials() -> int:
    """Run by celery beat: batch new materials into one notice per learner, and hand
    notices whose sending task was lost to a sender again."""
    ids = notices.materials_announce_due()
    stale = [i for i in notices.notices_stale_pending() if i not in ids]
    with transaction.atomic():
        notices.deliver_after_commit(stale)
    return len(ids) + len(stale)
