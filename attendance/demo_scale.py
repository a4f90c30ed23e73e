"""Programme-scale attendance: every past session of the scale cohorts recorded.

The same statuses, methods and check-in times as the ordinary demo (``_records``),
bulk inserted; one learner in thirteen misses sessions and does not complete.
"""

from django.utils import timezone

from attendance.demo import _records
from attendance.models import AttendanceRecord, CompletionRule
from cohorts.models import Enrolment

FAILING_EVERY = 13


def seed(ctx) -> None:
    staff, now = ctx.data["coordinator@example.org"], timezone.now()
    cohorts = ctx.data["scale_cohorts"]
    CompletionRule.objects.bulk_create(CompletionRule(cohort=c) for c in cohorts)
    for cohort in cohorts:
        enrolments = list(
            Enrolment.objects.filter(cohort=cohort).select_related("user").order_by("user__email")
        )
        sessions = [
            s for s in cohort.sessions.order_by("number") if s.ends_at <= now and not s.is_cancelled
        ]
        _records(cohort, enrolments, sessions, staff, failing_every=FAILING_EVERY)
    records = AttendanceRecord.objects.filter(session__cohort__in=cohorts).count()
    ctx.say(f"Programme scale: {records} attendance records.")
