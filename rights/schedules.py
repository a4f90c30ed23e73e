"""Periodic work of rights (core.schedules creates the beat entry after migrate)."""

from core.schedules import PeriodicJob

JOBS = [
    PeriodicJob(
        name="Personal data: retention",  # stable: it is how the entry is found
        task="rights.apply_retention",
        crontab={"minute": "30", "hour": "3"},  # Asia/Bangkok, a quiet hour
    )
]
