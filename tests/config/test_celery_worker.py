"""A real Celery worker consumes a task from the real Redis broker."""

import pytest
from celery.contrib.testing.worker import start_worker

from django.core.cache import cache

from accounts.tasks import HEARTBEAT_KEY, worker_heartbeat
from config.celery_app import app


@pytest.fixture
def real_worker(redis_url):
    app.conf.task_always_eager = False
    app.conf.broker_url = redis_url
    app.conf.result_backend = redis_url
    try:
        with start_worker(app, perform_ping_check=False, shutdown_timeout=10):
            yield
    finally:
        app.conf.task_always_eager = True


def test_a_worker_consumes_a_task_from_redis(real_worker):
    cache.delete(HEARTBEAT_KEY)
    result = worker_heartbeat.delay()
    stamp = result.get(timeout=20)
    assert result.successful()
    assert cache.get(HEARTBEAT_KEY) == stamp
