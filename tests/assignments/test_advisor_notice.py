"""The advisor is told when a team hands in: at most once per hand-in, close ones together."""

import datetime as dt

import pytest

from django.core import mail
from django.utils import timezone

from assignments import services
from assignments.models import AdvisorNotice, Delivery

pytestmark = pytest.mark.django_db


def submit(assignment, user, text="งานฉบับใหม่"):
    return services.submission_submit(assignment=assignment, user=user, text=text)


def test_the_advisor_is_emailed_when_the_team_hands_in(
    assignment, learner, facilitator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        version = submit(assignment, learner)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [facilitator.email]
    assert version.submission.team.name in message.subject
    assert f"/review/{version.submission.pk}/" in message.body
    assert "ฉบับที่ 1" in message.body
    assert AdvisorNotice.objects.get().status == Delivery.SENT


def test_a_re_hand_in_tells_the_advisor_again(
    assignment, learner, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        submit(assignment, learner, "ฉบับแรก")
    with django_capture_on_commit_callbacks(execute=True):
        submit(assignment, learner, "ฉบับแก้ไข")
    assert len(mail.outbox) == 2
    assert "ฉบับที่ 2" in mail.outbox[1].body


def test_hand_ins_close_together_come_as_one_message_and_each_at_most_once(
    assignment, learner, team_mate, facilitator, cohort
):
    from tests.assignments.factories import AssignmentFactory

    other = AssignmentFactory(cohort=cohort, title_th="แผนการเก็บข้อมูลภาคสนาม")
    # The tasks are queued with a delay; here none has run yet.
    submit(assignment, learner)
    submit(other, team_mate)
    assert AdvisorNotice.objects.filter(status=Delivery.PENDING).count() == 2
    assert services.advisor_notify(advisor_id=facilitator.pk) is True
    assert services.advisor_notify(advisor_id=facilitator.pk) is False  # the second task
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert assignment.title_th in body and "แผนการเก็บข้อมูลภาคสนาม" in body
    assert "2" in mail.outbox[0].subject


def test_a_failed_send_is_released_for_the_retry(assignment, learner, facilitator, monkeypatch):
    submit(assignment, learner)

    def broken(*args, **kwargs):
        raise OSError("mail server down")

    monkeypatch.setattr(services, "send", broken)
    with pytest.raises(OSError):
        services.advisor_notify(advisor_id=facilitator.pk)
    assert AdvisorNotice.objects.get().status == Delivery.PENDING
    monkeypatch.undo()
    assert services.advisor_notify(advisor_id=facilitator.pk) is True
    assert len(mail.outbox) == 1


def test_a_lost_task_is_picked_up_by_the_sweep_once(assignment, learner):
    from assignments.tasks import resend_stale_review_notifications

    submit(assignment, learner)
    AdvisorNotice.objects.update(created_at=timezone.now() - dt.timedelta(hours=1))
    assert resend_stale_review_notifications() == 1
    assert len(mail.outbox) == 1
    assert resend_stale_review_notifications() == 0


def test_a_team_without_an_advisor_and_the_demo_tell_nobody(
    assignment, learner, advised_team, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.submission_submit(assignment=assignment, user=learner, text="นำเข้า", notify=False)
    advised_team.advisor = None
    advised_team.save()
    with django_capture_on_commit_callbacks(execute=True):
        submit(assignment, learner)
    assert not AdvisorNotice.objects.exists()
    assert not mail.outbox
