"""The completion check certificates read, and the learner's standing on /me/."""

import datetime as dt
import re

import pytest

from django.urls import reverse
from django.utils import timezone, translation

from attendance.models import AttendanceRecord, CompletionRule, Method, Status
from cohorts.completion import completion_for
from cohorts.models import Enrolment
from tests.factories import SessionFactory, bangkok_morning

pytestmark = pytest.mark.django_db


def past_sessions(cohort, count, **kwargs):
    return [
        SessionFactory(cohort=cohort, number=n, starts_at=bangkok_morning(n - 100), **kwargs)
        for n in range(1, count + 1)
    ]


def attend(enrolment, sessions, status=Status.PRESENT):
    for session in sessions:
        AttendanceRecord.objects.create(
            enrolment=enrolment,
            session=session,
            day=timezone.localtime(session.starts_at).date(),
            status=status,
            method=Method.MANUAL,
            excuse_reason="ลา" if status == "excused" else "",
        )


def test_the_attendance_check_is_registered_and_met_at_the_threshold(cohort, learner):
    enrolment = Enrolment.objects.get(user=learner)
    sessions = past_sessions(cohort, 5)
    attend(enrolment, sessions[:4])
    result = next(r for r in completion_for(enrolment).results if r.name == "attendance")
    assert result.met
    assert "4" in result.summary


def test_the_check_explains_why_it_is_not_met(cohort, learner):
    enrolment = Enrolment.objects.get(user=learner)
    sessions = past_sessions(cohort, 5)
    sessions[4].is_mandatory = True
    sessions[4].save()
    CompletionRule.objects.create(cohort=cohort, min_percent=60)
    attend(enrolment, sessions[:4])
    with translation.override("en"):
        result = next(r for r in completion_for(enrolment).results if r.name == "attendance")
    assert not result.met
    assert any("mandatory session 5" in reason for reason in result.reasons)


def test_cancelled_sessions_do_not_count(cohort, learner):
    enrolment = Enrolment.objects.get(user=learner)
    sessions = past_sessions(cohort, 5)
    sessions[4].status = "cancelled"
    sessions[4].save()
    attend(enrolment, sessions[:4])
    assert completion_for(enrolment).met or all(
        r.met for r in completion_for(enrolment).results if r.name == "attendance"
    )


def test_the_learner_sees_attended_required_left_and_missed_on_me(client, cohort, learner):
    enrolment = Enrolment.objects.get(user=learner)
    sessions = past_sessions(cohort, 4) + [
        SessionFactory(cohort=cohort, number=9, starts_at=timezone.now() + dt.timedelta(days=5))
    ]
    sessions[0].is_mandatory = True
    sessions[0].save()
    attend(enrolment, sessions[1:4])
    client.force_login(learner)
    page = client.get(reverse("accounts:me")).content.decode()
    assert "3 / 4" in page  # attended / required (80% of 5)
    assert "attendance-panel" in page
    assert re.search(r"ครั้งที่ยังไม่ถึง</dt><dd[^>]*>1</dd>", page)  # sessions still to come: one


def test_a_person_without_enrolment_sees_no_attendance_panel(client, coordinator):
    client.force_login(coordinator)
    assert "attendance-panel" not in client.get(reverse("accounts:me")).content.decode()


def test_many_learners_of_two_cohorts_get_what_each_gets_alone(
    cohort, learner, other_learner, django_assert_num_queries
):
    """The cohort pages ask about everyone at once: each cohort's own rule and sessions."""
    from attendance.completion import attendance_check
    from tests.factories import CohortFactory, EnrolmentFactory

    strict = CohortFactory()
    CompletionRule.objects.create(cohort=strict, min_percent=100, excused_counts=False)
    mine, others = past_sessions(cohort, 5), past_sessions(strict, 2)
    enrolments = [
        Enrolment.objects.get(user=learner),
        Enrolment.objects.get(user=other_learner),
        EnrolmentFactory(cohort=strict),
        EnrolmentFactory(cohort=strict),
    ]
    attend(enrolments[0], mine[:4])
    attend(enrolments[1], mine[:3])
    attend(enrolments[2], others)
    attend(enrolments[3], others[:1])
    attend(enrolments[3], others[1:], status=Status.EXCUSED)
    with django_assert_num_queries(3):
        together = attendance_check(enrolments)
    alone = {e.pk: attendance_check([e])[e.pk] for e in enrolments}
    assert together == alone
    assert [together[e.pk].met for e in enrolments] == [True, False, True, False]
