"""Periodic work of evaluations (core.schedules creates the beat entry after migrate)."""

import datetime as dt

from core.schedules import PeriodicJob
from evaluations.tasks import REMINDERS_TASK

JOBS = [
    PeriodicJob(
        name="Evaluations: remind those who have not answered",  # stable: found by name
        task=REMINDERS_TASK,
        every=dt.timedelta(hours=1),
    )
]
