"""Email: each holder gets their PDF and link once; the sweep requeues lost emails."""

import datetime as dt
from functools import partial

from django.db import transaction
from django.utils import timezone

from certificates import urls_util
from certificates.models import Certificate
from certificates.services.pdf_files import certificate_pdf_bytes
from core import emails
from core.delivery import Outbox, deliver_once, stale
from core.queue import enqueue
from notifications.models import NoticeKind
from notifications.selectors import email_recipients
from notifications.services import line_queue, line_render


def certificate_email_enqueue(*, certificate: Certificate) -> None:
    # Not at the top: certificates.tasks imports these services back.
    from certificates.tasks import email_certificate

    # Redis down: emailed_at stays null and the email is queued again on reconnect.
    transaction.on_commit(lambda: enqueue(email_certificate, certificate.pk))
    context = {"certificate": certificate, "verify_url": urls_util.verify_url(certificate)}
    line_queue(
        user_ids=[certificate.holder_id],
        kind=NoticeKind.CERTIFICATES,
        key=f"certificate-{certificate.pk}",
        text=partial(line_render, "certificate-issued", context),
    )


# A valid certificate not emailed this long after issue lost its email task
# (its retries ran out while the mail server was down); older ones are left
# alone so a restored backup does not email a whole archive.
EMAIL_STALE_AFTER = dt.timedelta(minutes=10)
EMAIL_GIVE_UP_AFTER = dt.timedelta(days=30)


# emailed_at is the ledger: null is pending, the claim sets it (core.delivery).
CERTIFICATE_EMAILS = Outbox.for_timestamp(
    Certificate, field_name="emailed_at", created_field="issued_at", stale_after=EMAIL_STALE_AFTER
)


def certificates_email_stale(*, now: dt.datetime | None = None, young_too: bool = False) -> int:
    """Queue the email again for holders who never got theirs; the claim sends it once.

    young_too: every unsent one, not only those past the stale time (a worker starting
    again: the messages a killed worker held wait an hour on Redis).
    """
    # Not at the top: certificates.tasks imports these services back.
    from certificates.tasks import email_certificate

    now = now or timezone.now()
    unsent = stale(CERTIFICATE_EMAILS, now=now + EMAIL_STALE_AFTER if young_too else now)
    lost = unsent.filter(status=Certificate.Status.VALID, issued_at__gt=now - EMAIL_GIVE_UP_AFTER)
    ids = list(lost.values_list("id", flat=True))
    for queued, certificate_id in enumerate(ids):
        if not enqueue(email_certificate, certificate_id):
            return queued  # the broker is down: the rest wait for the next sweep
    return len(ids)


def certificate_email(*, certificate_id: int) -> bool:
    """Send the holder their PDF and link, once (claimed by setting emailed_at)."""
    return deliver_once(
        CERTIFICATE_EMAILS, pk=certificate_id, send=_send_certificate, select_related=["holder"]
    )


def _send_certificate(certificate: Certificate) -> None:
    if not email_recipients(user_ids=[certificate.holder_id], kind=NoticeKind.CERTIFICATES):
        return  # the holder chose LINE only; emailed_at still closes the ledger row
    content = certificate_pdf_bytes(certificate=certificate)
    emails.send(
        "certificate-issued",
        [certificate.holder.email],
        {"certificate": certificate, "verify_url": urls_util.verify_url(certificate)},
        attachments=[(f"certificate-{certificate.short_code}.pdf", content, "application/pdf")],
    )
