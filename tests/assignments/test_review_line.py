"""Returned or accepted work reaches LINE for the owners who chose it, beside the email."""

import pytest

from django.core import mail

from assignments import services
from notifications.models import NoticeKind, Preference
from tests.assignments.factories import pdf_bytes, upload
from tests.notifications.conftest import line_channel, link_line

pytestmark = pytest.mark.django_db


@pytest.fixture
def fake_line_api(settings):
    yield from line_channel(settings)


@pytest.fixture
def handed_in(assignment, learner, team_mate):
    return services.submission_submit(
        assignment=assignment, user=learner, text="ฉบับแรก", files=[upload("v1.pdf", pdf_bytes())]
    ).submission


def _return(handed_in, facilitator, capture):
    with capture(execute=True):
        return services.review_record(
            submission=handed_in,
            reviewer=facilitator,
            feedback="เพิ่มข้อมูล",
            decision="returned",
            levels={c.id: 0 for c in handed_in.assignment.criteria},
        )


def test_a_returned_work_is_one_line_message_to_who_chose_it_and_one_email(
    fake_line_api, facilitator, learner, team_mate, handed_in, django_capture_on_commit_callbacks
):
    link_line(learner, "U-learner", NoticeKind.WORK)
    _return(handed_in, facilitator, django_capture_on_commit_callbacks)
    [text] = fake_line_api.pushed_to("U-learner")
    assignment = handed_in.assignment
    assert "ส่งกลับให้ปรับปรุง" in text and f"/me/assignments/{assignment.pk}/" in text
    assert fake_line_api.pushed_to("U-mate") == []
    [message] = mail.outbox
    assert sorted(message.to) == sorted([learner.email, team_mate.email])


def test_email_off_for_work_leaves_the_team_mate_the_email_and_the_learner_line(
    fake_line_api, facilitator, learner, team_mate, handed_in, django_capture_on_commit_callbacks
):
    link_line(learner, "U-learner", NoticeKind.WORK)
    Preference.objects.filter(user=learner, kind=NoticeKind.WORK).update(email=False)
    _return(handed_in, facilitator, django_capture_on_commit_callbacks)
    [message] = mail.outbox
    assert message.to == [team_mate.email]
    assert len(fake_line_api.pushed_to("U-learner")) == 1
