"""Batch items left claimed past CERTIFICATE_CLAIM_TIMEOUT (core.stuck).

The minute sweep takes these back by itself when celery beat runs; one listed
here means beat (or every worker) is down, and a retry queues it at once.
"""

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from certificates.models import IssuanceItem
from certificates.tasks import issue_item
from core.queue import enqueue
from core.stuck import StuckKind


def _stuck(now: dt.datetime):
    cutoff = now - dt.timedelta(seconds=settings.CERTIFICATE_CLAIM_TIMEOUT)
    return IssuanceItem.objects.filter(status=IssuanceItem.Status.CLAIMED, claimed_at__lt=cutoff)


def _describe(item: IssuanceItem) -> str:
    return f"{item.batch.cohort} · {item.enrolment.user.email} ({item.claimed_by})"


def item_retry(pk: int) -> bool:
    """Back to pending (only if still stuck) and queued after commit."""
    released = (
        _stuck(timezone.now())
        .filter(pk=pk)
        .update(
            status=IssuanceItem.Status.PENDING, claimed_at=None, claim_task_id="", claimed_by=""
        )
    )
    if released:
        transaction.on_commit(lambda: enqueue(issue_item, pk))
    return bool(released)


ISSUANCE_ITEMS = StuckKind(
    key="issuance-item",
    label=_("Certificate batch item"),
    rows=lambda now: _stuck(now).select_related("batch__cohort", "enrolment__user"),
    describe=_describe,
    retry=item_retry,
)
