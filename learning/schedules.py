"""Periodic work of learning (core.schedules creates the beat entry after migrate)."""

import datetime as dt

from core.schedules import PeriodicJob
from learning.tasks import ANNOUNCE_TASK

JOBS = [
    PeriodicJob(
        name="Learning: new-materials notices and notice sweep",
        task=ANNOUNCE_TASK,
        every=dt.timedelta(minutes=10),
    )
]
