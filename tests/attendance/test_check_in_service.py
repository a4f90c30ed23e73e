"""attendance_check_in and its token and typed-code front doors."""

import datetime as dt

import pytest

from django.utils import timezone

from attendance import tokens
from attendance.days import session_days
from attendance.models import AttendanceRecord, CheckInSettings, Method, Status
from attendance.services import (
    CheckInRefused,
    attendance_check_in,
    attendance_check_in_by_code,
    attendance_check_in_by_token,
)
from cohorts.models import Session
from tests.attendance.factories import session_now
from tests.factories import SessionFactory, bangkok_morning

pytestmark = pytest.mark.django_db


def today(session):
    return session_days(session)[0]


def test_a_learner_who_arrives_on_time_is_present(session, learner):
    record = attendance_check_in(session=session, user=learner, day=today(session))
    assert record.status == Status.PRESENT
    assert record.method == Method.QR
    assert record.checked_in_at is not None
    assert record.recorded_by == learner


def test_a_learner_after_the_threshold_is_late(cohort, learner):
    session = session_now(cohort, minutes_ago=20)
    record = attendance_check_in(session=session, user=learner, day=today(session))
    assert record.status == Status.LATE


def test_the_late_threshold_is_set_per_session(cohort, learner):
    session = session_now(cohort, minutes_ago=20)
    CheckInSettings.objects.create(session=session, late_after_minutes=30)
    record = attendance_check_in(session=session, user=learner, day=today(session))
    assert record.status == Status.PRESENT


def test_check_in_before_the_window_opens_is_refused_in_thai_and_english(cohort, learner):
    session = session_now(cohort, minutes_ago=-120)
    with pytest.raises(CheckInRefused) as refused:
        attendance_check_in(session=session, user=learner, day=today(session))
    assert refused.value.code == "not-open"
    (th, thai), (en, english) = refused.value.messages
    assert "has not opened yet" in english
    assert thai != english and "ยังไม่เปิด" in thai


def test_the_not_open_message_gives_the_date_as_well_as_the_time(cohort, learner):
    from core.dates import thai_date

    start = bangkok_morning(2)
    session = SessionFactory(cohort=cohort, starts_at=start, ends_at=start + dt.timedelta(hours=3))
    at = start - dt.timedelta(days=2)
    with pytest.raises(CheckInRefused) as refused:
        attendance_check_in(session=session, user=learner, day=start.date(), at=at)
    (_th, thai), (_en, english) = refused.value.messages
    opens = timezone.localtime(start - dt.timedelta(minutes=60))
    assert thai_date(opens.date()) in thai and f"{opens:%H:%M}" in thai
    assert f"{opens.day} {opens:%B %Y}" in english and f"{opens:%H:%M}" in english


def test_check_in_after_the_window_closes_is_refused(cohort, learner):
    session = session_now(cohort, minutes_ago=300, hours=2)
    with pytest.raises(CheckInRefused) as refused:
        attendance_check_in(session=session, user=learner, day=today(session))
    assert refused.value.code == "closed"


def test_a_learner_of_another_cohort_cannot_check_in(session, outsider):
    with pytest.raises(CheckInRefused) as refused:
        attendance_check_in(session=session, user=outsider, day=today(session))
    assert refused.value.code == "not-enrolled"
    assert not AttendanceRecord.objects.exists()


def test_a_second_check_in_the_same_day_is_refused_and_keeps_the_first(session, learner):
    first = attendance_check_in(session=session, user=learner, day=today(session))
    with pytest.raises(CheckInRefused) as refused:
        attendance_check_in(session=session, user=learner, day=today(session))
    assert refused.value.code == "already"
    assert refused.value.record == first
    assert AttendanceRecord.objects.count() == 1


def test_a_cancelled_session_refuses_check_in(session, learner):
    Session.objects.filter(pk=session.pk).update(status=Session.Status.CANCELLED)
    session.refresh_from_db()
    with pytest.raises(CheckInRefused) as refused:
        attendance_check_in(session=session, user=learner, day=today(session))
    assert refused.value.code == "cancelled"


def test_each_day_of_a_site_visit_has_its_own_record(cohort, learner):
    session = session_now(cohort)
    # Yesterday 09:00 to tomorrow 18:00 in Bangkok: three days, and open now at any hour.
    Session.objects.filter(pk=session.pk).update(
        starts_at=bangkok_morning(-1), ends_at=bangkok_morning(1) + dt.timedelta(hours=9)
    )
    session.refresh_from_db()
    days = session_days(session)
    assert len(days) == 3
    at = bangkok_morning(0) + dt.timedelta(minutes=10)  # today, soon after the day's start
    record = attendance_check_in(session=session, user=learner, day=days[1], at=at)
    assert record.day == days[1]
    with pytest.raises(CheckInRefused) as refused:
        attendance_check_in(session=session, user=learner, day=days[0], at=at)
    assert refused.value.code == "closed"


def test_a_current_token_checks_the_learner_in(session, learner):
    token = tokens.make_token(session.pk, today(session))
    record = attendance_check_in_by_token(token=token, user=learner)
    assert record.session == session


def test_an_old_rotated_token_is_refused(session, learner):
    old = tokens.make_token(session.pk, today(session), tokens.current_step() - 2)
    with pytest.raises(CheckInRefused) as refused:
        attendance_check_in_by_token(token=old, user=learner)
    assert refused.value.code == "expired"


def test_an_old_token_seen_fresh_before_logging_in_is_accepted(session, learner):
    old = tokens.make_token(session.pk, today(session), tokens.current_step() - 2)
    assert attendance_check_in_by_token(token=old, user=learner, seen_fresh=True)


def test_a_forged_token_is_refused(session, learner):
    token = tokens.make_token(session.pk, today(session))
    with pytest.raises(CheckInRefused) as refused:
        attendance_check_in_by_token(token=token[:-3] + "abc", user=learner)
    assert refused.value.code == "bad-token"


def test_the_previous_code_is_accepted_only_within_the_grace(session):
    day = today(session)
    step_start = tokens.current_step() * tokens.STEP_SECONDS
    previous = tokens.short_code(session.pk, day, tokens.current_step() - 1)
    assert tokens.short_code_matches(previous, session.pk, day, now=step_start + 5)
    assert not tokens.short_code_matches(previous, session.pk, day, now=step_start + 25)


def test_the_typed_code_checks_the_learner_in(session, learner):
    code = tokens.short_code(session.pk, today(session))
    record = attendance_check_in_by_code(code=f"{code[:3]} {code[3:]}", user=learner)
    assert record.method == Method.CODE
    assert record.session == session


def test_a_wrong_typed_code_is_refused_and_attempts_are_limited(session, learner):
    code = tokens.short_code(session.pk, today(session))
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    for _attempt in range(10):
        with pytest.raises(CheckInRefused) as refused:
            attendance_check_in_by_code(code=wrong, user=learner)
        assert refused.value.code == "wrong-code"
    with pytest.raises(CheckInRefused) as refused:
        attendance_check_in_by_code(code=code, user=learner)
    assert refused.value.code == "too-many"


THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def test_a_code_typed_in_thai_digits_checks_the_learner_in(session, learner):
    code = tokens.short_code(session.pk, today(session))
    record = attendance_check_in_by_code(code=code.translate(THAI_DIGITS), user=learner)
    assert record.method == Method.CODE


@pytest.mark.parametrize("wrong", ["๑๒๓๔๕๖", "¹²³⁴⁵⁶", "١٢٣٤٥٦", "12345", "x"])
def test_every_wrong_attempt_counts_whatever_digits_it_is_typed_in(session, learner, wrong):
    code = tokens.short_code(session.pk, today(session))
    if wrong.translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")) == code:
        wrong = "๐๐๐๐๐๐" if code != "000000" else "๑๑๑๑๑๑"
    for _attempt in range(10):
        with pytest.raises(CheckInRefused) as refused:
            attendance_check_in_by_code(code=wrong, user=learner)
        assert refused.value.code == "wrong-code"
    with pytest.raises(CheckInRefused) as refused:
        attendance_check_in_by_code(code=code, user=learner)
    assert refused.value.code == "too-many"
