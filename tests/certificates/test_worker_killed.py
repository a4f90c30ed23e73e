"""Bulk issuance survives a real worker process killed in the middle of a batch.

The worker is a subprocess (prefork, one pool child) on the test database and
Redis, started as it is in production. The tests SIGKILL its pool child, or the
whole worker, while an item is claimed; the batch must then finish on its own
(no sweep from the test, no beat running) well inside CERTIFICATE_CLAIM_TIMEOUT,
with one certificate per learner, gap-free serials and every PDF stored.
"""

import os
import signal
import socket
import time

import pytest

from django.conf import settings

from certificates import services
from certificates.models import Certificate, IssuanceBatch, IssuanceItem
from tests.baseline import ensure_baseline
from tests.certificates.factories import CertificateTemplateFactory
from tests.factories import CohortFactory, EnrolmentFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.timeout(600)]
N = 6
NAME = "kill-test"
NODE = f"{NAME}@{socket.gethostname()}"
DEADLINE = 60  # seconds; CERTIFICATE_CLAIM_TIMEOUT (120) must not be what recovers


def _pool_child(worker, process) -> int:
    children = worker.pool_children(process)
    assert len(children) == 1, children  # --concurrency=1
    return children[0]


def _stop_holding_a_claim(worker, process, batch) -> IssuanceItem:
    """SIGSTOP the pool child at a moment it holds a claim, once two are issued.

    Stopped, it commits nothing more, so a claim seen now is the one it dies
    holding: a kill rolls back whatever it had not committed.
    """
    child = _pool_child(worker, process)

    def stopped_with_claim():
        batch.refresh_from_db()
        if batch.issued < 2:
            return None
        os.kill(child, signal.SIGSTOP)
        claimed = batch.items.filter(status=IssuanceItem.Status.CLAIMED).first()
        if claimed is None:  # between two items: let it go on
            os.kill(child, signal.SIGCONT)
        return claimed

    return worker.wait_for(stopped_with_claim, "a claim after two issued", DEADLINE)


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
    process = worker.start(NAME)
    batch = services.batch_start(cohort=cohort)
    claimed = _stop_holding_a_claim(worker, process, batch)
    assert claimed.claimed_by == NODE
    killed_at = time.monotonic()
    os.kill(_pool_child(worker, process), signal.SIGKILL)

    worker.wait_for(lambda: _finished(batch), "the batch to finish", DEADLINE)
    assert time.monotonic() - killed_at < settings.CERTIFICATE_CLAIM_TIMEOUT
    log = worker.log()
    assert "Worker exited prematurely: signal 9 (SIGKILL)" in log
    # The message (a chunk of items) came back with the same task id and took its own
    # claims back.
    assert log.count(f"issue_items[{claimed.claim_task_id}] received") == 2, log
    chunk = batch.items.filter(claim_task_id=claimed.claim_task_id)
    assert set(chunk.values_list("status", flat=True)) == {"issued"}
    _assert_each_learner_has_one_certificate(cohort, enrolments, batch)


def test_a_batch_finishes_when_the_killed_worker_is_started_again(cohort_of_learners, worker):
    cohort, enrolments = cohort_of_learners
    process = worker.start(NAME)
    batch = services.batch_start(cohort=cohort)
    claimed = _stop_holding_a_claim(worker, process, batch)
    worker.kill(process)
    claimed.refresh_from_db()
    assert (claimed.status, claimed.claimed_by) == (IssuanceItem.Status.CLAIMED, NODE)
    held = batch.items.filter(status=IssuanceItem.Status.CLAIMED, claimed_by=NODE).count()
    assert held >= 1  # the rest of its chunk, claimed with it

    killed_at = time.monotonic()
    worker.start(NAME)  # under the same node name, as a process manager restarts it
    worker.wait_for(lambda: _finished(batch), "the batch to finish", DEADLINE)
    assert time.monotonic() - killed_at < settings.CERTIFICATE_CLAIM_TIMEOUT
    assert f"Issuance resumed on {NODE}: {held} claim(s) released" in worker.log()
    claimed.refresh_from_db()
    assert claimed.status == IssuanceItem.Status.ISSUED
    _assert_each_learner_has_one_certificate(cohort, enrolments, batch)
