"""Issuing: who may receive a certificate, gap-free serial numbers, unused codes,
and the holder and design frozen into the certificate at issue.
"""

import datetime as dt
import secrets
from collections.abc import Callable

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from certificates import codes, credential
from certificates.models import Certificate, CertificateTemplate, SerialCounter
from certificates.services.errors import CertificateError, NotEligible
from certificates.services.templates import design_snapshot, template_for
from cohorts.completion import completion_for
from cohorts.models import Cohort, Enrolment
from cohorts.services import enrolment_mark_completed


def _holder_snapshot(enrolment: Enrolment) -> dict:
    user = enrolment.user
    organisation = enrolment.organisation_snapshot or user.organisation
    return {
        "holder_name_th": user.full_name_th or user.email,
        "holder_name_en": user.full_name_en,
        "position": enrolment.position_snapshot or user.position,
        "organisation_th": enrolment.organisation_name_snapshot
        or (organisation.name_th if organisation else ""),
        "organisation_en": organisation.name_en if organisation else "",
        "project_title": enrolment.team.project_title if enrolment.team else "",
    }


def _next_serial(cohort: Cohort) -> int:
    """Gap-free: the counter row is locked until the certificate's transaction ends."""
    try:
        with transaction.atomic():
            SerialCounter.objects.get_or_create(cohort=cohort)
    except IntegrityError:
        pass  # another transaction created it first
    counter = SerialCounter.objects.select_for_update().get(cohort=cohort)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return counter.last_number


def _unused(field: str, make: Callable[[], object]) -> object:
    while True:
        value = make()
        if not Certificate.objects.filter(**{field: value}).exists():
            return value


def _status_index() -> int:
    # Random positions: neighbouring bits say nothing about neighbouring holders.
    return secrets.randbelow(credential.STATUS_LIST_BITS)


def completion_date(enrolment: Enrolment, *, at: dt.datetime | None = None) -> dt.date:
    cohort = enrolment.cohort
    return min(cohort.ends_on, timezone.localdate(at or timezone.now()))


def event_time(at: dt.datetime | None) -> dt.datetime:
    """When an issue, revocation or reissue happened: now, or for the record of one that
    happened before (the demo's history, certificates issued before the platform) an
    earlier aware time. Never a time to come: a certificate is not dated ahead."""
    now = timezone.now()
    if at is None:
        return now
    if timezone.is_naive(at) or at > now:
        raise CertificateError(_("A certificate cannot be dated in the future."))
    return at


@transaction.atomic
def certificate_issue(
    *,
    enrolment: Enrolment,
    issued_by: User | None = None,
    override_reason: str = "",
    template: CertificateTemplate | None = None,
    at: dt.datetime | None = None,
) -> tuple[Certificate, bool]:
    """Issue the enrolment's certificate, or return the valid one it already has.

    The enrolment row is locked, so two workers or two coordinators at once
    end with one certificate; the partial unique index backs this up. ``at``
    records an issue that happened earlier (see ``event_time``).
    """
    issued_at = event_time(at)
    enrolment = (
        Enrolment.objects.select_for_update(of=("self",))
        .select_related("user", "cohort", "team", "organisation_snapshot", "user__organisation")
        .get(pk=enrolment.pk)
    )
    existing = Certificate.objects.filter(enrolment=enrolment, status=Certificate.Status.VALID)
    if existing.exists():
        return existing.get(), False
    if not enrolment.is_current:
        raise CertificateError(_("Only a current enrolment can receive a certificate."))
    completion = completion_for(enrolment)
    override_reason = (override_reason or "").strip()
    if not completion.met and not override_reason:
        raise NotEligible(completion.reasons)
    certificate = _create(
        enrolment=enrolment,
        template=template or template_for(enrolment.cohort),
        issued_by=issued_by,
        eligible=completion.met,
        reasons=completion.reasons,
        override_reason="" if completion.met else override_reason,
        issued_at=issued_at,
    )
    enrolment_mark_completed(enrolment_id=enrolment.pk)
    return certificate, True


def _create(
    *,
    enrolment: Enrolment,
    template: CertificateTemplate,
    issued_by: User | None,
    eligible: bool,
    reasons: list[str],
    override_reason: str,
    issued_at: dt.datetime,
) -> Certificate:
    cohort = enrolment.cohort
    certificate = Certificate(
        enrolment=enrolment,
        cohort=cohort,
        holder=enrolment.user,
        template=template,
        verification_id=_unused("verification_id", codes.verification_id),
        short_code=_unused("short_code", codes.short_code),
        status_list_index=_unused("status_list_index", _status_index),
        serial_number=_next_serial(cohort),
        programme_th=template.programme_th,
        programme_en=template.programme_en,
        cohort_number=cohort.number,
        completed_on=completion_date(enrolment, at=issued_at),
        issued_at=issued_at,
        design=design_snapshot(template),
        eligible_at_issue=eligible,
        eligibility_reasons=list(reasons),
        override_reason=override_reason,
        issued_by=issued_by,
        **_holder_snapshot(enrolment),
    )
    # Codes were just checked unused, and the database enforces every unique
    # rule and constraint anyway; re-querying each here cost a tenth of issuing.
    certificate.full_clean(
        exclude=["pdf", "credential_jwt"], validate_unique=False, validate_constraints=False
    )
    certificate.credential_jwt = credential.sign(credential.credential_document(certificate))
    certificate.save()
    return certificate
