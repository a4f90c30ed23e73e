"""The reminder sweep as a django-celery-beat PeriodicTask, created once after migrate.

Coordinators can see and change it in the admin; re-running migrate never
duplicates or resets it.
"""

from cohorts.tasks import SWEEP_TASK

SWEEP_NAME = "Session reminders (3 days and 1 day before)"


def ensure_reminder_schedule(sender=None, **kwargs) -> None:
    from django_celery_beat.models import IntervalSchedule, PeriodicTask

    every, _ = IntervalSchedule.objects.get_or_create(every=15, period=IntervalSchedule.MINUTES)
    PeriodicTask.objects.get_or_create(
        name=SWEEP_NAME, defaults={"task": SWEEP_TASK, "interval": every, "enabled": True}
    )
