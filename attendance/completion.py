"""Attendance's contribution to completion (certificates read it)."""

from django.utils.translation import gettext as _

from attendance.selectors import standing_for
from cohorts.completion import CheckResult


def attendance_check(enrolment) -> CheckResult:
    standing = standing_for(enrolment)
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
    )
