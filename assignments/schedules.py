"""Periodic work of assignments (core.schedules creates the beat entry after migrate)."""

import datetime as dt

from assignments.tasks import RESEND_TASK
from core.schedules import PeriodicJob

# The name is the one the old settings entry had, so installations keep their row.
JOBS = [
    PeriodicJob(
        name="assignments-resend-stale-notifications",
        task=RESEND_TASK,
        every=dt.timedelta(minutes=10),
    )
]
