"""After issue: only a valid certificate is revoked or reissued, always with a reason.

A reissue never edits: a new certificate supersedes the old one.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import User
from certificates import public_cache
from certificates.models import Certificate
from certificates.services.errors import CertificateError
from certificates.services.issuing import NewCertificate, event_time, issue_new
from cohorts.models import Enrolment
from cohorts.services import enrolment_reopen_completed


def _locked_valid(certificate: Certificate, *, at: dt.datetime) -> Certificate:
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if certificate.status != Certificate.Status.VALID:
        raise CertificateError(_("Only a valid certificate can be revoked or reissued."))
    if at < certificate.issued_at:
        raise CertificateError(_("A change cannot be dated before the certificate was issued."))
    return certificate


@transaction.atomic
def certificate_revoke(
    *,
    certificate: Certificate,
    reason: str,
    category: str = Certificate.RevocationCategory.WITHDRAWN,
    revoked_by: User | None = None,
    at: dt.datetime | None = None,
) -> Certificate:
    """reason is the coordinator's own record; category is what the public is told.

    ``at`` records a revocation that happened earlier (``issuing.event_time``)."""
    revoked_at = event_time(at)
    reason = (reason or "").strip()
    if category not in Certificate.RevocationCategory.values:
        raise ValidationError({"category": _("Choose the reason shown publicly.")})
    if not reason:
        raise ValidationError({"reason": _("Write the reason for revoking this certificate.")})
    certificate = _locked_valid(certificate, at=revoked_at)
    Certificate.objects.filter(pk=certificate.pk, status=Certificate.Status.VALID).update(
        status=Certificate.Status.REVOKED,
        revoked_at=revoked_at,
        revocation_reason=reason,
        revocation_category=category,
        revoked_by=revoked_by,
    )
    # Revoking takes the graduation back: the enrolment is active again (it stays
    # current, so the person keeps /me/), and only a coordinator's own issue to
    # this learner gives a new certificate.
    enrolment_reopen_completed(enrolment_id=certificate.enrolment_id)
    public_cache.changed()
    certificate.refresh_from_db()
    return certificate


@transaction.atomic
def certificate_reissue(
    *,
    certificate: Certificate,
    reason: str,
    issued_by: User | None = None,
    at: dt.datetime | None = None,
) -> Certificate:
    """A correction (a name, say): a new certificate supersedes the old one.

    The old one stays verifiable as superseded and points to the new one.
    """
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Write the reason for reissuing this certificate.")})
    now = event_time(at)
    old = _locked_valid(certificate, at=now)
    Certificate.objects.filter(pk=old.pk).update(
        status=Certificate.Status.SUPERSEDED, superseded_at=now, supersede_reason=reason
    )
    enrolment = Enrolment.objects.select_related(
        "user", "cohort", "team", "organisation_snapshot", "user__organisation"
    ).get(pk=old.enrolment_id)
    row = NewCertificate(
        enrolment, old.eligible_at_issue, old.eligibility_reasons, old.override_reason
    )
    (new,) = issue_new(
        cohort=enrolment.cohort,
        rows=[row],
        template=old.template,
        issued_by=issued_by,
        issued_at=now,
    )
    Certificate.objects.filter(pk=old.pk).update(superseded_by=new)
    public_cache.changed()
    return new


def certificate_set_public_pdf(*, certificate: Certificate, public: bool, by: User) -> Certificate:
    """The holder lets anyone with the verify link download the PDF, or stops it.

    Only the holder's own choice: `by` must be the holder. The snapshot is untouched.
    """
    if by is None or by.pk != certificate.holder_id:
        raise CertificateError(_("Only the holder can choose who downloads the PDF."))
    Certificate.objects.filter(pk=certificate.pk).update(public_pdf=bool(public))
    public_cache.changed()
    certificate.refresh_from_db()
    return certificate
