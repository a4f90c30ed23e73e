"""Review emails left claimed by a worker that died mid-send (core.stuck)."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from assignments.services import REVIEW_EMAILS
from assignments.tasks import review_notify_task
from core.queue import enqueue
from core.stuck import StuckKind, outbox_retry, outbox_stuck


def _enqueue(ids):
    for review_id in ids:
        transaction.on_commit(lambda review_id=review_id: enqueue(review_notify_task, review_id))


REVIEW_NOTIFICATIONS = StuckKind(
    key="review-email",
    label=_("Review email"),
    rows=lambda now: outbox_stuck(REVIEW_EMAILS, now=now).select_related(
        "submission__assignment", "submission__team", "submission__learner"
    ),
    describe=str,
    retry=lambda pk: outbox_retry(REVIEW_EMAILS, pk=pk, enqueue=_enqueue),
)
