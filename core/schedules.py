"""Periodic work: each app's ``schedules.py`` declares its jobs, one hook creates them.

An app lists its jobs in ``<app>/schedules.py``::

    from core.schedules import PeriodicJob

    JOBS = [
        PeriodicJob(name="Session reminders", task="cohorts.send_session_reminders",
                    every=dt.timedelta(minutes=15)),
        PeriodicJob(name="Attendance: weekly at-risk digest",
                    task="attendance.send_weekly_digests",
                    crontab={"minute": "0", "hour": "8", "day_of_week": "1"}),
    ]

After every migrate, ``ensure_periodic_jobs`` creates the django-celery-beat
entry of each job that has none (looked up by name). An existing entry is never
touched: a coordinator who moved the digest to Tuesday in the admin keeps it.
Celery beat runs on the database scheduler, so the admin is the running truth;
there is no CELERY_BEAT_SCHEDULE in settings.
"""

import datetime as dt
import importlib
import json
from dataclasses import dataclass, field

from django.apps import apps as global_apps

CRONTAB_DEFAULTS = {
    "minute": "*",
    "hour": "*",
    "day_of_week": "*",
    "day_of_month": "*",
    "month_of_year": "*",
    "timezone": "Asia/Bangkok",
}


@dataclass(frozen=True)
class PeriodicJob:
    name: str  # the entry's name in the admin; stable, it is how the entry is found
    task: str  # the Celery task's registered name
    every: dt.timedelta | None = None
    crontab: dict[str, str] = field(default_factory=dict)  # Asia/Bangkok unless given

    def __post_init__(self) -> None:
        if (self.every is None) == (not self.crontab):
            raise ValueError(f"{self.name}: give exactly one of every= or crontab=")


def periodic_jobs() -> list[PeriodicJob]:
    """Every installed app's ``schedules.JOBS``, in INSTALLED_APPS order."""
    jobs: list[PeriodicJob] = []
    for config in global_apps.get_app_configs():
        try:
            module = importlib.import_module(f"{config.name}.schedules")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.schedules":
                raise
            continue
        jobs += getattr(module, "JOBS", [])
    return jobs


def _schedule(job: PeriodicJob) -> dict:
    from django_celery_beat.models import CrontabSchedule, IntervalSchedule

    if job.crontab:
        crontab, _ = CrontabSchedule.objects.get_or_create(**{**CRONTAB_DEFAULTS, **job.crontab})
        return {"crontab": crontab}
    seconds = int(job.every.total_seconds())  # type: ignore[union-attr]  # no crontab: every is set
    every, period = (seconds // 60, "minutes") if seconds % 60 == 0 else (seconds, "seconds")
    interval, _ = IntervalSchedule.objects.get_or_create(every=every, period=period)
    return {"interval": interval}


def ensure_periodic_jobs(sender: object = None, **kwargs: object) -> list[str]:
    """post_migrate of django_celery_beat: create missing entries; never change one."""
    from django_celery_beat.models import PeriodicTask

    existing = set(PeriodicTask.objects.values_list("name", flat=True))
    created = []
    for job in periodic_jobs():
        if job.name in existing:
            continue
        PeriodicTask.objects.create(
            name=job.name, task=job.task, args=json.dumps([]), **_schedule(job)
        )
        created.append(job.name)
    return created
