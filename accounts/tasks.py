from celery import shared_task

from django.core.cache import cache
from django.utils import timezone

HEARTBEAT_KEY = "worker:last-heartbeat"
HEARTBEAT_TASK = "accounts.worker_heartbeat"


@shared_task(name=HEARTBEAT_TASK, ignore_result=False)
def worker_heartbeat() -> str:
    """Record that a worker is alive; /healthz reports when one last answered."""
    now = timezone.now().isoformat()
    cache.set(HEARTBEAT_KEY, now, timeout=None)
    return now
