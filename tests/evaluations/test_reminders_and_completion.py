"""One reminder before closing, at most once per person; the completion check."""

import datetime as dt

import pytest

from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cohorts.completion import completion_for, completion_for_many
from evaluations import services
from evaluations.completion import programme_evaluation_returned
from evaluations.models import Evaluation, Reminder
from tests.evaluations.conftest import add_questions, answer_as
from tests.factories import EnrolmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def closing_soon(evaluation):
    """Closes in a day: inside the reminder window."""
    evaluation.days_open = 1
    evaluation.save()
    return evaluation


def test_the_periodic_job_reminds_each_non_answerer_once_in_thai_then_english(
    closing_soon, learner, other_learner, django_capture_on_commit_callbacks
):
    answer_as(closing_soon, other_learner.enrolments.get())
    with django_capture_on_commit_callbacks(execute=True):
        services.reminders_due()
    with django_capture_on_commit_callbacks(execute=True):
        services.reminders_due()
    assert [m.to for m in mail.outbox] == [[learner.email]]
    body = mail.outbox[0].body
    assert body.index("เรียน") < body.index("Dear") and f"/me/evaluations/{closing_soon.pk}/" in body
    assert Reminder.objects.get().status == "sent"


def test_no_reminder_while_far_from_closing_or_after_closing(evaluation, learner):
    assert services.reminders_due() == []
    evaluation.days_open = 1
    evaluation.session.ends_at = timezone.now() - dt.timedelta(days=3)
    evaluation.session.starts_at = evaluation.session.ends_at - dt.timedelta(hours=7)
    evaluation.session.save()
    evaluation.save()
    assert services.reminders_due() == [] and Reminder.objects.count() == 0


def test_a_learner_who_answers_after_the_reminder_was_queued_gets_no_email(closing_soon, learner):
    [reminder_id] = services.reminders_create(evaluation=closing_soon)
    answer_as(closing_soon, learner.enrolments.get())
    services.reminder_deliver(reminder_id=reminder_id)
    services.reminder_deliver(reminder_id=reminder_id)
    assert mail.outbox == []


@pytest.fixture
def programme(cohort):
    evaluation = Evaluation.objects.create(
        cohort=cohort, title_th="ประเมินเมื่อจบหลักสูตร", kind="programme",
        opens_at=timezone.now() - dt.timedelta(days=1), days_open=30,
        required_for_completion=True,
    )  # fmt: skip
    add_questions(evaluation)
    return evaluation


def test_a_required_programme_evaluation_holds_completion_until_returned(programme, learner):
    enrolment = learner.enrolments.get()
    from cohorts.completion import override_checks

    with override_checks(programme_evaluation_returned):
        before = completion_for(enrolment)
        assert (
            not before.met
            and "ยังไม่ได้ตอบแบบประเมิน" in " ".join(before.reasons)
            or ("Evaluation not yet returned" in " ".join(before.reasons))
        )
        answer_as(programme, enrolment)
        assert completion_for(enrolment).met


def test_a_cohort_without_a_required_evaluation_is_not_held(cohort, learner):
    assert programme_evaluation_returned([learner.enrolments.get()])[
        learner.enrolments.get().pk
    ].met


def test_the_check_reads_the_same_queries_for_two_and_twenty_learners(programme, cohort):
    def count(n):
        enrolments = [EnrolmentFactory(cohort=cohort) for _ in range(n)]
        with CaptureQueriesContext(connection) as queries:
            programme_evaluation_returned(enrolments)
        return len(queries)

    assert count(2) == count(20) == 2


def test_the_check_is_registered_for_every_completion(programme, learner):
    names = [r.name for r in completion_for_many([learner.enrolments.get()]).popitem()[1].results]
    assert "evaluation" in names
