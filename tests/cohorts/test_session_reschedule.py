"""Reschedule and cancel: SEQUENCE up, status set, everyone emailed once after commit."""

import datetime as dt

import pytest
from icalendar import Calendar

from django.core import mail

from cohorts.models import Session, SessionNotice
from cohorts.services import session_cancel, session_reschedule, session_update
from tests.factories import EnrolmentFactory, SessionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(cohort, learner, other_learner, facilitator):
    session = SessionFactory(cohort=cohort, title_th="เมืองน่าอยู่")
    session.facilitators.add(facilitator)
    return session


def _move(session, hours=24, **kwargs):
    return session_reschedule(
        session=session,
        starts_at=session.starts_at + dt.timedelta(hours=hours),
        ends_at=session.ends_at + dt.timedelta(hours=hours),
        **kwargs,
    )


def test_reschedule_raises_sequence_and_marks_rescheduled(
    session, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _move(session, note="ย้ายเพราะวันหยุด")
    session.refresh_from_db()
    assert session.sequence == 1
    assert session.status == Session.Status.RESCHEDULED
    assert session.change_note == "ย้ายเพราะวันหยุด"


def test_learners_and_facilitators_are_emailed_once_with_an_ics(
    session, learner, other_learner, facilitator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _move(session)
    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == sorted([learner.email, other_learner.email, facilitator.email])
    message = mail.outbox[0]
    assert message.subject.startswith("เปลี่ยนเวลา")
    assert "Session 1 rescheduled" in message.subject or "rescheduled" in message.subject
    name, content, mimetype = message.attachments[0]
    assert mimetype == "text/calendar; method=REQUEST" and name.endswith(".ics")
    event = Calendar.from_ical(content).walk("VEVENT")[0]
    assert event["SEQUENCE"] == 1
    assert str(event["UID"]).startswith(f"pms-session-{session.pk}@")


def test_withdrawn_learners_are_not_emailed(cohort, session, django_capture_on_commit_callbacks):
    gone = EnrolmentFactory(cohort=cohort, status="withdrawn").user
    with django_capture_on_commit_callbacks(execute=True):
        _move(session)
    assert gone.email not in [m.to[0] for m in mail.outbox]


def test_nothing_is_sent_if_the_transaction_rolls_back(session, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        _move(session)
    assert len(callbacks) == 1 and mail.outbox == []


def test_running_the_notice_twice_sends_each_email_once(
    session, django_capture_on_commit_callbacks
):
    from cohorts.tasks import notify_session_change

    with django_capture_on_commit_callbacks(execute=True):
        _move(session)
    sent = len(mail.outbox)
    with django_capture_on_commit_callbacks(execute=True):
        notify_session_change(session.pk, 1)
    assert len(mail.outbox) == sent == 3
    assert SessionNotice.objects.filter(status="sent").count() == 3


def test_cancel_marks_cancelled_and_tells_everyone(session, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        session_cancel(session=session, note="น้ำท่วม")
    session.refresh_from_db()
    assert session.status == Session.Status.CANCELLED and session.sequence == 1
    assert len(mail.outbox) == 3
    assert mail.outbox[0].subject.startswith("ยกเลิก")
    assert "น้ำท่วม" in mail.outbox[0].body
    event = Calendar.from_ical(mail.outbox[0].attachments[0][1]).walk("VEVENT")[0]
    assert str(event["STATUS"]) == "CANCELLED"


def test_editing_only_the_title_is_not_a_reschedule(session, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        session_update(session=session, title_th="ชื่อใหม่")
    session.refresh_from_db()
    assert session.sequence == 0 and session.status == Session.Status.SCHEDULED
    assert mail.outbox == []


def test_email_is_thai_first_with_english_below(session, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _move(session)
    body = mail.outbox[0].body
    assert body.index("เรียน") < body.index("Dear")
    assert "2569" in body  # Buddhist Era
