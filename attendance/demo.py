"""Demo attendance: cohort-1 fully recorded, cohort-2 recorded for its past sessions.

Deterministic (statuses follow each learner's position and the session number)
and idempotent (existing records are left alone; corrections are made once).
graduate@example.org passes cohort-1; a few learners do not.
"""

import datetime as dt

from django.utils import timezone

from attendance.days import day_window, session_days
from attendance.models import AttendanceChange, AttendanceRecord, CompletionRule, Method, Status
from attendance.services import attendance_mark
from cohorts.models import Enrolment, Session

EXCUSES = ["ติดภารกิจราชการเร่งด่วนของเทศบาล", "ป่วย มีใบรับรองแพทย์", "ประชุมสภาเทศบาลสมัยวิสามัญ"]


def _status(position: int, number: int, day_index: int, *, failing: bool, mandatory: bool) -> str:
    """Most attend; some arrive late, some are excused; failing learners miss sessions."""
    if failing and number in (2, 4, 8, 9, 12):
        return Status.ABSENT
    if failing and number == 6:  # the mandatory Khon Kaen visit, missed on its last day
        return Status.ABSENT if day_index == 2 else Status.PRESENT
    roll = (position * 7 + number * 3 + day_index) % 23
    if roll == 0:
        return Status.LATE
    if mandatory:
        return Status.PRESENT
    if roll == 5 and position % 5 == 1:
        return Status.EXCUSED
    if roll == 11 and position % 4 == 2:
        return Status.ABSENT
    return Status.PRESENT


def _records(cohort, enrolments, sessions, staff, *, failing_every: int):
    new = []
    for position, enrolment in enumerate(enrolments):
        failing = failing_every and position % failing_every == failing_every - 1
        if enrolment.user.email == "graduate@example.org":
            failing = False
        for session in sessions:
            for index, day in enumerate(session_days(session)):
                status = _status(
                    position, session.number, index, failing=failing, mandatory=session.is_mandatory
                )
                window = day_window(session, day)
                by_qr = status in (Status.PRESENT, Status.LATE) and (position + session.number) % 3
                minutes = 25 if status == Status.LATE else -10 + (position % 9)
                new.append(AttendanceRecord(
                    enrolment=enrolment, session=session, day=day, status=status,
                    method=Method.QR if by_qr else Method.MANUAL,
                    checked_in_at=window.starts_at + dt.timedelta(minutes=minutes) if by_qr else None,
                    recorded_by=enrolment.user if by_qr else staff,
                    excuse_reason=EXCUSES[position % 3] if status == Status.EXCUSED else "",
                ))  # fmt: skip
    AttendanceRecord.objects.bulk_create(new, ignore_conflicts=True)


def _corrections(cohort, staff) -> int:
    """Three audited corrections per cohort: the trail shows who changed what and why."""
    made = 0
    absent = (
        AttendanceRecord.objects.filter(
            session__cohort=cohort, status=Status.ABSENT, changes__isnull=True
        )
        .select_related("session", "enrolment")
        .order_by("session__number", "enrolment_id")
    )
    if AttendanceChange.objects.filter(record__session__cohort=cohort).exists():
        return 0
    plans = [
        (Status.EXCUSED, "ส่งหนังสือลาย้อนหลัง", "ติดภารกิจราชการเร่งด่วนของเทศบาล"),
        (Status.LATE, "ลงชื่อในใบลงชื่อเข้าร่วมแต่ไม่ได้สแกน QR", ""),
        (Status.PRESENT, "บันทึกผิดคน แก้ไขตามใบลงชื่อ", ""),
    ]
    for record, (status, reason, excuse) in zip(absent[:3], plans, strict=False):
        attendance_mark(
            session=record.session, enrolment=record.enrolment, day=record.day, status=status,
            by=staff, reason=reason, excuse_reason=excuse,
        )  # fmt: skip
        made += 1
    return made


def seed(ctx) -> None:
    staff = ctx.data["coordinator@example.org"]
    now = timezone.now()
    for slug, failing_every in (("cohort-1", 7), ("cohort-2", 9)):
        cohort = ctx.data[slug]
        CompletionRule.objects.get_or_create(cohort=cohort)
        enrolments = list(
            Enrolment.objects.filter(cohort=cohort).select_related("user").order_by("user__email")
        )
        sessions = [
            s for s in Session.objects.filter(cohort=cohort).order_by("number")
            if s.ends_at <= now and not s.is_cancelled
        ]  # fmt: skip
        _records(cohort, enrolments, sessions, staff, failing_every=failing_every)
        _corrections(cohort, staff)
    ctx.say(f"Attendance records: {AttendanceRecord.objects.count()}, "
            f"corrections: {AttendanceChange.objects.count()}.")  # fmt: skip
