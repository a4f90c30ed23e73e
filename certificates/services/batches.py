"""Batches: who a batch issues to, one queued item per learner, and the claims.

A worker claims an item with a conditional update and stops if no row changed,
so a retry or two workers never issue twice; the sweep and a restarted worker
take back the claims of workers that died.
"""

import datetime as dt
import math
from collections.abc import Sequence

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Q, QuerySet
from django.utils import timezone

from accounts.models import User
from certificates.models import Certificate, IssuanceBatch, IssuanceItem
from certificates.services.delivery import certificate_email_enqueue
from certificates.services.errors import CertificateError, NotEligible
from certificates.services.issuing import Outcome, certificates_issue_for
from certificates.services.pdf_files import certificate_store_pdf
from certificates.services.templates import template_for
from cohorts.completion import completion_for, completion_for_many
from cohorts.models import Cohort, Enrolment
from core.queue import enqueue


def _eligible_without_certificate(cohort: Cohort) -> list[Enrolment]:
    # A revoked certificate was withdrawn on purpose: only a coordinator's own
    # action (issue to one learner) gives that person a new one.
    enrolments = list(
        Enrolment.objects.current()
        .filter(cohort=cohort)
        .exclude(certificates__isnull=False)
        .select_related("user", "cohort", "team")
    )
    completions = completion_for_many(enrolments)
    return [e for e in enrolments if completions[e.pk].met]


def batch_start(*, cohort: Cohort, requested_by: User | None = None) -> IssuanceBatch:
    """Issue to every eligible learner of the cohort without a certificate.

    A cohort has at most one running cohort batch: a second press (by anyone)
    returns the one already running.
    """
    running = IssuanceBatch.objects.filter(cohort=cohort, status="running", whole_cohort=True)
    if batch := running.first():
        return batch
    try:
        with transaction.atomic():
            batch = IssuanceBatch.objects.create(
                cohort=cohort, requested_by=requested_by, template=template_for(cohort)
            )
            enrolments = _eligible_without_certificate(cohort)
            _add_items(batch, [(e, "") for e in enrolments])
    except IntegrityError:
        return running.get()
    return batch


@transaction.atomic
def batch_start_one(
    *, enrolment: Enrolment, requested_by: User | None = None, override_reason: str = ""
) -> IssuanceBatch:
    """Issue to one learner through the same queue; a non-eligible one needs a reason."""
    completion = completion_for(enrolment)
    if not completion.met and not (override_reason or "").strip():
        raise NotEligible(completion.reasons)
    batch = IssuanceBatch.objects.create(
        cohort=enrolment.cohort,
        requested_by=requested_by,
        whole_cohort=False,
        template=template_for(enrolment.cohort),
    )
    _add_items(batch, [(enrolment, override_reason.strip())])
    return batch


def _add_items(batch: IssuanceBatch, pairs: Sequence[tuple[Enrolment, str]]) -> None:
    IssuanceItem.objects.bulk_create(
        IssuanceItem(batch=batch, enrolment=enrolment, override_reason=reason)
        for enrolment, reason in pairs
    )
    batch.total = len(pairs)
    if not pairs:
        batch.status, batch.finished_at = IssuanceBatch.Status.FINISHED, timezone.now()
    batch.save()
    transaction.on_commit(lambda: _enqueue_new(batch))


def _enqueue_new(batch: IssuanceBatch) -> None:
    # Read by the coordinator's screen: the batch is recorded, its messages wait for Redis.
    batch.queue_down = batch_enqueue(batch=batch) < batch.total


def batch_enqueue(*, batch: IssuanceBatch) -> int:
    """Queue the items nobody is working on: pending ones and stale claims.

    A message carries a chunk of items (``_chunks``). Stops at the first message the
    broker refuses (Redis is down): the items stay pending, queued again by a worker
    that reconnects (certificates.tasks) or by the minute sweep. Returns how many
    items were queued.
    """
    # the tasks module imports these services: imported on use
    from certificates.tasks import issue_items

    ids = list(
        _claimable(IssuanceItem.objects.filter(batch=batch))
        .order_by("id")
        .values_list("id", flat=True)
    )
    queued = 0
    for chunk in _chunks(ids):
        if not enqueue(issue_items, chunk):
            break
        queued += len(chunk)
    return queued


# A task per chunk of items: the claims, eligibility, serial numbers and codes of a chunk
# are settled in one transaction, and the task's round trip is paid once (#16 item 5).
# Chunks stay small enough that every worker gets some of a small batch.
CHUNK_SPREAD = 4


def _chunks(ids: list[int]) -> list[list[int]]:
    size = max(1, min(settings.CERTIFICATE_ISSUE_CHUNK, math.ceil(len(ids) / CHUNK_SPREAD)))
    return [ids[start : start + size] for start in range(0, len(ids), size)]


def _claimable(items: QuerySet[IssuanceItem], *, task_id: str = "") -> QuerySet[IssuanceItem]:
    stale = timezone.now() - dt.timedelta(seconds=settings.CERTIFICATE_CLAIM_TIMEOUT)
    claimable = Q(status=IssuanceItem.Status.PENDING) | Q(
        status=IssuanceItem.Status.CLAIMED, claimed_at__lt=stale
    )
    if task_id:
        # The broker delivers a message again only once the run that held it is
        # gone: its pool child died (acks_late + reject_on_worker_lost requeue it),
        # it retried itself (a retry keeps the id; that run has given up on the
        # item), or Redis' visibility timeout (1 h) passed, which outlasts the hard
        # time limit (10 min). So a claim under this id is dead and is taken back
        # at once instead of after CERTIFICATE_CLAIM_TIMEOUT. The one exception, a
        # worker that lost its broker connection while still running the task, is
        # harmless: certificate_issue locks the enrolment and returns the valid
        # certificate, the PDF is stored once and _item_finish counts once.
        claimable |= Q(status=IssuanceItem.Status.CLAIMED, claim_task_id=task_id)
    return items.filter(claimable)


def item_claim(*, item_id: int, task_id: str = "", worker: str = "") -> IssuanceItem | None:
    """The optimistic lock: one worker wins the conditional update, others stop."""
    claimed = _items_claim(item_ids=[item_id], task_id=task_id, worker=worker)
    return claimed[0] if claimed else None


def _items_claim(*, item_ids: list[int], task_id: str, worker: str) -> list[IssuanceItem]:
    """Each item claimed by its own conditional update; the ones won, read at once."""
    won = [
        item_id
        for item_id in item_ids
        if _claimable(IssuanceItem.objects.filter(pk=item_id), task_id=task_id).update(
            status=IssuanceItem.Status.CLAIMED,
            claimed_at=timezone.now(),
            claim_task_id=task_id,
            claimed_by=worker,
        )
    ]
    if not won:
        return []
    items = IssuanceItem.objects.select_related("batch__template", "batch__requested_by")
    return list(items.filter(pk__in=won).order_by("id"))


def _claim_renew(item: IssuanceItem) -> bool:
    """Still ours? Renewed before each PDF, so the sweep sees a chunk's later items as
    claimed by a live worker however long the chunk takes; False if another took it."""
    return bool(
        IssuanceItem.objects.filter(
            pk=item.pk,
            status=IssuanceItem.Status.CLAIMED,
            claim_task_id=item.claim_task_id,
            claimed_by=item.claimed_by,
        ).update(claimed_at=timezone.now())
    )


def item_process(*, item_id: int, task_id: str = "", worker: str = "") -> IssuanceItem | None:
    done = items_process(item_ids=[item_id], task_id=task_id, worker=worker)
    return done[0] if done else None


def items_process(
    *, item_ids: list[int], task_id: str = "", worker: str = ""
) -> list[IssuanceItem]:
    """Issue a chunk of batch items: the ones this worker claims are issued in one
    transaction per batch, then each one's PDF is stored and the item finished, one by one.

    A worker killed or retried part way leaves the rest claimed under this task id: the
    message delivered again takes them back, finds their certificates issued (they count
    as issued by this batch) and stores the PDFs still missing.
    """
    items = _items_claim(item_ids=item_ids, task_id=task_id, worker=worker)
    by_batch: dict[int, list[IssuanceItem]] = {}
    for item in items:  # one batch, as batch_enqueue queues them
        by_batch.setdefault(item.batch_id, []).append(item)
    return [done for batch_items in by_batch.values() for done in _batch_items(batch_items)]


def _batch_items(items: list[IssuanceItem]) -> list[IssuanceItem]:
    batch = items[0].batch
    outcomes = certificates_issue_for(
        requests=[(item.enrolment_id, item.override_reason) for item in items],
        issued_by=batch.requested_by,
        template=batch.template,
    )
    done = []
    for item in items:
        if len(items) > 1 and not _claim_renew(item):
            continue  # taken over as stale by another worker, which finishes it
        done.append(_item_complete(item, outcomes[item.enrolment_id]))
    batch_finish_if_done(batch_id=batch.pk)
    return done


def _item_complete(item: IssuanceItem, outcome: Outcome) -> IssuanceItem:
    if isinstance(outcome, CertificateError):
        return _item_finish(item, IssuanceItem.Status.FAILED, message=str(outcome))
    certificate, created = outcome
    try:
        certificate_store_pdf(certificate=certificate)
    except CertificateError as exc:
        return _item_finish(item, IssuanceItem.Status.FAILED, message=str(exc))
    # A certificate made by this batch before a worker died still counts as issued here.
    issued_here = created or certificate.issued_at >= item.batch.created_at
    if issued_here:
        certificate_email_enqueue(certificate=certificate)
    status = IssuanceItem.Status.ISSUED if issued_here else IssuanceItem.Status.SKIPPED
    return _item_finish(item, status, certificate=certificate)


def _item_finish(
    item: IssuanceItem,
    status: str,
    *,
    certificate: Certificate | None = None,
    message: str = "",
) -> IssuanceItem:
    counter = {
        IssuanceItem.Status.ISSUED: "issued",
        IssuanceItem.Status.SKIPPED: "skipped",
        IssuanceItem.Status.FAILED: "failed",
    }[status]
    with transaction.atomic():
        finished = IssuanceItem.objects.filter(
            pk=item.pk, status=IssuanceItem.Status.CLAIMED
        ).update(status=status, certificate=certificate, message=message)
        if finished:
            IssuanceBatch.objects.filter(pk=item.batch_id).update(**{counter: F(counter) + 1})
    if finished:
        item.status, item.certificate, item.message = status, certificate, message
    else:
        item.refresh_from_db()  # finished meanwhile by a worker that took it over
    return item


def batch_finish_if_done(*, batch_id: int) -> None:
    open_items = IssuanceItem.objects.filter(
        batch_id=batch_id, status__in=[IssuanceItem.Status.PENDING, IssuanceItem.Status.CLAIMED]
    )
    if not open_items.exists():
        IssuanceBatch.objects.filter(pk=batch_id, status=IssuanceBatch.Status.RUNNING).update(
            status=IssuanceBatch.Status.FINISHED, finished_at=timezone.now()
        )


def batch_sweep() -> int:
    """Requeue work of workers that died (periodic; also the admin, CLI and a restart)."""
    queued = 0
    for batch in IssuanceBatch.objects.filter(status=IssuanceBatch.Status.RUNNING):
        queued += batch_enqueue(batch=batch)
        batch_finish_if_done(batch_id=batch.pk)
    return queued


def batch_resume_after_restart(*, worker: str) -> tuple[int, int]:
    """A worker starting again under its node name resumes what its last life left.

    Its claims from before now belong to processes that are gone (killed, out of
    memory, a host reboot), so they go back to pending and every running batch's
    open items are queued: no wait for CERTIFICATE_CLAIM_TIMEOUT and the beat
    sweep. Claims of nodes that never come back are still left to the sweep.
    Returns (claims released, items queued).
    """
    if not worker:
        raise ValueError("worker must name the Celery node")  # "" would match eager claims
    released = IssuanceItem.objects.filter(
        status=IssuanceItem.Status.CLAIMED, claimed_by=worker, claimed_at__lt=timezone.now()
    ).update(status=IssuanceItem.Status.PENDING, claimed_at=None, claim_task_id="", claimed_by="")
    return released, batch_sweep()
