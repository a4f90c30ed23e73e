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
from cohorts.completion import completion_for, completion_for_many
from cohorts.models import Cohort, Enrolment
from cohorts.services import enrolment_mark_completed, enrolments_mark_completed

# Set from rows read in the same transaction; validating them would read each again.
RELATED = ["enrolment", "cohort", "holder", "template", "issued_by"]


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
    certificate = _build(
        enrolment=enrolment,
        template=template,
        design=design_snapshot(template),
        issued_by=issued_by,
        eligible=eligible,
        reasons=reasons,
        override_reason=override_reason,
        issued_at=issued_at,
        codes_taken=_unused,
        serial_number=_next_serial(enrolment.cohort),
    )
    certificate.save()
    return certificate


def _build(
    *,
    enrolment: Enrolment,
    template: CertificateTemplate,
    design: dict,
    issued_by: User | None,
    eligible: bool,
    reasons: list[str],
    override_reason: str,
    issued_at: dt.datetime,
    codes_taken: Callable[[str, Callable[[], object]], object],
    serial_number: int,
) -> Certificate:
    """The certificate as issued, signed credential included, not yet saved: the one
    place that decides what a certificate freezes (holder, design, codes, dates)."""
    cohort = enrolment.cohort
    certificate = Certificate(
        enrolment=enrolment,
        cohort=cohort,
        holder=enrolment.user,
        template=template,
        verification_id=codes_taken("verification_id", codes.verification_id),
        short_code=codes_taken("short_code", codes.short_code),
        status_list_index=codes_taken("status_list_index", _status_index),
        serial_number=serial_number,
        programme_th=template.programme_th,
        programme_en=template.programme_en,
        cohort_number=cohort.number,
        completed_on=completion_date(enrolment, at=issued_at),
        issued_at=issued_at,
        design=design,
        eligible_at_issue=eligible,
        eligibility_reasons=list(reasons),
        override_reason=override_reason,
        issued_by=issued_by,
        **_holder_snapshot(enrolment),
    )
    # Codes were just checked unused, and the database enforces every unique
    # rule, constraint and foreign key anyway (the related rows were just read);
    # re-querying each here cost a tenth of issuing.
    certificate.full_clean(
        exclude=["pdf", "credential_jwt", *RELATED],
        validate_unique=False,
        validate_constraints=False,
    )
    certificate.credential_jwt = credential.sign(credential.credential_document(certificate))
    return certificate


def _unused_in_memory() -> Callable[[str, Callable[[], object]], object]:
    """Codes unused by any certificate and by each other, checked against one read of the
    codes taken (for issuing many at once, where a query per code would dominate)."""
    taken = {
        field: set(Certificate.objects.values_list(field, flat=True))
        for field in ("verification_id", "short_code", "status_list_index")
    }

    def unused(field: str, make: Callable[[], object]) -> object:
        while (value := make()) in taken[field]:
            pass
        taken[field].add(value)
        return value

    return unused


def _reserve_serials(cohort: Cohort, count: int) -> int:
    """The first of ``count`` consecutive serial numbers, gap-free as ``_next_serial``."""
    first = _next_serial(cohort)
    SerialCounter.objects.filter(cohort=cohort).update(last_number=first + count - 1)
    return first


@transaction.atomic
def certificates_issue_eligible(
    *,
    cohort: Cohort,
    issued_by: User | None,
    template: CertificateTemplate | None = None,
    at: dt.datetime | None = None,
) -> list[Certificate]:
    """Issue a certificate to every current enrolment of the cohort that meets the
    completion rules and holds no valid one, in a few queries (programme-scale demo,
    imports of past cohorts). Each is built exactly as ``certificate_issue`` builds one;
    the enrolment rows are locked for the whole issue as there."""
    issued_at = event_time(at)
    enrolments = list(
        Enrolment.objects.current()
        .filter(cohort=cohort)
        .exclude(certificates__status=Certificate.Status.VALID)
        .select_for_update(of=("self",))
        .select_related("user", "cohort", "team", "organisation_snapshot", "user__organisation")
        .order_by("pk")
    )
    completions = completion_for_many(enrolments)
    eligible = [e for e in enrolments if completions[e.pk].met]
    if not eligible:
        return []
    template = template or template_for(cohort)
    design, codes_taken = design_snapshot(template), _unused_in_memory()
    first = _reserve_serials(cohort, len(eligible))
    certificates = Certificate.objects.bulk_create(
        _build(
            enrolment=enrolment,
            template=template,
            design=design,
            issued_by=issued_by,
            eligible=True,
            reasons=completions[enrolment.pk].reasons,
            override_reason="",
            issued_at=issued_at,
            codes_taken=codes_taken,
            serial_number=first + offset,
        )
        for offset, enrolment in enumerate(eligible)
    )
    enrolments_mark_completed(enrolment_ids=[e.pk for e in eligible])
    return certificates
