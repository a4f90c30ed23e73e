"""Session changes and reminders reach LINE for who chose it, beside their email."""

import datetime as dt

import pytest

from django.core import mail
from django.utils import timezone

from cohorts.models import SessionNotice
from cohorts.services import session_cancel, session_reschedule
from cohorts.tasks import send_session_reminders
from core.dates import thai_date
from notifications.models import LineMessage, NoticeKind, Preference
from tests.factories import SessionFactory, bangkok_morning
from tests.notifications.conftest import link_line

pytestmark = pytest.mark.django_db


def test_a_rescheduled_session_is_one_line_message_and_one_email(
    fake_line_api, cohort, learner, other_learner, django_capture_on_commit_callbacks
):
    link_line(learner, "U-learner", NoticeKind.SESSIONS)
    start = bangkok_morning(10)
    session = SessionFactory(cohort=cohort, number=7, title_th="การคลังท้องถิ่น", starts_at=start)
    with django_capture_on_commit_callbacks(execute=True):
        session_reschedule(
            session=session,
            starts_at=start + dt.timedelta(days=1),
            ends_at=start + dt.timedelta(days=1, hours=3),
        )
    [text] = fake_line_api.pushed_to("U-learner")
    assert "เปลี่ยนกำหนดการ" in text and "ครั้งที่ 7" in text and "has been moved" in text
    assert f"/me/sessions/{session.pk}/" in text
    assert len([m for m in mail.outbox if learner.email in m.to]) == 1
    assert len([m for m in mail.outbox if other_learner.email in m.to]) == 1
    assert not LineMessage.objects.filter(user=other_learner).exists()


def test_a_moved_session_in_line_states_the_old_and_the_new_time(
    fake_line_api, cohort, learner, django_capture_on_commit_callbacks
):
    """As every emailed change notice does (#13 item 7): a phone shows both times."""
    link_line(learner, "U-learner", NoticeKind.SESSIONS)
    start = bangkok_morning(10)
    session = SessionFactory(cohort=cohort, starts_at=start, ends_at=start + dt.timedelta(hours=3))
    moved = start + dt.timedelta(days=1, hours=4)
    with django_capture_on_commit_callbacks(execute=True):
        session_reschedule(session=session, starts_at=moved, ends_at=moved + dt.timedelta(hours=2))
    [text] = fake_line_api.pushed_to("U-learner")
    thai, english = text.split("\n\n", 1)
    old_th, new_th = (thai_date(t) for t in (start, moved))
    assert f"เดิม: {old_th} 09:00 น." in thai and f"กำหนดการใหม่: {new_th} 13:00 น." in thai
    old_en, new_en = (f"{timezone.localtime(t):%-d %B %Y}" for t in (start, moved))
    assert f"was {old_en}, 09:00" in english and f"now {new_en}, 13:00" in english


def test_a_cancellation_says_so_in_line(
    fake_line_api, cohort, learner, django_capture_on_commit_callbacks
):
    link_line(learner, "U-learner", NoticeKind.SESSIONS)
    session = SessionFactory(cohort=cohort, starts_at=bangkok_morning(10))
    with django_capture_on_commit_callbacks(execute=True):
        session_cancel(session=session, note="น้ำท่วม")
    [text] = fake_line_api.pushed_to("U-learner")
    assert "ยกเลิก" in text and "น้ำท่วม" in text and "has been cancelled" in text


def test_a_reminder_goes_to_line_once_and_email_off_leaves_only_line(
    fake_line_api, cohort, learner, django_capture_on_commit_callbacks
):
    link_line(learner, "U-learner", NoticeKind.SESSIONS)
    Preference.objects.filter(user=learner, kind=NoticeKind.SESSIONS).update(email=False)
    starts_at = timezone.now() + dt.timedelta(days=2.5)
    SessionFactory(cohort=cohort, starts_at=starts_at)
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            send_session_reminders()
    [text] = fake_line_api.pushed_to("U-learner")
    # Bangkok calendar days: 2½ days from 00:55 is 2 days off, from 09:00 it is 3.
    days = (timezone.localdate(starts_at) - timezone.localdate()).days
    assert f"อีก {days} วัน" in text and f"starts in {days} days" in text
    assert not mail.outbox and not SessionNotice.objects.filter(user=learner).exists()
