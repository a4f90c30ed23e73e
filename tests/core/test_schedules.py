"""Periodic work: declared once per app, created on migrate, a coordinator's change kept."""

import datetime as dt

import pytest
from django_celery_beat.models import CrontabSchedule, PeriodicTask

from django.core.management import call_command

from accounts.tasks import HEARTBEAT_TASK
from attendance.schedules import DIGEST_NAME
from core.schedules import PeriodicJob, ensure_periodic_jobs, periodic_jobs

pytestmark = pytest.mark.django_db


def test_every_declared_job_has_a_beat_entry_after_migrate():
    names = set(PeriodicTask.objects.values_list("name", flat=True))
    declared = {job.name for job in periodic_jobs()}
    assert declared <= names
    assert {job.task for job in periodic_jobs()} >= {
        "cohorts.send_session_reminders",
        "attendance.send_weekly_digests",
        "certificates.sweep_batches",
        "certificates.flush_lookup_counts",
        "assignments.resend_stale_review_notifications",
        HEARTBEAT_TASK,
    }


def test_the_worker_heartbeat_is_scheduled_every_minute():
    entry = PeriodicTask.objects.get(task=HEARTBEAT_TASK)
    assert entry.enabled and entry.interval.every == 1 and entry.interval.period == "minutes"


def test_a_coordinators_change_to_the_digest_schedule_survives_migrate():
    entry = PeriodicTask.objects.get(name=DIGEST_NAME)
    tuesday, _ = CrontabSchedule.objects.get_or_create(
        minute="30", hour="9", day_of_week="2", timezone="Asia/Bangkok"
    )
    entry.crontab = tuesday
    entry.enabled = False
    entry.save()
    call_command("migrate", verbosity=0)
    entry.refresh_from_db()
    assert entry.crontab == tuesday and not entry.enabled
    assert PeriodicTask.objects.filter(name=DIGEST_NAME).count() == 1


def test_a_missing_entry_is_created_again_with_its_declared_schedule():
    PeriodicTask.objects.filter(name=DIGEST_NAME).delete()
    assert ensure_periodic_jobs() == [DIGEST_NAME]
    crontab = PeriodicTask.objects.get(name=DIGEST_NAME).crontab
    assert (crontab.minute, crontab.hour, crontab.day_of_week) == ("0", "8", "1")
    assert str(crontab.timezone) == "Asia/Bangkok"


def test_a_job_has_exactly_one_kind_of_schedule():
    with pytest.raises(ValueError):
        PeriodicJob(name="x", task="y")
    with pytest.raises(ValueError):
        PeriodicJob(name="x", task="y", every=dt.timedelta(minutes=1), crontab={"hour": "8"})
