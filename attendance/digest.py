"""The weekly digest to coordinators: learners below the rule or unable to meet it."""

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.roles import COORDINATOR
from attendance.models import DigestLog
from attendance.selectors import cohort_matrix
from cohorts.models import Cohort
from core.emails import send


def _week(now: dt.datetime) -> str:
    year, week, _day = timezone.localtime(now).isocalendar()
    return f"{year}-W{week:02d}"


def _claim(cohort, week) -> DigestLog | None:
    """The conditional claim: only one worker creates this cohort's row for the week."""
    try:
        with transaction.atomic():
            return DigestLog.objects.create(cohort=cohort, week=week)
    except IntegrityError:
        return None


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
    log = _claim(cohort, _week(now))
    if log is None:
        return False
    try:
        send(
            "attendance-digest",
            recipients,
            {"cohort": cohort, "matrix": matrix, "flagged": flagged},
        )
    except Exception:
        log.delete()  # release the claim so the task's retry can send it
        raise
    DigestLog.objects.filter(pk=log.pk).update(sent_at=timezone.now())
    return True


def digests_send_weekly(*, now=None) -> int:
    cohorts = Cohort.objects.filter(status=Cohort.Status.RUNNING)
    return sum(digest_send(cohort=cohort, now=now) for cohort in cohorts)
