"""Periodic work of attendance (core.schedules creates the beat entry after migrate)."""

from core.schedules import PeriodicJob

DIGEST_TASK = "attendance.send_weekly_digests"
DIGEST_NAME = "Attendance: weekly at-risk digest"

# Monday 08:00 in Bangkok, before the week's sessions. A coordinator may move it
# in the admin (Settings > Periodic tasks); migrate never moves it back.
JOBS = [
    PeriodicJob(
        name=DIGEST_NAME, task=DIGEST_TASK, crontab={"minute": "0", "hour": "8", "day_of_week": "1"}
    )
]
