"""Celery tasks: ids in, a claim, one service call. Safe to run twice."""

import logging

from celery import shared_task

from django.conf import settings
from django.db import InterfaceError, OperationalError, connections
from django.urls import reverse
from django.utils import translation

from certificates import lookups, services

logger = logging.getLogger(__name__)

# PostgreSQL restarting (docs/operations.md): a task that met the lost connection, or a
# refused one while it starts again, runs again under its own id, so it takes its own
# claim back at once; Celery's Django fixup drops the broken connection before the next
# run. Backoff up to a minute, with jitter: about two minutes in all before giving up.
RETRIED = (OSError, OperationalError, InterfaceError)
RETRY_POLICY = {"retry_backoff": 2, "retry_backoff_max": 60, "max_retries": 8}


@shared_task(
    bind=True,
    name="certificates.issue_item",
    autoretry_for=RETRIED,
    **RETRY_POLICY,
)
def issue_item(self, item_id: int) -> str | None:
    item = services.item_process(
        item_id=item_id, task_id=self.request.id or "", worker=self.request.hostname or ""
    )
    return item.status if item else None


@shared_task(
    bind=True,
    name="certificates.issue_items",
    autoretry_for=RETRIED,
    **RETRY_POLICY,
)
def issue_items(self, item_ids: list[int]) -> int:
    """A chunk of a batch's items (services.batch_enqueue); issue_item is the chunk of one,
    kept for messages queued by an earlier release and for a coordinator's retry."""
    done = services.items_process(
        item_ids=item_ids, task_id=self.request.id or "", worker=self.request.hostname or ""
    )
    return len(done)


@shared_task(name="certificates.email_certificate", autoretry_for=RETRIED, **RETRY_POLICY)
def email_certificate(certificate_id: int) -> bool:
    return services.certificate_email(certificate_id=certificate_id)


@shared_task(name="certificates.sweep_batches")
def sweep_batches() -> int:
    """Run by celery beat every minute: abandoned batch items, and lost emails."""
    return services.batch_sweep() + services.certificates_email_stale()


@shared_task(name="certificates.flush_lookup_counts")
def flush_lookup_counts() -> int:
    """Run by celery beat every minute: lookups counted in Redis, added to the database."""
    return lookups.lookups_flush()


def resume_batches_on_worker_ready(sender, **kwargs) -> None:
    """Celery's worker_ready: a restarted worker resumes the items it left claimed.

    Sent in the worker's main process once it consumes, before any message
    reaches a pool child, so every claim under this node name is from before.
    """
    try:
        released, queued = services.batch_resume_after_restart(worker=sender.hostname)
        services.certificates_email_stale(young_too=True)
    finally:
        connections.close_all()  # pool children are forked from this process later
    if released or queued:
        message = "Issuance resumed on %s: %s claim(s) released, %s item(s) queued"
        logger.info(message, sender.hostname, released, queued)


def requeue_on_broker_reconnected(sender, **kwargs) -> None:
    """core.queue's broker_reconnected: a worker reached Redis again after losing it.

    A Redis restarted without persistence has lost every queued message, so the running
    batches' pending items and the unsent emails are queued again now, not at the minute
    sweep (items) or after 10 minutes (emails). Its tasks may still be running: claims are
    left alone (a live claim is not stale), and a message queued twice is claimed once.
    """
    try:
        queued = services.batch_sweep()
        emails = services.certificates_email_stale(young_too=True)
    finally:
        connections.close_all()  # pool children may be forked from this process later
    if queued or emails:
        message = "Issuance requeued on %s after a reconnection: %s item(s), %s email(s)"
        logger.info(message, sender.hostname, queued, emails)


def preload_pdf_stack(**kwargs) -> None:
    """Celery's worker_init: import the PDF signing stack and the URLconf before the pool forks.

    pyHanko, its certificate validator and pypdf take seconds to import, and so does
    the first reverse() of each language (it imports every view behind ROOT_URLCONF and
    builds the resolver: 2.4 s); done once in the parent, every pool child starts with
    them instead of paying for them on its first certificate.
    """
    import pyhanko.pdf_utils.incremental_writer  # noqa: F401
    import pyhanko.sign.signers  # noqa: F401
    import pyhanko.sign.validation  # noqa: F401
    import pypdf  # noqa: F401

    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            reverse("certificates_public:issuer")
