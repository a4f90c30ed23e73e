"""A real Celery worker consumes a task from the real Redis broker."""

from django.core.cache import cache

from accounts.tasks import HEARTBEAT_KEY, worker_heartbeat


def test_a_worker_consumes_a_task_from_redis(real_worker):
    cache.delete(HEARTBEAT_KEY)
    result = worker_heartbeat.delay()
    stamp = result.get(timeout=20)
    assert result.successful()
    assert cache.get(HEARTBEAT_KEY) == stamp
