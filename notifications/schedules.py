"""Periodic work of notifications (core.schedules creates the beat entry after migrate)."""

import datetime as dt

from core.schedules import PeriodicJob
from notifications.tasks import SWEEP_TASK

JOBS = [
    PeriodicJob(
        name="Notifications: LINE message sweep",
        task=SWEEP_TASK,
        every=dt.timedelta(minutes=10),
    )
]
