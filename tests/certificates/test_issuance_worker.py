"""Bulk issuance against a real Celery worker and the real Redis broker."""

import datetime as dt
import threading
import time

import pytest
from celery.contrib.testing.worker import start_worker

from django.db import connection
from django.utils import timezone

from certificates import services
from certificates.models import Certificate, IssuanceBatch, IssuanceItem
from config.celery_app import app
from tests.baseline import ensure_baseline
from tests.certificates.factories import CertificateTemplateFactory
from tests.factories import CohortFactory, EnrolmentFactory
from tests.workers import tasks_to_broker

pytestmark = pytest.mark.django_db(transaction=True)
N = 4


@pytest.fixture
def cohort_of_learners(redis_url):
    ensure_baseline()
    CertificateTemplateFactory()
    cohort = CohortFactory()
    return cohort, [EnrolmentFactory(cohort=cohort) for _ in range(N)]


def _wait_until_finished(batch, timeout=180):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        batch.refresh_from_db()
        if batch.status == IssuanceBatch.Status.FINISHED:
            return batch
        time.sleep(0.3)
    raise AssertionError(f"batch not finished: {batch.done}/{batch.total}")


def _assert_one_gap_free_set(cohort):
    certificates = Certificate.objects.filter(cohort=cohort)
    assert sorted(certificates.values_list("serial_number", flat=True)) == list(range(1, N + 1))
    assert certificates.values("enrolment").distinct().count() == N
    assert all(c.pdf for c in certificates)


def test_a_worker_issues_a_whole_cohort_once_even_when_asked_twice(
    cohort_of_learners, real_worker, mailoutbox
):
    cohort, _ = cohort_of_learners
    batch = _wait_until_finished(services.batch_start(cohort=cohort))
    assert (batch.total, batch.issued, batch.failed) == (N, N, 0)
    again = _wait_until_finished(services.batch_start(cohort=cohort))
    assert again.total == 0
    for item in batch.items.all():  # redelivered messages change nothing
        from certificates.tasks import issue_item

        assert issue_item.delay(item.pk).get(timeout=30) is None
    _assert_one_gap_free_set(cohort)
    deadline = time.monotonic() + 60
    while len(mailoutbox) < N and time.monotonic() < deadline:
        time.sleep(0.3)
    assert sorted(m.to[0] for m in mailoutbox) == sorted(
        Certificate.objects.values_list("holder__email", flat=True)
    )


def test_a_batch_resumes_after_its_worker_died_mid_way(cohort_of_learners, settings, redis_url):
    """State a killed worker leaves behind: one item done, one issued but not recorded,
    one claimed and abandoned mid-render, the rest queued in a broker that lost them."""
    cohort, enrolments = cohort_of_learners
    batch = IssuanceBatch.objects.create(cohort=cohort, total=N)
    items = [IssuanceItem.objects.create(batch=batch, enrolment=e) for e in enrolments]
    services.item_process(item_id=items[0].pk)
    services.item_claim(item_id=items[1].pk)
    services.certificate_issue(enrolment=enrolments[1])
    services.item_claim(item_id=items[2].pk)
    IssuanceItem.objects.filter(pk__in=[items[1].pk, items[2].pk]).update(
        claimed_at=timezone.now() - dt.timedelta(minutes=10)
    )
    with (
        tasks_to_broker(redis_url),
        start_worker(app, perform_ping_check=False, shutdown_timeout=30),
    ):
        services.batch_sweep()  # what celery beat runs every minute
        batch = _wait_until_finished(batch)
    assert (batch.issued, batch.skipped, batch.failed) == (N, 0, 0)
    _assert_one_gap_free_set(cohort)


def test_two_coordinators_pressing_at_once_get_one_batch_and_one_certificate_each(
    cohort_of_learners, postgres
):
    cohort, enrolments = cohort_of_learners
    results, errors = [], []

    def press():
        try:
            results.append(services.batch_start(cohort=cohort).pk)
            results.append(services.certificate_issue(enrolment=enrolments[0])[0].pk)
        except Exception as exc:  # surfaced below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=press) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert IssuanceBatch.objects.filter(cohort=cohort, whole_cohort=True).count() == 1
    assert Certificate.objects.filter(enrolment=enrolments[0]).count() == 1
