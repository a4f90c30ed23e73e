"""Reminders 3 days and 1 day before: at most once per person per session per kind."""

import datetime as dt

import pytest
from django_celery_beat.models import PeriodicTask

from django.core import mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from cohorts.models import Session, SessionNotice
from cohorts.schedules import SWEEP_NAME
from cohorts.services import notice_deliver
from cohorts.tasks import SWEEP_TASK, send_session_reminders
from core.schedules import ensure_periodic_jobs
from tests.factories import SessionFactory

pytestmark = pytest.mark.django_db


def _session(cohort, days):
    return SessionFactory(cohort=cohort, starts_at=timezone.now() + dt.timedelta(days=days))


def _told(session) -> str:
    """What the subject says of how far off the session is: calendar days in Bangkok."""
    days = (timezone.localdate(session.starts_at) - timezone.localdate()).days
    return {0: "วันนี้", 1: "พรุ่งนี้"}.get(days, f"อีก {days} วัน")


def _sweep(capture):
    with capture(execute=True):
        return send_session_reminders()


def test_three_day_reminder_goes_to_each_learner_with_an_ics(
    cohort, learner, other_learner, django_capture_on_commit_callbacks
):
    session = _session(cohort, days=2.5)
    assert _sweep(django_capture_on_commit_callbacks) == 2
    assert sorted(m.to[0] for m in mail.outbox) == sorted([learner.email, other_learner.email])
    message = mail.outbox[0]
    assert message.subject.startswith(_told(session) + ":")
    assert message.attachments[0][0].endswith(".ics")
    kinds = set(SessionNotice.objects.filter(session=session).values_list("kind", flat=True))
    assert kinds == {SessionNotice.reminder_kind(SessionNotice.REMINDER_3D, session.starts_at)}


def test_one_day_reminder_when_the_session_is_tomorrow(
    cohort, learner, django_capture_on_commit_callbacks
):
    session = _session(cohort, days=0.5)
    _sweep(django_capture_on_commit_callbacks)
    assert mail.outbox[0].subject.startswith(_told(session) + ":")
    kinds = set(SessionNotice.objects.filter(session=session).values_list("kind", flat=True))
    assert kinds == {SessionNotice.reminder_kind(SessionNotice.REMINDER_1D, session.starts_at)}


@pytest.mark.parametrize(
    ("starts_at", "subject", "english"),
    [
        (dt.datetime(2026, 12, 4, 9, 0), "อีก 2 วัน:", "starts in 2 days, on 4 December 2026"),
        (dt.datetime(2026, 12, 3, 8, 0), "พรุ่งนี้:", "starts tomorrow, on 3 December 2026"),
        (dt.datetime(2026, 12, 2, 22, 0), "วันนี้:", "starts today, on 2 December 2026"),
    ],
)
def test_a_reminder_says_how_many_days_off_the_session_is_on_the_day_it_goes_out(
    cohort, learner, django_capture_on_commit_callbacks, starts_at, subject, english
):
    """The 3-day reminder of a session added 37 hours before it starts says 2 days, not 3;
    the 1-day reminder says tomorrow or today by the Bangkok calendar."""
    import time_machine

    bangkok = timezone.get_default_timezone()
    with time_machine.travel(dt.datetime(2026, 12, 2, 20, 0, tzinfo=bangkok), tick=False):
        starts_at = starts_at.replace(tzinfo=bangkok)
        ends_at = starts_at + dt.timedelta(hours=1)
        SessionFactory(cohort=cohort, starts_at=starts_at, ends_at=ends_at)
        _sweep(django_capture_on_commit_callbacks)
    (message,) = mail.outbox
    assert message.subject.startswith(subject)
    assert english in message.body and english in message.alternatives[0][0]


def test_sweeping_twice_sends_nothing_new(cohort, learner, django_capture_on_commit_callbacks):
    _session(cohort, days=2)
    _sweep(django_capture_on_commit_callbacks)
    _sweep(django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1


def test_far_away_past_and_cancelled_sessions_get_no_reminder(
    cohort, learner, django_capture_on_commit_callbacks
):
    _session(cohort, days=10)
    _session(cohort, days=-1)
    cancelled = _session(cohort, days=2)
    cancelled.status = Session.Status.CANCELLED
    cancelled.save()
    assert _sweep(django_capture_on_commit_callbacks) == 0
    assert mail.outbox == []


def test_a_claimed_notice_is_not_sent_by_a_second_worker(cohort, learner):
    session = _session(cohort, days=2)
    notice = SessionNotice.objects.create(session=session, user=learner, kind="reminder-3d")
    assert notice_deliver(notice_id=notice.pk) is True
    assert notice_deliver(notice_id=notice.pk) is False
    assert len(mail.outbox) == 1


def test_the_database_refuses_a_second_notice_of_the_same_kind(cohort, learner):
    session = _session(cohort, days=2)
    SessionNotice.objects.create(session=session, user=learner, kind="reminder-1d")
    with pytest.raises(IntegrityError), transaction.atomic():
        SessionNotice.objects.create(session=session, user=learner, kind="reminder-1d")


def test_a_failed_send_releases_the_claim_for_a_retry(cohort, learner, settings):
    session = _session(cohort, days=2)
    notice = SessionNotice.objects.create(session=session, user=learner, kind="reminder-3d")
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 1  # nothing listens there
    with pytest.raises(OSError):
        notice_deliver(notice_id=notice.pk)
    notice.refresh_from_db()
    assert notice.status == SessionNotice.Status.PENDING
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert notice_deliver(notice_id=notice.pk) is True


def test_the_beat_schedule_exists_once_and_survives_a_second_migrate(db):
    ensure_periodic_jobs()
    ensure_periodic_jobs()
    tasks = PeriodicTask.objects.filter(name=SWEEP_NAME)
    assert tasks.count() == 1 and tasks.get().task == SWEEP_TASK and tasks.get().enabled


def test_a_notice_whose_task_was_lost_is_sent_by_the_next_sweep_once(
    cohort, learner, other_learner, django_capture_on_commit_callbacks
):
    """The mail server was down longer than the retries lasted: the notice stayed pending."""
    session = _session(cohort, days=20)  # no reminder due
    lost, fresh = (
        SessionNotice.objects.create(session=session, user=person, kind="change-1")
        for person in (learner, other_learner)
    )
    SessionNotice.objects.filter(pk=lost.pk).update(
        created_at=timezone.now() - dt.timedelta(minutes=30)
    )
    assert _sweep(django_capture_on_commit_callbacks) == 1
    assert [m.to[0] for m in mail.outbox] == [learner.email]
    lost.refresh_from_db()
    fresh.refresh_from_db()
    assert (lost.status, fresh.status) == ("sent", "pending")  # its own task may still run
    assert _sweep(django_capture_on_commit_callbacks) == 0
    assert len(mail.outbox) == 1


def test_a_session_moved_after_its_reminders_gets_reminders_for_its_new_date(
    cohort, learner, django_capture_on_commit_callbacks
):
    session = _session(cohort, days=2.5)
    told = [_told(session)]
    _sweep(django_capture_on_commit_callbacks)  # 3 days before
    _move_to(session, days=0.5)
    told.append(_told(session))
    _sweep(django_capture_on_commit_callbacks)  # 1 day before
    _move_to(session, days=2.75)  # postponed after both went out
    told.append(_told(session))
    _sweep(django_capture_on_commit_callbacks)
    _sweep(django_capture_on_commit_callbacks)  # still once per kind per scheduled time
    assert [m.subject.split(":")[0] for m in mail.outbox] == told
    kinds = set(SessionNotice.objects.filter(session=session).values_list("kind", flat=True))
    new_key = SessionNotice.reminder_kind(SessionNotice.REMINDER_3D, session.starts_at)
    assert len(kinds) == 3 and new_key in kinds


def _move_to(session, days):
    session.starts_at = timezone.now() + dt.timedelta(days=days)
    session.ends_at = session.starts_at + dt.timedelta(hours=7)
    session.save()
