"""Periodic work of admissions (core.schedules creates the beat entry after migrate)."""

import datetime as dt

from admissions.tasks import LETTERS_TASK, SWEEP_TASK
from core.schedules import PeriodicJob

JOBS = [
    PeriodicJob(
        name="Admissions: status emails whose task was lost",  # stable: found by name
        task=SWEEP_TASK,
        every=dt.timedelta(minutes=10),
    ),
    PeriodicJob(
        name="Admissions: letters kept for forms never sent",  # stable: found by name
        task=LETTERS_TASK,
        crontab={"minute": "30", "hour": "3"},  # Asia/Bangkok
    ),
]
