"""Simultaneous check-ins on PostgreSQL: one record, whatever the race."""

import re
import threading

import pytest

from django.db import connection
from django.test import Client
from django.urls import reverse

from attendance import tokens
from attendance.days import session_days
from attendance.models import AttendanceRecord
from attendance.services import CheckInRefused, attendance_check_in, attendance_mark
from tests.attendance.factories import session_now
from tests.baseline import ensure_baseline
from tests.factories import CohortFactory, EnrolmentFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


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


def test_fifty_learners_checking_in_at_once_through_the_views_get_one_record_each(postgres):
    """The phone's path (scan page, then confirm with its CSRF token) from 50 threads,
    each with its own signed-in browser and database connection, all at one moment."""
    ensure_baseline()
    cohort = CohortFactory()
    session = session_now(cohort)
    learners = [EnrolmentFactory(cohort=cohort).user for _ in range(50)]
    url = reverse(
        "attendance:check_in", args=[tokens.make_token(session.pk, session_days(session)[0])]
    )
    phones = []
    for learner in learners:
        phone = Client(enforce_csrf_checks=True)
        phone.force_login(learner)
        phones.append(phone)

    def check_in(phone):
        page = phone.get(url)
        token = CSRF_FIELD.search(page.content.decode()).group(1)
        return page.status_code, phone.post(url, {"csrfmiddlewaretoken": token}).status_code

    turns = iter(phones)
    outcomes = run_together(len(phones), lambda: check_in(next(turns)))
    assert outcomes == [(200, 200)] * len(phones)
    records = AttendanceRecord.objects.filter(session=session)
    assert sorted(records.values_list("enrolment__user", flat=True)) == sorted(
        learner.pk for learner in learners
    )
