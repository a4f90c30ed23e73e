"""Periodic work of cohorts (core.schedules creates the beat entry after migrate)."""

import datetime as dt

from cohorts.tasks import SWEEP_TASK
from core.schedules import PeriodicJob

SWEEP_NAME = "Session reminders (3 days and 1 day before)"

JOBS = [PeriodicJob(name=SWEEP_NAME, task=SWEEP_TASK, every=dt.timedelta(minutes=15))]
