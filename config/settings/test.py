"""Settings for the test suite: fast hashing, emails kept in memory.

DATABASE_URL and REDIS_URL still switch to the real services, so CI runs the
suite against PostgreSQL and Redis.
"""

import os
import tempfile

from config.env import env_bool


def _redis_database_per_test_worker() -> None:
    """Under pytest-xdist (`make test` runs two workers) each worker takes its own Redis
    database, next after REDIS_URL's: the workers' caches, rate-limit counters and Celery
    queues never meet. Processes a test starts inherit the shifted address once."""
    url, worker = os.environ.get("REDIS_URL"), os.environ.get("PYTEST_XDIST_WORKER", "")
    if not url or not worker.startswith("gw") or os.environ.get("PMS_REDIS_PER_WORKER"):
        return
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    base = int(parts.path.strip("/") or 0)
    database = (base + int(worker[2:])) % 16
    os.environ["REDIS_URL"] = urlunsplit(parts._replace(path=f"/{database}"))
    os.environ["PMS_REDIS_PER_WORKER"] = "1"


_redis_database_per_test_worker()

from .base import *  # noqa: E402, F403

DEBUG = False
SECRET_KEY = "test-secret-key-that-is-long-enough-for-signing-0123456789"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# A worker subprocess's emails go to files the test reads
# (tests/cohorts/test_notices_worker_killed.py).
if os.environ.get("PMS_TEST_EMAIL_DIR"):
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = os.environ["PMS_TEST_EMAIL_DIR"]
# A drill that must stop a worker between two tasks (tests/assignments/
# test_review_notify_worker_killed.py) has the worker pause PMS_TEST_TASK_PAUSE seconds
# after each task, as a busy worker would: on an idle machine one-email tasks take a
# millisecond and a whole queue could go out between two of the drill's polls.
if os.environ.get("PMS_TEST_TASK_PAUSE"):
    import time

    from celery.signals import task_postrun

    def _pause_after_task(**kwargs):
        time.sleep(float(os.environ["PMS_TEST_TASK_PAUSE"]))

    task_postrun.connect(_pause_after_task, weak=False)
MFA_REQUIRED_FOR_STAFF = False
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = True
ALLOWED_HOSTS = ["*"]
# Tasks run inline unless a test starts a real worker (tests/config/test_celery_worker.py);
# a worker started as a subprocess sets this false, so what it queues goes to Redis.
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", True)
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# A worker subprocess started by a test shares the test's files and signing keys
# by inheriting PMS_TEST_TMP (tests/certificates/test_worker_killed.py).
_tmp = os.environ.get("PMS_TEST_TMP") or tempfile.mkdtemp(prefix="pms-test-")
TEST_TMP = _tmp
MEDIA_ROOT = f"{_tmp}/media"
PRIVATE_MEDIA_ROOT = f"{_tmp}/private"
STORAGES["private"]["OPTIONS"]["location"] = PRIVATE_MEDIA_ROOT  # noqa: F405
ACCOUNT_RATE_LIMITS = False
# The suite logs in as the demo people with this password, whatever the shell exports
# (the README invites DEMO_PASSWORD before `make run`).
DEMO_PASSWORD = "pms-demo-2565"  # noqa: S105 - demo only
CERTIFICATE_GENERATE_KEYS = True
CERTIFICATE_KEYS_DIR = f"{_tmp}/keys"
CERTIFICATE_LOOKUPS_PER_MINUTE = 1000
CERTIFICATE_MISSES_PER_MINUTE = 1000
DEMO_DATA_ALLOWED = True
# Redis outlives each test's rolled-back pages: the page cache is off unless a test
# turns it on (tests/cms/test_page_cache.py).
PAGE_CACHE_SECONDS = 0
