"""Periodic work of rights (core.schedules creates the beat entry after migrate)."""

import datetime as dt

from core.schedules import PeriodicJob

JOBS = [
    PeriodicJob(
        name="Personal data: retention",  # stable: it is how the entry is found
        task="rights.apply_retention",
        crontab={"minute": "30", "hour": "3"},  # Asia/Bangkok, a quiet hour
    ),
    PeriodicJob(
        name="Personal data: stuck data exports",  # stable: it is how the entry is found
        task="rights.sweep_exports",
        every=dt.timedelta(minutes=10),
    ),
]
