"""Real Celery workers for tests: tasks leave this process for Redis.

The test settings run tasks inline (CELERY_TASK_ALWAYS_EAGER). `tasks_to_broker`
switches that off for this whole process, the live server's thread included.
Celery decides from `app.conf`, read from the settings once and then kept, so
both are changed and both are restored.

`Worker` starts `celery worker` subprocesses as production does, on this test's
PostgreSQL database, files and signing keys, logging to one file.
"""

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

from kombu.exceptions import OperationalError
from redis.exceptions import ConnectionError as RedisConnectionError

from django.conf import settings
from django.db import connection
from django.test import override_settings

from config.celery_app import app
from tests.spare import SpareRedis

ROOT = Path(__file__).resolve().parents[1]
CONF_KEYS = ("task_always_eager", "broker_url", "result_backend")


def _forget_connections() -> None:
    """Celery keeps its broker pool, producer pool and result backend once made, bound to
    the URL of that moment: without this, a test after one on a spare Redis (stopped at
    its end) would still publish to the spare's dead port."""
    app._pool = None  # kombu keeps the pool itself, per URL, for the next one on that URL
    app.amqp._producer_pool = None
    vars(app._local).pop("backend", None)


@contextlib.contextmanager
def tasks_to_broker(redis_url: str) -> Iterator[None]:
    """Inside the block `.delay()` queues on Redis; the queue is emptied on both ends."""
    saved = {key: app.conf[key] for key in CONF_KEYS}
    app.conf.update(task_always_eager=False, broker_url=redis_url, result_backend=redis_url)
    _forget_connections()
    try:
        with override_settings(
            CELERY_TASK_ALWAYS_EAGER=False,
            CELERY_BROKER_URL=redis_url,
            CELERY_RESULT_BACKEND=redis_url,
        ):
            app.control.purge()  # messages earlier tests left in the shared queue
            try:
                yield
            finally:  # a drill may leave its Redis stopped: nothing is left to purge then
                with contextlib.suppress(RedisConnectionError, OperationalError):
                    app.control.purge()
    finally:
        app.conf.update(saved)
        _forget_connections()


@contextlib.contextmanager
def spare_redis_for_everything(tmp_path: Path, test_settings) -> Iterator[SpareRedis]:
    """A redis-server of the test's own as broker and cache (pytest-django's `settings`),
    stopped at the end whatever state the test left it in."""
    redis = SpareRedis(tmp_path)
    redis.start()
    test_settings.REDIS_URL = redis.url
    test_settings.CACHES = {
        "default": {"BACKEND": "core.caching.TolerantRedisCache", "LOCATION": redis.url}
    }
    try:
        with tasks_to_broker(redis.url):
            yield redis
    finally:
        redis.stop()


def database_url() -> str:
    """The test database this process uses, so the worker sees the committed rows."""
    db = connection.settings_dict
    auth = quote(db["USER"] or "")
    if db["PASSWORD"]:
        auth += f":{quote(db['PASSWORD'])}"
    host, port = db["HOST"] or "127.0.0.1", db["PORT"] or 5432
    return f"postgres://{auth}@{host}:{port}/{db['NAME']}"


class Worker:
    """`celery worker` subprocesses in their own process groups, logging to one file."""

    def __init__(self, redis_url: str, log_path: Path):
        self.log_path = log_path
        self.processes: list[subprocess.Popen] = []
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "DATABASE_URL": database_url(),
            "REDIS_URL": redis_url,
            "PMS_TEST_TMP": settings.TEST_TMP,
            "CELERY_TASK_ALWAYS_EAGER": "false",
        }

    def start(self, name: str, *, concurrency: int = 1, wait: bool = True) -> subprocess.Popen:
        """Start a prefork worker named `name@<host>`; by default, return once it consumes."""
        command = [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "config",
            "worker",
            "--pool=prefork",
            f"--concurrency={concurrency}",
            "-n",
            f"{name}@%h",
            "--loglevel=INFO",
        ]
        with self.log_path.open("a") as log:
            process = subprocess.Popen(  # noqa: S603
                command,
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.processes.append(process)
        if wait:
            self.wait_until_ready(process)
        return process

    def wait_until_ready(self, process: subprocess.Popen) -> None:
        """Each worker started logs one "ready." line; the n-th started waits for n."""
        started = self.processes.index(process) + 1

        def ready():
            assert process.poll() is None, f"the worker exited\n{self.log()}"
            return sum(" ready." in line for line in self.log().splitlines()) >= started

        # Start-up imports the whole platform: slow on a busy 2-core machine.
        self.wait_for(ready, "the worker to be ready", timeout=180)

    def log(self) -> str:
        return self.log_path.read_text() if self.log_path.exists() else ""

    def wait_for(self, condition, what: str, timeout: float = 60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if result := condition():
                return result
            time.sleep(0.1)
        raise AssertionError(f"timed out waiting for {what}\n--- worker log ---\n{self.log()}")

    def pool_children(self, process: subprocess.Popen) -> list[int]:
        return [
            int(pid)
            for task in Path(f"/proc/{process.pid}/task").iterdir()
            for pid in (task / "children").read_text().split()
        ]

    def kill(self, process: subprocess.Popen) -> None:
        """SIGKILL the worker and its pool children: no shutdown code runs."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)

    def kill_all(self) -> None:
        for process in self.processes:
            self.kill(process)
