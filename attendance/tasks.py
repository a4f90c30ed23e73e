from celery import shared_task

from attendance.digest import digests_send_weekly
from attendance.schedule import DIGEST_TASK


@shared_task(name=DIGEST_TASK)
def send_weekly_digests() -> int:
    """Thin: the service claims each cohort's week before sending, so a rerun sends nothing."""
    return digests_send_weekly()
