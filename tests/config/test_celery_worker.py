"""A real Celery worker consumes a task from the real Redis broker."""

import pytest

from django.core.cache import cache

from accounts.tasks import HEARTBEAT_KEY, worker_heartbeat


def test_a_worker_consumes_a_task_from_redis(real_worker):
    cache.delete(HEARTBEAT_KEY)
    result = worker_heartbeat.delay()
    stamp = result.get(timeout=20)
    assert result.successful()
    assert cache.get(HEARTBEAT_KEY) == stamp


@pytest.mark.django_db
def test_healthz_shows_when_a_real_worker_last_ran_the_heartbeat(
    real_worker, redis_url, client, settings
):
    settings.REDIS_URL = redis_url
    cache.delete(HEARTBEAT_KEY)
    assert client.get("/healthz").json()["worker_last_seen"] is None
    stamp = worker_heartbeat.delay().get(timeout=20)
    assert client.get("/healthz").json()["worker_last_seen"] == stamp
