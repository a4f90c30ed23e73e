"""Periodic work of admissions (core.schedules creates the beat entry after migrate)."""

import datetime as dt

from admissions.tasks import SWEEP_TASK
from core.schedules import PeriodicJob

JOBS = [
    PeriodicJob(
        name="Admissions: status emails whose task was lost",  # stable: found by name
        task=SWEEP_TASK,
        every=dt.timedelta(minutes=10),
    )
]
