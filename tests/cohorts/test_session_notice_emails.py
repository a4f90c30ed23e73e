"""What change notices and reminders say: old and new time, English dates in the English
half, a greeting by name, a re-opened session called back on, a link to the learner's page."""

import datetime as dt
import re

import pytest

from django.core import mail

from cohorts.services import session_cancel, session_reopen, session_reschedule
from cohorts.tasks import send_session_reminders
from tests.factories import BANGKOK, EnrolmentFactory, SessionFactory, UserFactory, bangkok_morning

pytestmark = pytest.mark.django_db

THAI_MONTHS = re.compile(
    "มกราคม|กุมภาพันธ์|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน|ตุลาคม|พฤศจิกายน|ธันวาคม"
)
DEC_8 = dt.datetime(2026, 12, 8, 9, 0, tzinfo=BANGKOK)
DEC_22 = dt.datetime(2026, 12, 22, 9, 0, tzinfo=BANGKOK)


@pytest.fixture
def session(cohort, learner):
    return SessionFactory(cohort=cohort, starts_at=DEC_8, title_en="Liveable cities")


def _english_half(text: str) -> str:
    return text[text.index("Dear") :]


def _thai_half(text: str) -> str:
    return text[: text.index("Dear")]


def _reschedule(session, capture, starts_at=DEC_22):
    with capture(execute=True):
        session_reschedule(
            session=session, starts_at=starts_at, ends_at=starts_at + dt.timedelta(hours=7)
        )


def _mail_to(person):
    return [m for m in mail.outbox if m.to == [person.email]]


def test_the_english_half_of_a_change_notice_prints_english_dates(
    session, learner, django_capture_on_commit_callbacks
):
    _reschedule(session, django_capture_on_commit_callbacks)
    message = _mail_to(learner)[-1]
    for text in (message.body, message.alternatives[0][0]):
        english = _english_half(text)
        assert "22 December 2026" in english and "09:00" in english
        assert not THAI_MONTHS.search(english), english
        assert "2569" not in english
        assert "22 ธันวาคม 2569" in _thai_half(text)


def test_a_change_notice_states_the_old_and_the_new_time(
    session, learner, django_capture_on_commit_callbacks
):
    _reschedule(session, django_capture_on_commit_callbacks)
    message = _mail_to(learner)[-1]
    for text in (message.body, message.alternatives[0][0]):
        thai, english = _thai_half(text), _english_half(text)
        assert thai.index("8 ธันวาคม 2569") < thai.index("22 ธันวาคม 2569")
        assert english.index("8 December 2026") < english.index("22 December 2026")


def test_a_change_notice_links_to_the_learners_page_for_the_session(
    session, learner, settings, django_capture_on_commit_callbacks
):
    _reschedule(session, django_capture_on_commit_callbacks)
    message = _mail_to(learner)[-1]
    link = f"{settings.SITE_URL.rstrip('/')}/me/sessions/{session.pk}/"
    assert link in message.body
    assert f'href="{link}"' in message.alternatives[0][0]


def test_a_cancellation_states_the_time_that_is_cancelled(
    session, learner, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        session_cancel(session=session, note="น้ำท่วม")
    body = _mail_to(learner)[-1].body
    assert "8 ธันวาคม 2569" in _thai_half(body)
    assert "8 December 2026" in _english_half(body) and "cancelled" in _english_half(body)


def test_a_reopened_session_is_announced_as_back_on_with_old_and_new_time(
    session, learner, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        session_cancel(session=session)
    with django_capture_on_commit_callbacks(execute=True):
        session_reopen(session=session, starts_at=DEC_22, ends_at=DEC_22 + dt.timedelta(hours=7))
    message = _mail_to(learner)[-1]
    assert "กลับมาจัด" in message.subject and "back on" in message.subject
    thai, english = _thai_half(message.body), _english_half(message.body)
    assert "กลับมาจัด" in thai and "rescheduled" not in english
    assert "back on" in english
    assert thai.index("8 ธันวาคม 2569") < thai.index("22 ธันวาคม 2569")
    assert english.index("8 December 2026") < english.index("22 December 2026")


def test_the_english_greeting_uses_the_english_name(
    session, learner, django_capture_on_commit_callbacks
):
    _reschedule(session, django_capture_on_commit_callbacks)
    assert f"Dear {learner.full_name_en}," in _mail_to(learner)[-1].body


def test_without_an_english_name_the_english_greeting_uses_the_thai_name(
    cohort, session, django_capture_on_commit_callbacks
):
    person = UserFactory(first_name_en="", last_name_en="", title_prefix_en="")
    EnrolmentFactory(cohort=cohort, user=person)
    _reschedule(session, django_capture_on_commit_callbacks)
    message = _mail_to(person)[-1]
    for text in (message.body, message.alternatives[0][0]):
        assert f"Dear {person.full_name_th}," in text
        assert person.email not in _english_half(text)


def test_the_english_half_of_a_reminder_prints_english_dates(
    cohort, learner, django_capture_on_commit_callbacks
):
    starts_at = bangkok_morning(2)  # a one-day session, whatever the hour the suite runs
    SessionFactory(cohort=cohort, starts_at=starts_at)
    with django_capture_on_commit_callbacks(execute=True):
        send_session_reminders()
    message = _mail_to(learner)[-1]
    day = starts_at.strftime("%-d %B %Y")
    for text in (message.body, message.alternatives[0][0]):
        english = _english_half(text)
        assert day in english and not THAI_MONTHS.search(english), english
        assert f"Dear {learner.full_name_en}," in text


def test_the_english_half_of_a_change_notice_carries_the_coordinators_note(
    session, learner, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        session_cancel(session=session, note="วิทยากรติดภารกิจ")
    message = _mail_to(learner)[-1]
    for text in (message.body, message.alternatives[0][0]):
        assert "Note: วิทยากรติดภารกิจ" in _english_half(text)


def test_the_english_half_of_a_reminder_says_where_and_what_to_prepare(
    cohort, learner, django_capture_on_commit_callbacks
):
    session = SessionFactory(
        cohort=cohort,
        starts_at=bangkok_morning(2),
        online_url="https://meet.example.org/pms-8",
        preparation="ข้อมูลเทศบาล",
    )
    with django_capture_on_commit_callbacks(execute=True):
        send_session_reminders()
    message = _mail_to(learner)[-1]
    venue = session.venue
    for text in (message.body, message.alternatives[0][0]):
        english = _english_half(text)
        assert f"Venue: {venue.name_en}, {venue.province.name_en}" in english
        assert "https://meet.example.org/pms-8" in english
        assert "To prepare: ข้อมูลเทศบาล" in english
