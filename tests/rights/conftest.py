"""A learner with something in every app: attendance with a change, work handed in and
reviewed, an evaluation answered (counted only), a material opened."""

import pytest

from django.utils import timezone

from assignments import services as assignment_services
from attendance.models import Status
from attendance.services import attendance_mark
from tests.assignments.factories import AssignmentFactory, pdf_bytes, upload
from tests.attendance.factories import session_now


@pytest.fixture
def enrolment(learner, cohort):
    return learner.enrolments.get(cohort=cohort)


@pytest.fixture
def attended(enrolment, cohort, coordinator):
    """Marked absent, then corrected to excused with a reason: a record with its change."""
    session = session_now(cohort)
    day = timezone.localtime(session.starts_at).date()
    attendance_mark(
        session=session, enrolment=enrolment, day=day, status=Status.ABSENT, by=coordinator
    )
    return attendance_mark(
        session=session,
        enrolment=enrolment,
        day=day,
        status=Status.EXCUSED,
        by=coordinator,
        reason="แก้ไขตามหนังสือลา",
        excuse_reason="ป่วย มีใบรับรองแพทย์",
    )


@pytest.fixture
def handed_in(cohort, team, learner, facilitator):
    team.advisor = facilitator
    team.save()
    assignment = AssignmentFactory(cohort=cohort)
    version = assignment_services.submission_submit(
        assignment=assignment,
        user=learner,
        text="รายงานฉบับแรก",
        files=[upload("แผนงาน.pdf", pdf_bytes())],
        notify=False,
    )
    submission = version.submission
    assignment_services.review_record(
        submission=submission,
        reviewer=facilitator,
        feedback="ดีมาก ควรเพิ่มข้อมูล",
        decision="returned",
        levels={c.id: 0 for c in assignment.criteria},
        notify=False,
    )
    return version
