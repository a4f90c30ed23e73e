"""/healthz: is the database, the cache and (when configured) the broker up?"""

import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache


def _check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _check_cache():
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "ok", timeout=10)
    if cache.get(key) != "ok":
        raise RuntimeError("cache did not return the value written")
    cache.delete(key)


def _check_broker():
    # Not at the top: the Celery app loads every app's tasks, which the URLconf need not.
    from config.celery_app import app

    with app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, timeout=2)


def _checks():
    checks = {"database": _check_database, "cache": _check_cache}
    if settings.REDIS_URL:
        checks["broker"] = _check_broker
    return checks


@never_cache
def healthz(request):
    results, down = {}, []
    for name, check in _checks().items():
        try:
            check()
        except Exception as exc:  # noqa: BLE001 - any failure means "down"
            results[name] = {"status": "down", "error": exc.__class__.__name__}
            down.append(name)
        else:
            results[name] = {"status": "ok"}
    body = {"status": "down" if down else "ok", "down": down, "checks": results}
    if settings.REDIS_URL and "cache" not in down:
        # Beside its use, like the broker check: the tasks module pulls in Celery.
        from accounts.tasks import HEARTBEAT_KEY

        body["worker_last_seen"] = cache.get(HEARTBEAT_KEY)
    return JsonResponse(body, status=503 if down else 200)
