"""Periodic work of reporting (core.schedules creates the beat entry after migrate)."""

from core.schedules import PeriodicJob
from reporting.tasks import REFRESH_TASK

JOBS = [
    PeriodicJob(
        name="Reporting: refresh the public impact figures",  # stable: found by name
        task=REFRESH_TASK,
        crontab={"minute": "20"},  # hourly, Asia/Bangkok
    )
]
