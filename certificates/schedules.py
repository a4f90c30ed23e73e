"""Periodic work of certificates (core.schedules creates the beat entry after migrate)."""

import datetime as dt

from core.schedules import PeriodicJob

# The name is the one the old settings entry had, so installations keep their row.
JOBS = [
    PeriodicJob(
        name="certificates-sweep-batches",
        task="certificates.sweep_batches",
        every=dt.timedelta(seconds=60),
    )
]
