"""Periodic work of certificates (core.schedules creates the beat entry after migrate)."""

import datetime as dt

from core.schedules import PeriodicJob

# The name is the one the old settings entry had, so installations keep their row.
JOBS = [
    PeriodicJob(
        name="certificates-sweep-batches",
        task="certificates.sweep_batches",
        every=dt.timedelta(seconds=60),
    ),
    PeriodicJob(
        name="Certificates: flush lookup counts",  # stable: it is how the entry is found
        task="certificates.flush_lookup_counts",
        every=dt.timedelta(seconds=60),
    ),
]
