"""The Celery application: settings under the CELERY_ namespace, tasks found per app."""

import os

from celery import Celery

from core.queue import ReconnectSignal

os.environ.setdefault(
    "DJANGO_SETTINGS_MODULE", f"config.settings.{os.environ.get('DJANGO_ENV', 'dev')}"
)

app = Celery("pms")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
# A worker that reaches Redis again queues the pending rows (docs/operations.md, "Redis stops").
app.steps["consumer"].add(ReconnectSignal)
