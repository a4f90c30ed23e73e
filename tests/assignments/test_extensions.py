"""Extensions: later than the assignment's own due date, emailed to the team once, reason shown."""

import datetime as dt

import pytest

from django.core import mail
from django.core.exceptions import ValidationError

from assignments import services
from assignments.models import Delivery, Extension

pytestmark = pytest.mark.django_db


def test_an_extension_earlier_than_the_due_date_is_refused(assignment, team, coordinator):
    for due_at in (assignment.due_at - dt.timedelta(days=2), assignment.due_at):
        with pytest.raises(ValidationError) as refused:
            services.extension_grant(
                assignment=assignment, team=team, due_at=due_at, granted_by=coordinator
            )
        assert "ต้องเลยกำหนดส่งเดิมของงาน" in " ".join(refused.value.messages)
    assert not Extension.objects.exists()


def test_the_admin_refuses_an_earlier_date_with_the_reason_and_keeps_the_form(
    client, coordinator, assignment, team
):
    client.force_login(coordinator)
    earlier = (assignment.due_at - dt.timedelta(days=1)).strftime("%Y-%m-%d %H:%M")
    response = client.post(
        "/admin/assignment_extensions/new/",
        {"assignment": assignment.pk, "team": team.pk, "due_at": earlier, "reason": "น้ำท่วม"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "ต้องเลยกำหนดส่งเดิมของงาน" in page and "น้ำท่วม" in page
    assert not Extension.objects.exists()


def test_the_team_is_emailed_the_new_date_and_the_reason_once(
    assignment, team, learner, team_mate, coordinator, django_capture_on_commit_callbacks
):
    later = assignment.due_at + dt.timedelta(days=5)
    with django_capture_on_commit_callbacks(execute=True):
        extension = services.extension_grant(
            assignment=assignment,
            team=team,
            due_at=later,
            reason="น้ำท่วมสำนักงานเทศบาล",
            granted_by=coordinator,
        )
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert sorted(message.to) == sorted([learner.email, team_mate.email])
    assert "ขยายเวลา" in message.subject
    assert "น้ำท่วมสำนักงานเทศบาล" in message.body
    html = message.alternatives[0][0]
    assert "น้ำท่วมสำนักงานเทศบาล" in html
    assert str(later.year + 543) in message.body  # Buddhist Era in the Thai half
    english = message.body.split("----", 1)[1]
    assert str(later.year) in english and str(later.year + 543) not in english
    extension.refresh_from_db()
    assert extension.notification == Delivery.SENT
    assert services.extension_notify(extension_id=extension.pk) is False
    assert len(mail.outbox) == 1


def test_granting_again_emails_the_new_date(
    assignment, team, learner, coordinator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.extension_grant(
            assignment=assignment, team=team, due_at=assignment.due_at + dt.timedelta(days=2)
        )
    with django_capture_on_commit_callbacks(execute=True):
        services.extension_grant(
            assignment=assignment, team=team, due_at=assignment.due_at + dt.timedelta(days=4)
        )
    assert Extension.objects.count() == 1
    assert len(mail.outbox) == 2


def test_the_team_sees_the_reason_on_the_assignment(client, assignment, team, learner):
    services.extension_grant(
        assignment=assignment,
        team=team,
        due_at=assignment.due_at + dt.timedelta(days=3),
        reason="รอข้อมูลจากสำนักงานสถิติจังหวัด",
    )
    client.force_login(learner)
    page = client.get(f"/me/assignments/{assignment.pk}/").content.decode()
    assert "ขยายเวลาแล้ว" in page or "ขยายเวลา" in page
    assert "รอข้อมูลจากสำนักงานสถิติจังหวัด" in page
    assert "กำหนดส่งเดิมของงานนี้" in page


def test_a_lost_extension_email_is_sent_by_the_sweep_once(assignment, team, learner):
    from django.utils import timezone

    from assignments.tasks import resend_stale_review_notifications

    extension = services.extension_grant(
        assignment=assignment, team=team, due_at=assignment.due_at + dt.timedelta(days=3)
    )  # on_commit never runs here: the task is "lost"
    Extension.objects.filter(pk=extension.pk).update(
        created_at=timezone.now() - dt.timedelta(hours=1)
    )
    assert resend_stale_review_notifications() == 1
    assert len(mail.outbox) == 1
    assert resend_stale_review_notifications() == 0
