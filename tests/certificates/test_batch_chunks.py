"""A batch is issued in chunks: one task and one issuing transaction per chunk of items.

What a coordinator relies on stays per learner: one certificate each, gap-free serial
numbers, a refused learner failing alone, and the work of a chunk's cost not growing
with a query per check for each learner (#16 item 5).
"""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings

from certificates import services
from certificates.models import Certificate, IssuanceItem
from certificates.services import batches, issuing
from cohorts.models import Enrolment
from tests.factories import EnrolmentFactory

pytestmark = pytest.mark.django_db


def _queued_chunks(monkeypatch) -> list[list[int]]:
    chunks: list[list[int]] = []
    monkeypatch.setattr(batches, "enqueue", lambda task, ids: chunks.append(ids) or True)
    return chunks


@override_settings(CERTIFICATE_ISSUE_CHUNK=20)
def test_a_batch_is_queued_in_chunks_that_cover_every_item_once(cohort, template, monkeypatch):
    EnrolmentFactory.create_batch(50, cohort=cohort)
    chunks = _queued_chunks(monkeypatch)
    batch = services.batch_start(cohort=cohort)
    assert services.batch_enqueue(batch=batch) == 50
    assert max(len(chunk) for chunk in chunks) <= 20
    assert sorted(i for chunk in chunks for i in chunk) == sorted(
        batch.items.values_list("id", flat=True)
    )


def test_a_small_batch_is_spread_over_several_chunks_for_several_workers(
    cohort, template, monkeypatch
):
    EnrolmentFactory.create_batch(6, cohort=cohort)
    chunks = _queued_chunks(monkeypatch)
    services.batch_enqueue(batch=services.batch_start(cohort=cohort))
    assert len(chunks) >= 3


def test_a_chunk_issues_each_learner_one_certificate_with_consecutive_serials(cohort, template):
    enrolments = EnrolmentFactory.create_batch(5, cohort=cohort)
    Enrolment.objects.filter(pk=enrolments[3].pk).update(status=Enrolment.Status.WITHDRAWN)
    batch = services.batch_start(cohort=cohort)  # queued on commit: not run here
    items = list(batch.items.order_by("id"))

    done = services.items_process(item_ids=[i.pk for i in items], task_id="t-1", worker="w@h")

    assert len(done) == len(items) == 4  # the withdrawn one was never eligible for the batch
    issued = Certificate.objects.filter(cohort=cohort)
    assert sorted(issued.values_list("serial_number", flat=True)) == [1, 2, 3, 4]
    assert all(c.pdf for c in issued)
    batch.refresh_from_db()
    assert (batch.issued, batch.failed, batch.status) == (4, 0, "finished")


def test_a_refused_learner_fails_alone_and_the_rest_of_the_chunk_is_issued(cohort, template):
    enrolments = EnrolmentFactory.create_batch(3, cohort=cohort)
    batch = services.batch_start(cohort=cohort)
    # Withdrawn after the batch was started: only that learner's item fails.
    Enrolment.objects.filter(pk=enrolments[1].pk).update(status=Enrolment.Status.WITHDRAWN)

    done = services.items_process(item_ids=list(batch.items.values_list("id", flat=True)))

    statuses = {item.enrolment_id: item.status for item in done}
    assert statuses == {
        enrolments[0].pk: IssuanceItem.Status.ISSUED,
        enrolments[1].pk: IssuanceItem.Status.FAILED,
        enrolments[2].pk: IssuanceItem.Status.ISSUED,
    }
    assert sorted(Certificate.objects.values_list("serial_number", flat=True)) == [1, 2]
    batch.refresh_from_db()
    assert (batch.issued, batch.failed, batch.status) == (2, 1, "finished")


def test_items_another_worker_holds_are_left_to_it(cohort, template):
    EnrolmentFactory.create_batch(3, cohort=cohort)
    batch = services.batch_start(cohort=cohort)
    first, *rest = batch.items.order_by("id")
    services.item_claim(item_id=first.pk, task_id="other", worker="w2@h")

    done = services.items_process(item_ids=[first.pk, *(i.pk for i in rest)], task_id="t-1")

    assert [i.pk for i in done] == [i.pk for i in rest]
    first.refresh_from_db()
    assert (first.status, first.claim_task_id) == (IssuanceItem.Status.CLAIMED, "other")
    assert Certificate.objects.count() == 2


def _chunk_queries(cohort, learners: int) -> int:
    EnrolmentFactory.create_batch(learners, cohort=cohort)
    batch = services.batch_start(cohort=cohort)
    ids = list(batch.items.values_list("id", flat=True))
    with CaptureQueriesContext(connection) as captured:
        assert len(services.items_process(item_ids=ids, task_id="t")) == learners
    return len(captured)


def test_each_further_learner_in_a_chunk_costs_a_handful_of_queries(template):
    from tests.factories import CohortFactory

    two = _chunk_queries(CohortFactory(), 2)
    twelve = _chunk_queries(CohortFactory(), 12)
    # Per further learner: its claim, the claim renewed, the PDF recorded, the item and
    # the batch's count (one transaction) and the LINE choice read. The lock, the
    # completion checks, serials, codes and the insert are once per chunk.
    assert (twelve - two) / 10 <= 9, (two, twelve)


def test_a_code_drawn_by_a_concurrent_worker_is_drawn_again(cohort, template, monkeypatch):
    enrolment, other = EnrolmentFactory.create_batch(2, cohort=cohort)
    first, _ = services.certificate_issue(enrolment=other)
    real = issuing._unused_codes
    draws = []

    def first_draw_collides(count):
        codes_taken = real(count)
        if draws:
            return codes_taken
        draws.append(count)
        # As if another worker had inserted this index between the check and the insert.
        return lambda field: (
            first.status_list_index if field == "status_list_index" else (codes_taken(field))
        )

    monkeypatch.setattr(issuing, "_unused_codes", first_draw_collides)
    certificate, created = services.certificate_issue(enrolment=enrolment)
    assert created and certificate.status_list_index != first.status_list_index
    assert certificate.serial_number == 2  # the refused attempt took no serial number


def test_a_message_naming_items_of_two_batches_issues_both(cohort, template):
    from tests.factories import CohortFactory

    other_cohort = CohortFactory()
    EnrolmentFactory(cohort=cohort)
    EnrolmentFactory(cohort=other_cohort)
    first = services.batch_start(cohort=cohort)
    second = services.batch_start(cohort=other_cohort)
    ids = [*first.items.values_list("id", flat=True), *second.items.values_list("id", flat=True)]

    done = services.items_process(item_ids=ids)

    assert {item.status for item in done} == {IssuanceItem.Status.ISSUED}
    assert set(Certificate.objects.values_list("cohort", flat=True)) == {
        cohort.pk,
        other_cohort.pk,
    }
