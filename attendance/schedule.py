"""The weekly at-risk digest as a celery beat entry, created idempotently after migrate."""

import json

DIGEST_TASK = "attendance.send_weekly_digests"


def ensure_periodic_tasks(sender=None, **kwargs):
    from django.apps import apps

    if sender is not None and sender.label != "attendance":
        return
    if not apps.is_installed("django_celery_beat"):
        return
    from django_celery_beat.models import CrontabSchedule, PeriodicTask

    # Monday 08:00 in Bangkok, before the week's sessions.
    schedule, _ = CrontabSchedule.objects.get_or_create(
        minute="0",
        hour="8",
        day_of_week="1",
        day_of_month="*",
        month_of_year="*",
        timezone="Asia/Bangkok",
    )
    PeriodicTask.objects.update_or_create(
        name="Attendance: weekly at-risk digest",
        defaults={"task": DIGEST_TASK, "crontab": schedule, "args": json.dumps([])},
    )
