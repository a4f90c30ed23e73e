"""Bulk issuance survives a real worker process killed in the middle of a batch.

The worker is a subprocess (prefork, one pool child) on the test database and
Redis, started as it is in production. The tests SIGKILL its pool child, or the
whole worker, while an item is claimed; the batch must then finish on its own
(no sweep from the test, no beat running) well inside CERTIFICATE_CLAIM_TIMEOUT,
with one certificate per learner, gap-free serials and every PDF stored.
"""

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest

from django.conf import settings
from django.db import connection

from certificates import services
from certificates.models import Certificate, IssuanceBatch, IssuanceItem
from config.celery_app import app
from tests.baseline import ensure_baseline
from tests.certificates.factories import CertificateTemplateFactory
from tests.factories import CohortFactory, EnrolmentFactory

pytestmark = pytest.mark.django_db(transaction=True)
N = 6
NODE = f"kill-test@{socket.gethostname()}"
ROOT = Path(__file__).resolve().parents[2]
DEADLINE = 60  # seconds; CERTIFICATE_CLAIM_TIMEOUT (120) must not be what recovers


def _database_url() -> str:
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
            "DATABASE_URL": _database_url(),
            "REDIS_URL": redis_url,
            "PMS_TEST_TMP": settings.TEST_TMP,
            "CELERY_TASK_ALWAYS_EAGER": "false",
        }

    def start(self) -> subprocess.Popen:
        command = [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=prefork",
                   "--concurrency=1", "-n", "kill-test@%h", "--loglevel=INFO"]  # fmt: skip
        lines_before = len(self.log().splitlines())
        with self.log_path.open("a") as log:
            process = subprocess.Popen(  # noqa: S603
                command, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True,
            )  # fmt: skip
        self.processes.append(process)

        def ready():
            assert process.poll() is None, f"the worker exited\n{self.log()}"
            return any(" ready." in line for line in self.log().splitlines()[lines_before:])

        self.wait_for(ready, "the worker to be ready")
        return process

    def log(self) -> str:
        return self.log_path.read_text() if self.log_path.exists() else ""

    def wait_for(self, condition, what: str, timeout: float = DEADLINE):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if result := condition():
                return result
            time.sleep(0.1)
        raise AssertionError(f"timed out waiting for {what}\n--- worker log ---\n{self.log()}")

    def pool_child(self, process: subprocess.Popen) -> int:
        children = [
            int(pid)
            for task in Path(f"/proc/{process.pid}/task").iterdir()
            for pid in (task / "children").read_text().split()
        ]
        assert len(children) == 1, children  # --concurrency=1
        return children[0]

    def stop_holding_a_claim(self, process: subprocess.Popen, batch) -> IssuanceItem:
        """SIGSTOP the pool child at a moment it holds a claim, once two are issued.

        Stopped, it commits nothing more, so a claim seen now is the one it dies
        holding: a kill rolls back whatever it had not committed.
        """
        child = self.pool_child(process)

        def stopped_with_claim():
            batch.refresh_from_db()
            if batch.issued < 2:
                return None
            os.kill(child, signal.SIGSTOP)
            claimed = batch.items.filter(status=IssuanceItem.Status.CLAIMED).first()
            if claimed is None:  # between two items: let it go on
                os.kill(child, signal.SIGCONT)
            return claimed

        return self.wait_for(stopped_with_claim, "a claim after two issued")

    def kill(self, process: subprocess.Popen) -> None:
        """SIGKILL the worker and its pool children: no shutdown code runs."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)

    def kill_all(self) -> None:
        for process in self.processes:
            self.kill(process)


@pytest.fixture
def worker(redis_url, postgres, tmp_path):
    saved = app.conf.task_always_eager, app.conf.broker_url
    app.conf.task_always_eager, app.conf.broker_url = False, redis_url
    app.control.purge()  # messages earlier tests left in the shared queue
    workers = Worker(redis_url, tmp_path / "worker.log")
    try:
        yield workers
    finally:
        workers.kill_all()
        app.control.purge()
        app.conf.task_always_eager, app.conf.broker_url = saved


@pytest.fixture
def cohort_of_learners():
    ensure_baseline()
    CertificateTemplateFactory()
    cohort = CohortFactory()
    return cohort, [EnrolmentFactory(cohort=cohort) for _ in range(N)]


def _finished(batch) -> bool:
    batch.refresh_from_db()
    return batch.status == IssuanceBatch.Status.FINISHED


def _assert_each_learner_has_one_certificate(cohort, enrolments, batch):
    certificates = Certificate.objects.filter(cohort=cohort)
    assert sorted(certificates.values_list("enrolment", flat=True)) == sorted(
        e.pk for e in enrolments
    )
    assert sorted(certificates.values_list("serial_number", flat=True)) == list(range(1, N + 1))
    assert all(c.pdf and c.pdf.storage.exists(c.pdf.name) for c in certificates)
    assert (batch.total, batch.issued, batch.skipped, batch.failed) == (N, N, 0, 0)
    assert not batch.items.exclude(status=IssuanceItem.Status.ISSUED).exists()


def test_a_batch_finishes_by_itself_when_the_pool_child_is_killed_mid_item(
    cohort_of_learners, worker
):
    cohort, enrolments = cohort_of_learners
    process = worker.start()
    batch = services.batch_start(cohort=cohort)
    claimed = worker.stop_holding_a_claim(process, batch)
    assert claimed.claimed_by == NODE
    killed_at = time.monotonic()
    os.kill(worker.pool_child(process), signal.SIGKILL)

    worker.wait_for(lambda: _finished(batch), "the batch to finish")
    assert time.monotonic() - killed_at < settings.CERTIFICATE_CLAIM_TIMEOUT
    log = worker.log()
    assert "Worker exited prematurely: signal 9 (SIGKILL)" in log
    # The message came back with the same task id and took its own claim back.
    assert log.count(f"issue_item[{claimed.claim_task_id}] received") == 2, log
    assert batch.items.get(claim_task_id=claimed.claim_task_id).status == "issued"
    _assert_each_learner_has_one_certificate(cohort, enrolments, batch)


def test_a_batch_finishes_when_the_killed_worker_is_started_again(cohort_of_learners, worker):
    cohort, enrolments = cohort_of_learners
    process = worker.start()
    batch = services.batch_start(cohort=cohort)
    claimed = worker.stop_holding_a_claim(process, batch)
    worker.kill(process)
    claimed.refresh_from_db()
    assert (claimed.status, claimed.claimed_by) == (IssuanceItem.Status.CLAIMED, NODE)

    killed_at = time.monotonic()
    worker.start()  # under the same node name, as a process manager restarts it
    worker.wait_for(lambda: _finished(batch), "the batch to finish")
    assert time.monotonic() - killed_at < settings.CERTIFICATE_CLAIM_TIMEOUT
    assert f"Issuance resumed on {NODE}: 1 claim(s) released" in worker.log()
    claimed.refresh_from_db()
    assert claimed.status == IssuanceItem.Status.ISSUED
    _assert_each_learner_has_one_certificate(cohort, enrolments, batch)
