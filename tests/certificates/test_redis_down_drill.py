"""Redis stopped in the middle of issuance, a real worker running: the batches finish by themselves.

docs/operations.md, "Redis stops". The test starts its own redis-server (tests/spare.py)
and a `celery worker` on it, starts a cohort's batch as the admin "issue" action does,
and kills Redis once two certificates are out. While it is down a coordinator presses
"issue" for a second cohort through the real admin view. Redis is started again on the
same port *empty* (no persistence, as a restarted Redis without it): every queued and
reserved message is gone, only the database rows remain. Nothing is restarted and no
beat runs: the worker reconnects and queues the pending rows again itself
(core.queue.broker_reconnected). Every learner gets one certificate, serials run 1..N
per cohort, every holder finds exactly one email.

The issue's stop is 60 s: `PMS_DRILL_REDIS_DOWN=60`. CI stops it for 15 s, which already
outlasts the worker's first reconnection attempts (Celery retries every 2, 4, 6... s).
"""

import os
import time

import pytest

from django.utils import translation

from certificates import services
from certificates.models import Certificate, IssuanceBatch, IssuanceItem
from tests.baseline import ensure_baseline
from tests.certificates.factories import CertificateTemplateFactory
from tests.cohorts.test_notices_worker_killed import _recipients
from tests.factories import CohortFactory, EnrolmentFactory, UserFactory
from tests.workers import Worker, spare_redis_for_everything

N, M = 8, 3  # learners of the cohort issued when Redis stops, of the one pressed while down
DOWN = int(os.environ.get("PMS_DRILL_REDIS_DOWN", "15"))  # seconds Redis stays stopped
DEADLINE = 90 + 3 * (N + M)  # seconds after Redis is back: reconnect (≤ 30 s) and the rest
BASE = "/admin/issued-certificates"
FIRST_TWO = 120  # seconds: the first certificates pay for fonts and keys on a busy machine
# One worker start-up (180 s at most), the first two certificates, the stop, the rest.
pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.timeout(180 + FIRST_TWO + DOWN + DEADLINE),
]


@pytest.fixture
def spare(tmp_path, settings, postgres):
    """A redis-server of this test's own as broker and cache, and workers on it."""
    with spare_redis_for_everything(tmp_path, settings) as redis:
        workers = Worker(redis.url, tmp_path / "worker.log")
        try:
            yield redis, workers
        finally:
            workers.kill_all()


def _cohort(size):
    cohort = CohortFactory()
    return cohort, [EnrolmentFactory(cohort=cohort) for _ in range(size)]


def _assert_one_certificate_each(cohort, enrolments):
    certificates = Certificate.objects.filter(cohort=cohort)
    assert sorted(certificates.values_list("enrolment", flat=True)) == sorted(
        e.pk for e in enrolments
    )
    serials = sorted(certificates.values_list("serial_number", flat=True))
    assert serials == list(range(1, len(enrolments) + 1))


def test_batches_finish_by_themselves_once_each_after_redis_stops_and_comes_back_empty(
    spare, client, tmp_path
):
    redis, worker = spare
    ensure_baseline()
    CertificateTemplateFactory()
    (first, first_learners), (second, second_learners) = _cohort(N), _cohort(M)
    coordinator = UserFactory(roles=["Coordinator"])
    mail_dir = tmp_path / "mail"
    mail_dir.mkdir()
    worker.env["PMS_TEST_EMAIL_DIR"] = str(mail_dir)
    worker.start("redis-drill")

    batch = services.batch_start(cohort=first, requested_by=coordinator)

    def two_issued():
        batch.refresh_from_db()
        return batch.issued >= 2

    worker.wait_for(two_issued, "two certificates before Redis stops", FIRST_TWO)
    redis.stop()
    stopped_at = time.monotonic()
    batch.refresh_from_db()
    assert batch.issued < N, "the batch finished before Redis stopped: the drill proved nothing"

    # The coordinator's press while Redis is down: recorded, told it waits, no 500.
    client.force_login(coordinator)
    with translation.override("th"):
        response = client.post(f"{BASE}/cohort/{second.pk}/issue/", follow=True)
    assert response.status_code == 200
    assert "ระบบคิวงานยังไม่พร้อมใช้งาน" in response.content.decode()
    pressed = IssuanceBatch.objects.get(cohort=second)
    assert pressed.total == M
    assert pressed.items.filter(status=IssuanceItem.Status.PENDING).count() == M

    time.sleep(max(0.0, DOWN - (time.monotonic() - stopped_at)))
    redis.start()  # same port, empty: the queued and reserved messages are gone
    back_at = time.monotonic()

    def done():
        batches = IssuanceBatch.objects.filter(status=IssuanceBatch.Status.FINISHED)
        emailed = Certificate.objects.filter(emailed_at__isnull=False).count()
        return batches.count() == 2 and emailed == N + M

    worker.wait_for(done, "both batches and their emails after Redis is back", DEADLINE)
    figure = f"Redis down {DOWN} s; all finished {time.monotonic() - back_at:.0f} s after"
    print(f"\n{figure} it was back")  # noqa: T201 - a figure
    _assert_one_certificate_each(first, first_learners)
    _assert_one_certificate_each(second, second_learners)
    for finished in IssuanceBatch.objects.all():
        assert (finished.issued, finished.skipped, finished.failed) == (finished.total, 0, 0)
    assert "Issuance requeued on redis-drill@" in worker.log()
    # emailed_at is set as the send starts: give the last file a moment to be written.
    everyone = first_learners + second_learners
    worker.wait_for(lambda: sum(_recipients(mail_dir).values()) >= N + M, "every email file", 30)
    assert _recipients(mail_dir) == {e.user.email: 1 for e in everyone}
