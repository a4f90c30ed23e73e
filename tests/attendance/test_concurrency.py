"""Simultaneous check-ins on PostgreSQL: one record, whatever the race."""

import threading

import pytest

from django.db import connection

from attendance.days import session_days
from attendance.models import AttendanceRecord
from attendance.services import CheckInRefused, attendance_check_in, attendance_mark
from tests.attendance.factories import session_now
from tests.baseline import ensure_baseline
from tests.factories import CohortFactory, EnrolmentFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def run_together(count, func):
    barrier = threading.Barrier(count)
    outcomes = []

    def worker():
        try:
            barrier.wait()
            outcomes.append(func())
        except CheckInRefused as refused:
            outcomes.append(refused.code)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def test_concurrent_check_ins_for_the_same_learner_make_one_record(postgres):
    ensure_baseline()
    cohort = CohortFactory()
    learner = EnrolmentFactory(cohort=cohort).user
    session = session_now(cohort)
    day = session_days(session)[0]
    outcomes = run_together(8, lambda: attendance_check_in(session=session, user=learner, day=day))
    assert AttendanceRecord.objects.count() == 1
    assert sum(1 for outcome in outcomes if outcome == "already") == 7


def test_staff_marking_while_the_learner_checks_in_keeps_one_record_and_a_trail(postgres):
    ensure_baseline()
    cohort = CohortFactory()
    enrolment = EnrolmentFactory(cohort=cohort)
    staff = UserFactory(roles=["Coordinator"])
    session = session_now(cohort)
    day = session_days(session)[0]

    turns = iter(range(100))

    def either():
        if next(turns) % 2:
            return attendance_mark(
                session=session, enrolment=enrolment, day=day, status="absent", by=staff
            )
        return attendance_check_in(session=session, user=enrolment.user, day=day)

    run_together(6, either)
    assert AttendanceRecord.objects.count() == 1
