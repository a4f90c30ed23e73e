from celery import shared_task

from attendance.digest import digests_send_weekly
from attendance.schedules import DIGEST_TASK


@shared_task(name=DIGEST_TASK, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_weekly_digests() -> int:
    """Thin: each cohort's week is claimed before sending, so a retry sends only what failed.

    A mail server that is down (OSError) releases the failing cohort's claim and
    the task retries with backoff; the cohorts already sent stay sent.
    """
    return digests_send_weekly()
