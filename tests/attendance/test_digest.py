"""The weekly digest: flagged learners to coordinators, once per week, scheduled by beat."""

import pytest
from django_celery_beat.models import PeriodicTask

from django.core import mail

from attendance.digest import digests_send_weekly
from attendance.schedules import DIGEST_TASK
from attendance.tasks import send_weekly_digests
from core.schedules import ensure_periodic_jobs
from tests.factories import SessionFactory, bangkok_morning

pytestmark = pytest.mark.django_db


@pytest.fixture
def missed(cohort, learner, coordinator):
    cohort.coordinators.add(coordinator)
    for n in range(1, 4):
        SessionFactory(cohort=cohort, number=n, starts_at=bangkok_morning(n - 30))
    return cohort


def test_coordinators_get_the_flagged_learners(missed, learner, coordinator):
    assert send_weekly_digests.delay().get() == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [coordinator.email]
    assert learner.full_name_th in message.body
    assert "cannot meet the rule" in message.body


def test_the_digest_is_sent_once_per_week(missed):
    digests_send_weekly()
    digests_send_weekly()
    assert len(mail.outbox) == 1


def test_nothing_is_sent_when_no_one_is_flagged(cohort, coordinator):
    cohort.coordinators.add(coordinator)
    assert digests_send_weekly() == 0
    assert not mail.outbox


def test_the_beat_entry_exists_once():
    ensure_periodic_jobs()
    ensure_periodic_jobs()
    task = PeriodicTask.objects.get(task=DIGEST_TASK)
    assert task.crontab.day_of_week == "1"
    assert PeriodicTask.objects.filter(task=DIGEST_TASK).count() == 1
