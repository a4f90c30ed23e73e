"""Reminders sent by a real Celery worker from the real Redis broker, at most once."""

import datetime as dt
import time

import pytest

from django.core import mail
from django.utils import timezone

from cohorts.models import SessionNotice
from cohorts.tasks import deliver_notice, send_session_reminders
from tests.baseline import ensure_baseline
from tests.factories import CohortFactory, EnrolmentFactory, SessionFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_worker_sends_each_reminder_once_even_when_beat_fires_twice(real_worker):
    ensure_baseline()
    cohort = CohortFactory()
    people = [EnrolmentFactory(cohort=cohort).user for _ in range(3)]
    SessionFactory(cohort=cohort, starts_at=timezone.now() + dt.timedelta(days=2))
    first = send_session_reminders.delay()
    second = send_session_reminders.delay()
    first.get(timeout=30), second.get(timeout=30)
    # the sweep enqueues one delivery per notice; wait for the worker to drain them
    deadline = timezone.now() + dt.timedelta(seconds=30)
    while SessionNotice.objects.exclude(status="sent").exists() and timezone.now() < deadline:
        time.sleep(0.2)
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in people)
    assert SessionNotice.objects.filter(status="sent").count() == 3


def test_a_redelivered_task_does_not_send_twice(real_worker):
    ensure_baseline()
    cohort = CohortFactory()
    person = EnrolmentFactory(cohort=cohort).user
    session = SessionFactory(cohort=cohort, starts_at=timezone.now() + dt.timedelta(days=2))
    notice = SessionNotice.objects.create(session=session, user=person, kind="reminder-3d")
    results = [deliver_notice.delay(notice.pk) for _ in range(3)]
    assert sorted(r.get(timeout=30) for r in results) == [False, False, True]
    assert [m.to[0] for m in mail.outbox] == [person.email]
