"""Issuing: who may receive a certificate, gap-free serial numbers, unused codes,
and the holder and design frozen into the certificate at issue.
"""

import datetime as dt
import secrets
from collections.abc import Callable, Sequence
from typing import NamedTuple

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from certificates import codes, credential
from certificates.models import Certificate, CertificateTemplate, SerialCounter
from certificates.services.errors import CertificateError, NotEligible
from certificates.services.templates import design_snapshot, template_for
from cohorts.completion import Completion, completion_for_many
from cohorts.models import Cohort, Enrolment
from cohorts.services import enrolments_mark_completed

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


def certificate_issue(
    *,
    enrolment: Enrolment,
    issued_by: User | None = None,
    override_reason: str = "",
    template: CertificateTemplate | None = None,
    at: dt.datetime | None = None,
) -> tuple[Certificate, bool]:
    """Issue the enrolment's certificate, or return the valid one it already has.

    ``certificates_issue_for`` for one enrolment; its refusal is raised. ``at``
    records an issue that happened earlier (see ``event_time``).
    """
    outcomes = certificates_issue_for(
        requests=[(enrolment.pk, override_reason)], issued_by=issued_by, template=template, at=at
    )
    if enrolment.pk not in outcomes:
        raise Enrolment.DoesNotExist(f"enrolment {enrolment.pk}")
    outcome = outcomes[enrolment.pk]
    if isinstance(outcome, CertificateError):
        raise outcome
    return outcome


Outcome = tuple[Certificate, bool] | CertificateError


@transaction.atomic
def certificates_issue_for(
    *,
    requests: Sequence[tuple[int, str]],
    issued_by: User | None = None,
    template: CertificateTemplate | None = None,
    at: dt.datetime | None = None,
) -> dict[int, Outcome]:
    """Issue each enrolment of one cohort its certificate, or return the valid one it
    already has, in a few queries for all (a worker's chunk of a batch).

    ``requests`` pairs an enrolment's id with the reason a coordinator gave for issuing it
    without meeting the completion rules ("" for none). Keyed by enrolment id, each
    gets (certificate, created) or the ``CertificateError`` that refused it; a refusal
    does not stop the others. The enrolment rows are locked in id order, so two workers
    or two coordinators at once end with one certificate each and cannot deadlock; the
    partial unique index backs this up.
    """
    issued_at = event_time(at)
    reasons = {enrolment_id: (reason or "").strip() for enrolment_id, reason in requests}
    enrolments = list(
        Enrolment.objects.select_for_update(of=("self",))
        .select_related("user", "cohort", "team", "organisation_snapshot", "user__organisation")
        .filter(pk__in=reasons)
        .order_by("pk")
    )
    if len({enrolment.cohort_id for enrolment in enrolments}) > 1:
        raise ValueError("certificates_issue_for issues within one cohort at a time")
    valid = {
        certificate.enrolment_id: certificate
        for certificate in Certificate.objects.filter(
            enrolment__in=enrolments, status=Certificate.Status.VALID
        )
    }
    outcomes: dict[int, Outcome] = {}
    current = [e for e in enrolments if e.pk not in valid and e.is_current]
    completions = completion_for_many(current)
    to_issue = []
    for enrolment in enrolments:
        if enrolment.pk in valid:
            outcomes[enrolment.pk] = (valid[enrolment.pk], False)
        elif not enrolment.is_current:
            message = _("Only a current enrolment can receive a certificate.")
            outcomes[enrolment.pk] = CertificateError(message)
        elif not completions[enrolment.pk].met and not reasons[enrolment.pk]:
            outcomes[enrolment.pk] = NotEligible(completions[enrolment.pk].reasons)
        else:
            to_issue.append(_new(enrolment, completions[enrolment.pk], reasons[enrolment.pk]))
    if to_issue:
        cohort = to_issue[0].enrolment.cohort
        issued = issue_new(
            cohort=cohort,
            rows=to_issue,
            template=template or template_for(cohort),
            issued_by=issued_by,
            issued_at=issued_at,
        )
        outcomes.update((certificate.enrolment_id, (certificate, True)) for certificate in issued)
    return outcomes


class NewCertificate(NamedTuple):
    enrolment: Enrolment
    eligible: bool  # met the completion rules when issued
    reasons: list[str]  # the completion rules' reasons, kept with the certificate
    override_reason: str = ""  # a coordinator's, when issued without meeting them


def _new(enrolment: Enrolment, completion: Completion, override_reason: str) -> NewCertificate:
    return NewCertificate(
        enrolment, completion.met, completion.reasons, "" if completion.met else override_reason
    )


# Codes are checked unused when drawn, but a worker issuing at the same moment can draw
# the same one (a status list index: 1 in 131,072 per pair of codes): the unique index
# refuses the insert, and the rows are built again with fresh codes.
CODE_ATTEMPTS = 3


def issue_new(
    *,
    cohort: Cohort,
    rows: Sequence[NewCertificate],
    template: CertificateTemplate,
    issued_by: User | None,
    issued_at: dt.datetime,
) -> list[Certificate]:
    """Build and save one certificate per row, with consecutive serial numbers, and mark
    the enrolments completed: every way of issuing ends here."""
    design = design_snapshot(template)
    for attempt in range(1, CODE_ATTEMPTS + 1):
        try:
            with transaction.atomic():
                codes_taken, first = _unused_codes(len(rows)), _reserve_serials(cohort, len(rows))
                certificates = Certificate.objects.bulk_create(
                    _build(
                        enrolment=row.enrolment,
                        template=template,
                        design=design,
                        issued_by=issued_by,
                        eligible=row.eligible,
                        reasons=row.reasons,
                        override_reason=row.override_reason,
                        issued_at=issued_at,
                        codes_taken=codes_taken,
                        serial_number=first + offset,
                    )
                    for offset, row in enumerate(rows)
                )
            break
        except IntegrityError:
            if attempt == CODE_ATTEMPTS:
                raise
    enrolments_mark_completed(enrolment_ids=[row.enrolment.pk for row in rows])
    return certificates


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
    codes_taken: Callable[[str], object],
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
        verification_id=codes_taken("verification_id"),
        short_code=codes_taken("short_code"),
        status_list_index=codes_taken("status_list_index"),
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


CODES: dict[str, Callable[[], object]] = {
    "verification_id": codes.verification_id,
    "short_code": codes.short_code,
    "status_list_index": _status_index,
}


def _unused_codes(count: int) -> Callable[[str], object]:
    """``count`` codes of each kind, unused by any certificate and by each other: drawn,
    then checked in one query per kind (a query per code dominated issuing many)."""
    pools: dict[str, list[object]] = {}
    for field, make in CODES.items():
        pool: set[object] = set()
        while len(pool) < count:
            drawn: set[object] = set()
            while len(pool) + len(drawn) < count:
                if (value := make()) not in pool:
                    drawn.add(value)
            taken = Certificate.objects.filter(**{f"{field}__in": drawn})
            pool |= drawn - set(taken.values_list(field, flat=True))
        pools[field] = list(pool)
    return lambda field: pools[field].pop()


def _reserve_serials(cohort: Cohort, count: int) -> int:
    """The first of ``count`` consecutive serial numbers. Gap-free: the counter row is
    locked until the certificates' transaction ends."""
    try:
        with transaction.atomic():
            SerialCounter.objects.get_or_create(cohort=cohort)
    except IntegrityError:
        pass  # another transaction created it first
    counter = SerialCounter.objects.select_for_update().get(cohort=cohort)
    first = counter.last_number + 1
    counter.last_number += count
    counter.save(update_fields=["last_number"])
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
    return issue_new(
        cohort=cohort,
        rows=[_new(enrolment, completions[enrolment.pk], "") for enrolment in eligible],
        template=template or template_for(cohort),
        issued_by=issued_by,
        issued_at=issued_at,
    )
