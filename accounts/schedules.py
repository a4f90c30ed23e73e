"""Periodic work of accounts (core.schedules creates the beat entry after migrate)."""

import datetime as dt

from accounts.tasks import HEARTBEAT_TASK
from core.schedules import PeriodicJob

# /healthz reports when a worker last ran this.
JOBS = [PeriodicJob(name="Worker heartbeat", task=HEARTBEAT_TASK, every=dt.timedelta(minutes=1))]
