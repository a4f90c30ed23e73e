"""The weekly digest to coordinators: learners below the rule or unable to meet it."""

import datetime as dt

from django.contrib.auth import get_user_model
from django.utils import timezone

from accounts.roles import COORDINATOR
from attendance.models import DigestLog
from attendance.selectors import cohort_matrix
from cohorts.models import Cohort
from core.delivery import Outbox, deliver_once
from core.emails import send


def _week(now: dt.datetime) -> str:
    year, week, _day = timezone.localtime(now).isocalendar()
    return f"{year}-W{week:02d}"


# One row per cohort and week is the ledger; sent_at null is pending (core.delivery).
DIGESTS = Outbox.for_timestamp(DigestLog, field_name="sent_at")


def _recipients(cohort) -> list[str]:
    people = list(cohort.coordinators.filter(is_active=True))
    if not people:
        people = list(get_user_model().objects.filter(groups__name=COORDINATOR, is_active=True))
    return sorted({person.email for person in people if person.email})


def digest_send(*, cohort: Cohort, now=None) -> bool:
    """Send this week's digest for one cohort once; False when already sent or nothing to say."""
    now = now or timezone.now()
    matrix = cohort_matrix(cohort, now=now)
    flagged = matrix.flagged
    recipients = _recipients(cohort)
    if not flagged or not recipients:
        return False
    log, _created = DigestLog.objects.get_or_create(cohort=cohort, week=_week(now))
    context = {"cohort": cohort, "matrix": matrix, "flagged": flagged}
    return deliver_once(
        DIGESTS, pk=log.pk, send=lambda _log: send("attendance-digest", recipients, context)
    )


def digests_send_weekly(*, now=None) -> int:
    cohorts = Cohort.objects.filter(status=Cohort.Status.RUNNING)
    return sum(digest_send(cohort=cohort, now=now) for cohort in cohorts)
