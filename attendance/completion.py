"""Attendance's contribution to completion (certificates read it)."""

from collections.abc import Sequence

from django.utils.translation import gettext as _

from attendance.selectors import standings_for
from attendance.standing import Standing
from cohorts.completion import CheckResult
from cohorts.models import Enrolment


def attendance_check(enrolments: Sequence[Enrolment]) -> dict[int, CheckResult]:
    """Each enrolment against its cohort's attendance rule; three queries for any number."""
    return {pk: _result(standing) for pk, standing in standings_for(enrolments).items()}


def _result(standing: Standing) -> CheckResult:
    return CheckResult(
        name="attendance",
        met=standing.met,
        summary=_("Attended %(attended)s of %(total)s sessions (%(required)s required).")
        % {
            "attended": standing.attended_display,
            "total": standing.total,
            "required": standing.required,
        },
        reasons=standing.reasons(),
        detail=standing,
    )
