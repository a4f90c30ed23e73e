"""Batches through the task queue (inline here; a real worker in test_issuance_worker.py)."""

import datetime as dt
from dataclasses import dataclass

import pytest
from celery.signals import worker_ready

from django.core import mail
from django.utils import timezone

from certificates import services
from certificates.models import Certificate, IssuanceBatch, IssuanceItem
from certificates.services import batches
from certificates.tasks import issue_item
from tests.baseline import ensure_baseline
from tests.certificates.factories import CertificateTemplateFactory
from tests.factories import CohortFactory, EnrolmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def learners(cohort, template):
    return [EnrolmentFactory(cohort=cohort) for _ in range(3)]


def test_a_cohort_batch_issues_to_every_eligible_learner_and_emails_them(
    cohort, learners, completion_rule, coordinator, django_capture_on_commit_callbacks
):
    completion_rule.add(learners[2].pk)
    with django_capture_on_commit_callbacks(execute=True):
        batch = services.batch_start(cohort=cohort, requested_by=coordinator)
    batch.refresh_from_db()
    assert (batch.total, batch.issued, batch.status) == (2, 2, "finished")
    assert set(Certificate.objects.values_list("enrolment", flat=True)) == {
        learners[0].pk,
        learners[1].pk,
    }
    assert all(c.pdf for c in Certificate.objects.all())
    assert len(mail.outbox) == 2
    message = mail.outbox[0]
    assert message.attachments[0][2] == "application/pdf"
    assert "/verify/" in message.body and "ประกาศนียบัตร" in message.subject


def test_running_a_batch_twice_issues_nothing_twice(
    cohort, learners, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.batch_start(cohort=cohort)
    with django_capture_on_commit_callbacks(execute=True):
        second = services.batch_start(cohort=cohort)
    assert second.total == 0 and second.status == "finished"
    assert Certificate.objects.count() == 3
    assert len(mail.outbox) == 3


def test_a_second_press_while_running_joins_the_running_batch(cohort, learners):
    first = services.batch_start(cohort=cohort)  # on_commit not run: still running
    second = services.batch_start(cohort=cohort)
    assert first == second and IssuanceBatch.objects.count() == 1


def test_an_item_is_claimed_by_one_worker_only(cohort, learners):
    batch = services.batch_start(cohort=cohort)
    item = batch.items.first()
    assert services.item_claim(item_id=item.pk) is not None
    assert services.item_claim(item_id=item.pk) is None


def test_only_the_task_that_holds_a_claim_takes_it_back_before_it_is_stale(cohort, learners):
    item = services.batch_start(cohort=cohort).items.first()
    assert services.item_claim(item_id=item.pk, task_id="t-1", worker="w1@host")
    assert services.item_claim(item_id=item.pk, task_id="t-2", worker="w2@host") is None
    assert services.item_claim(item_id=item.pk) is None
    again = services.item_claim(item_id=item.pk, task_id="t-1", worker="w1@host")
    assert (again.claim_task_id, again.claimed_by) == ("t-1", "w1@host")


def test_a_task_retried_after_an_os_error_finishes_its_item(cohort, learners, monkeypatch):
    item = services.batch_start(cohort=cohort).items.first()
    store = services.certificate_store_pdf
    failures = [OSError("storage unavailable")]

    def store_failing_once(*, certificate):
        if failures:
            raise failures.pop()
        return store(certificate=certificate)

    # item_process looks the name up in its own module, so the patch goes there.
    monkeypatch.setattr(batches, "certificate_store_pdf", store_failing_once)
    # autoretry sends the task again under the same id; eagerly, apply() runs it.
    assert issue_item.apply(args=[item.pk], throw=False).get() == IssuanceItem.Status.ISSUED
    assert not failures and Certificate.objects.get().pdf


@dataclass(frozen=True)
class Consumer:
    """What Celery's worker_ready sends: the worker's consumer, named by its node."""

    hostname: str


@pytest.mark.django_db(transaction=True)
def test_a_restarted_worker_releases_its_earlier_claims_and_requeues_the_batch():
    ensure_baseline()  # a transactional test starts from flushed tables
    CertificateTemplateFactory()
    cohort = CohortFactory()
    batch = IssuanceBatch.objects.create(cohort=cohort, total=3)
    first, second, third = (
        IssuanceItem.objects.create(batch=batch, enrolment=EnrolmentFactory(cohort=cohort))
        for _ in range(3)
    )
    services.item_claim(item_id=first.pk, task_id="dead", worker="w1@host")
    services.item_claim(item_id=second.pk, task_id="alive", worker="w2@host")

    worker_ready.send(sender=Consumer(hostname="w1@host"))  # w1 started again

    batch.refresh_from_db()
    assert {i.pk: i.status for i in batch.items.exclude(pk=second.pk)} == {
        first.pk: IssuanceItem.Status.ISSUED,
        third.pk: IssuanceItem.Status.ISSUED,
    }
    assert batch.items.get(pk=second.pk).claimed_by == "w2@host"  # not w1's to release
    assert (batch.issued, batch.status) == (2, IssuanceBatch.Status.RUNNING)
    with pytest.raises(ValueError):
        services.batch_resume_after_restart(worker="")


def test_a_stale_claim_is_taken_over_and_finishes_without_duplicates(
    cohort, learners, django_capture_on_commit_callbacks
):
    batch = services.batch_start(cohort=cohort)
    items = list(batch.items.order_by("id"))
    # A worker claimed item 0, issued its certificate, then died before recording it.
    services.item_claim(item_id=items[0].pk)
    services.certificate_issue(enrolment=items[0].enrolment)
    IssuanceItem.objects.filter(pk=items[0].pk).update(
        claimed_at=timezone.now() - dt.timedelta(hours=1)
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.batch_sweep()
    batch.refresh_from_db()
    assert (batch.issued, batch.skipped, batch.failed, batch.status) == (3, 0, 0, "finished")
    assert sorted(Certificate.objects.values_list("serial_number", flat=True)) == [1, 2, 3]


def test_issuing_to_one_non_eligible_learner_needs_a_reason(
    cohort, learners, completion_rule, coordinator, django_capture_on_commit_callbacks
):
    completion_rule.add(learners[0].pk)
    with pytest.raises(services.NotEligible):
        services.batch_start_one(enrolment=learners[0], requested_by=coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        services.batch_start_one(
            enrolment=learners[0], requested_by=coordinator, override_reason="ลาป่วยมีใบรับรอง"
        )
    certificate = Certificate.objects.get(enrolment=learners[0])
    assert certificate.override_reason == "ลาป่วยมีใบรับรอง" and not certificate.eligible_at_issue


def test_a_revoked_holder_is_not_reissued_by_a_cohort_batch(
    cohort, learners, django_capture_on_commit_callbacks
):
    certificate, _ = services.certificate_issue(enrolment=learners[0])
    services.certificate_revoke(certificate=certificate, reason="ออกผิด")
    with django_capture_on_commit_callbacks(execute=True):
        batch = services.batch_start(cohort=cohort)
    assert batch.total == 2
    assert not Certificate.objects.filter(enrolment=learners[0], status="valid").exists()


def test_a_holder_whose_email_was_lost_gets_it_from_the_sweep_once(cohort, learners):
    """The mail server was down longer than the email task's retries lasted."""
    lost, sent, revoked = (services.certificate_issue(enrolment=e)[0] for e in learners)
    Certificate.objects.filter(pk=sent.pk).update(emailed_at=timezone.now())
    services.certificate_revoke(certificate=revoked, reason="ทดสอบ")
    now = timezone.now()
    assert services.certificates_email_stale(now=now + dt.timedelta(minutes=1)) == 0  # in flight
    assert services.certificates_email_stale(now=now + dt.timedelta(days=90)) == 0  # archive
    assert services.certificates_email_stale(now=now + dt.timedelta(minutes=30)) == 1
    assert [m.to for m in mail.outbox] == [[lost.holder.email]]
    assert mail.outbox[0].attachments[0][2] == "application/pdf"
    assert services.certificates_email_stale(now=now + dt.timedelta(minutes=40)) == 0
    assert len(mail.outbox) == 1
