"""The graduation drill: a whole worker SIGKILLed in the middle of a batch, a new one started.

Every learner gets one certificate, serials run 1..N with no gap, and every
holder finds exactly one email (the worker writes them to files). CI runs N=20;
the issue's 200 is `PMS_DRILL_CERTIFICATES=200 pytest tests/certificates/test_batch_drill.py`.
"""

import os
import socket
import time

import pytest

from certificates import services
from certificates.models import Certificate, IssuanceBatch
from tests.baseline import ensure_baseline
from tests.certificates.factories import CertificateTemplateFactory
from tests.certificates.test_worker_killed import _stop_holding_a_claim
from tests.cohorts.test_notices_worker_killed import _recipients
from tests.factories import CohortFactory, EnrolmentFactory

N = int(os.environ.get("PMS_DRILL_CERTIFICATES", "20"))
NAME = "drill"
DEADLINE = 60 + 3 * N  # seconds: a loaded 2-core machine renders and signs ~1 a second
# Two worker start-ups (180 s each at most) and the batch: past this the drill fails clearly.
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.timeout(420 + DEADLINE)]


def test_a_batch_finishes_once_each_with_one_email_after_the_worker_is_killed(worker, tmp_path):
    ensure_baseline()
    CertificateTemplateFactory()
    cohort = CohortFactory()
    enrolments = [EnrolmentFactory(cohort=cohort) for _ in range(N)]
    mail_dir = tmp_path / "mail"
    mail_dir.mkdir()
    worker.env["PMS_TEST_EMAIL_DIR"] = str(mail_dir)
    process = worker.start(NAME)
    batch = services.batch_start(cohort=cohort)
    _stop_holding_a_claim(worker, process, batch)
    worker.kill(process)

    started = time.monotonic()
    worker.start(NAME)

    def done():
        batch.refresh_from_db()
        emailed = Certificate.objects.filter(cohort=cohort, emailed_at__isnull=False).count()
        return batch.status == IssuanceBatch.Status.FINISHED and emailed == N

    worker.wait_for(done, "the batch and its emails", DEADLINE)
    print(f"\n{N} certificates finished {time.monotonic() - started:.0f} s after the restart")  # noqa: T201 - a figure
    certificates = Certificate.objects.filter(cohort=cohort)
    assert sorted(certificates.values_list("enrolment", flat=True)) == sorted(
        e.pk for e in enrolments
    )
    assert sorted(certificates.values_list("serial_number", flat=True)) == list(range(1, N + 1))
    assert (batch.issued, batch.skipped, batch.failed) == (N, 0, 0)
    assert f"Issuance resumed on {NAME}@{socket.gethostname()}" in worker.log()
    # emailed_at is set as the send starts: give the last file a moment to be written.
    worker.wait_for(lambda: sum(_recipients(mail_dir).values()) >= N, "every email file", 30)
    assert _recipients(mail_dir) == {e.user.email: 1 for e in enrolments}
