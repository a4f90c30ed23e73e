"""Writes: issue, render, revoke, reissue, batches. Every rule is decided here."""

import datetime as dt
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import F, ProtectedError, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from certificates import codes, credential, pdf, selectors, urls_util
from certificates.models import (
    Certificate,
    CertificateTemplate,
    CohortCertificateSettings,
    IssuanceBatch,
    IssuanceItem,
    SerialCounter,
)
from cohorts.completion import completion_for
from cohorts.models import Enrolment


class CertificateError(Exception):
    """A rule said no; the message is for the coordinator (translated)."""


class NotEligible(CertificateError):
    def __init__(self, reasons):
        self.reasons = list(reasons)
        super().__init__(
            _("This learner has not met the completion rule; give a reason to issue anyway.")
        )


# --- templates and snapshots --------------------------------------------------


def template_default() -> CertificateTemplate:
    """The default template, created with the standard wording when there is none."""
    template = CertificateTemplate.objects.filter(is_default=True).first()
    if template is None:
        try:
            with transaction.atomic():
                template = CertificateTemplate.objects.create(
                    name="พมส. (default)", is_default=True
                )
        except IntegrityError:
            template = CertificateTemplate.objects.get(is_default=True)
    return template


def template_for(cohort) -> CertificateTemplate:
    """The template of the cohort's next certificates: its own choice, else the default."""
    return selectors.cohort_template(cohort) or template_default()


@transaction.atomic
def cohort_template_set(*, cohort, template: CertificateTemplate | None) -> None:
    """Choose the template of the cohort's future certificates; None means the default.

    Certificates already issued keep their template and their frozen design.
    """
    if template is None:
        CohortCertificateSettings.objects.filter(cohort=cohort).delete()
        return
    CohortCertificateSettings.objects.update_or_create(
        cohort=cohort, defaults={"template": template}
    )


@transaction.atomic
def template_delete(*, template: CertificateTemplate) -> None:
    """Delete a template that no cohort uses and no certificate was issued with."""
    try:
        template.delete()
    except ProtectedError as exc:  # the foreign keys' PROTECT decides; the message explains
        usage = selectors.template_usage(template)
        raise CertificateError(template_in_use_message(usage)) from exc


def template_in_use_message(usage: selectors.TemplateUsage) -> str:
    return _(
        "This template is in use and cannot be deleted (cohorts using it: %(cohorts)s; "
        "certificates issued with it: %(certificates)s). Issued certificates always keep "
        "their template; choose another template for those cohorts first."
    ) % {"cohorts": usage.cohorts, "certificates": usage.certificates}


def _media_url(image) -> str:
    return f"/media/{image.file.name}" if image and image.file else ""


def design_snapshot(template: CertificateTemplate) -> dict:
    """What the template looks like now; kept with the certificate for good."""
    fields = ["issuer_name_th", "issuer_name_en", "programme_th", "programme_en", "heading_th",
              "heading_en", "body_th", "body_en", "criteria_th", "criteria_en"]  # fmt: skip
    design = {name: getattr(template, name) for name in fields}
    design["template_name"] = template.name
    design["background_url"] = _media_url(template.background)
    design["signatories"] = [
        {
            "name_th": s.name_th,
            "name_en": s.name_en,
            "position_th": s.position_th,
            "position_en": s.position_en,
            "signature_url": _media_url(s.signature),
        }
        for s in template.signatories.select_related("signature").order_by("sort_order")
    ]
    return design


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


# --- issuing --------------------------------------------------------------------


def _next_serial(cohort) -> int:
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


def _unused(field: str, make) -> object:
    while True:
        value = make()
        if not Certificate.objects.filter(**{field: value}).exists():
            return value


def _status_index() -> int:
    # Random positions: neighbouring bits say nothing about neighbouring holders.
    return secrets.randbelow(credential.STATUS_LIST_BITS)


def completion_date(enrolment: Enrolment) -> dt.date:
    cohort = enrolment.cohort
    return min(cohort.ends_on, timezone.localdate())


@transaction.atomic
def certificate_issue(
    *,
    enrolment: Enrolment,
    issued_by=None,
    override_reason: str = "",
    template: CertificateTemplate | None = None,
) -> tuple[Certificate, bool]:
    """Issue the enrolment's certificate, or return the valid one it already has.

    The enrolment row is locked, so two workers or two coordinators at once
    end with one certificate; the partial unique index backs this up.
    """
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
    return _create(
        enrolment=enrolment,
        template=template or template_for(enrolment.cohort),
        issued_by=issued_by,
        eligible=completion.met,
        reasons=completion.reasons,
        override_reason="" if completion.met else override_reason,
    ), True


def _create(*, enrolment, template, issued_by, eligible, reasons, override_reason) -> Certificate:
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
        completed_on=completion_date(enrolment),
        issued_at=timezone.now(),
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


# --- the PDF ----------------------------------------------------------------------


def certificate_render_pdf(*, certificate: Certificate) -> bytes:
    """Render, embed the credential, sign: the bytes a holder downloads."""
    context = pdf.context_for(certificate, urls_util.verify_url(certificate))
    context["verify_base"] = urls_util.absolute("/verify/")
    rendered = pdf.render(context)
    content = pdf.write(
        rendered, credential_jwt=certificate.credential_jwt, title=certificate.serial_label
    )
    return pdf.sign(content, reason=f"{certificate.serial_label} {certificate.verification_id}")


def certificate_store_pdf(*, certificate: Certificate) -> Certificate:
    """Store the PDF once; safe to call again (a later call finds it stored)."""
    if certificate.pdf:
        return certificate
    content = certificate_render_pdf(certificate=certificate)
    storage = Certificate._meta.get_field("pdf").storage
    name = f"certificates/{certificate.cohort_id}/{certificate.verification_id}.pdf"
    if storage.exists(name):
        storage.delete(name)  # a half-written file from a worker that was killed
    saved = storage.save(name, ContentFile(content))
    if not Certificate.objects.filter(pk=certificate.pk, pdf="").update(pdf=saved):
        storage.delete(saved)  # someone else stored it meanwhile
    certificate.refresh_from_db(fields=["pdf"])
    return certificate


def certificate_pdf_bytes(*, certificate: Certificate) -> bytes:
    certificate = certificate_store_pdf(certificate=certificate)
    with certificate.pdf.open("rb") as handle:
        return handle.read()


# --- after issue: revoke, reissue ----------------------------------------------------


def _locked_valid(certificate: Certificate) -> Certificate:
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if certificate.status != Certificate.Status.VALID:
        raise CertificateError(_("Only a valid certificate can be revoked or reissued."))
    return certificate


@transaction.atomic
def certificate_revoke(*, certificate: Certificate, reason: str, revoked_by=None) -> Certificate:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Write the reason for revoking this certificate.")})
    certificate = _locked_valid(certificate)
    Certificate.objects.filter(pk=certificate.pk, status=Certificate.Status.VALID).update(
        status=Certificate.Status.REVOKED,
        revoked_at=timezone.now(),
        revocation_reason=reason,
        revoked_by=revoked_by,
    )
    certificate.refresh_from_db()
    return certificate


@transaction.atomic
def certificate_reissue(*, certificate: Certificate, reason: str, issued_by=None) -> Certificate:
    """A correction (a name, say): a new certificate supersedes the old one.

    The old one stays verifiable as superseded and points to the new one.
    """
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Write the reason for reissuing this certificate.")})
    old = _locked_valid(certificate)
    now = timezone.now()
    Certificate.objects.filter(pk=old.pk).update(
        status=Certificate.Status.SUPERSEDED, superseded_at=now, supersede_reason=reason
    )
    enrolment = Enrolment.objects.select_related(
        "user", "cohort", "team", "organisation_snapshot", "user__organisation"
    ).get(pk=old.enrolment_id)
    new = _create(
        enrolment=enrolment,
        template=old.template,
        issued_by=issued_by,
        eligible=old.eligible_at_issue,
        reasons=old.eligibility_reasons,
        override_reason=old.override_reason,
    )
    Certificate.objects.filter(pk=old.pk).update(superseded_by=new)
    return new


# --- batches ------------------------------------------------------------------------


def _eligible_without_certificate(cohort):
    # A revoked certificate was withdrawn on purpose: only a coordinator's own
    # action (issue to one learner) gives that person a new one.
    enrolments = (
        Enrolment.objects.filter(cohort=cohort, status__in=["active", "completed"])
        .exclude(certificates__isnull=False)
        .select_related("user", "cohort", "team")
    )
    return [e for e in enrolments if completion_for(e).met]


def batch_start(*, cohort, requested_by=None) -> IssuanceBatch:
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
def batch_start_one(*, enrolment, requested_by=None, override_reason="") -> IssuanceBatch:
    """Issue to one learner through the same queue; a non-eligible one needs a reason."""
    completion = completion_for(enrolment)
    if not completion.met and not (override_reason or "").strip():
        raise NotEligible(completion.reasons)
    batch = IssuanceBatch.objects.create(
        cohort=enrolment.cohort, requested_by=requested_by, whole_cohort=False,
        template=template_for(enrolment.cohort),
    )  # fmt: skip
    _add_items(batch, [(enrolment, override_reason.strip())])
    return batch


def _add_items(batch, pairs) -> None:
    IssuanceItem.objects.bulk_create(
        IssuanceItem(batch=batch, enrolment=enrolment, override_reason=reason)
        for enrolment, reason in pairs
    )
    batch.total = len(pairs)
    if not pairs:
        batch.status, batch.finished_at = IssuanceBatch.Status.FINISHED, timezone.now()
    batch.save()
    transaction.on_commit(lambda: batch_enqueue(batch=batch))


def batch_enqueue(*, batch: IssuanceBatch) -> int:
    """Queue the items nobody is working on: pending ones and stale claims."""
    from certificates.tasks import issue_item

    ids = list(_claimable(IssuanceItem.objects.filter(batch=batch)).values_list("id", flat=True))
    for item_id in ids:
        issue_item.delay(item_id)
    return len(ids)


def _claimable(items, *, task_id: str = ""):
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
    claimed = _claimable(IssuanceItem.objects.filter(pk=item_id), task_id=task_id).update(
        status=IssuanceItem.Status.CLAIMED,
        claimed_at=timezone.now(),
        claim_task_id=task_id,
        claimed_by=worker,
    )
    if not claimed:
        return None
    return IssuanceItem.objects.select_related("batch__template", "enrolment").get(pk=item_id)


def item_process(*, item_id: int, task_id: str = "", worker: str = "") -> IssuanceItem | None:
    item = item_claim(item_id=item_id, task_id=task_id, worker=worker)
    if item is None:
        return None
    batch = item.batch
    try:
        certificate, created = certificate_issue(
            enrolment=item.enrolment,
            issued_by=batch.requested_by,
            override_reason=item.override_reason,
            template=batch.template,
        )
        certificate_store_pdf(certificate=certificate)
    except CertificateError as exc:
        return _item_finish(item, IssuanceItem.Status.FAILED, message=str(exc))
    # A certificate made by this batch before a worker died still counts as issued here.
    issued_here = created or certificate.issued_at >= batch.created_at
    if issued_here:
        certificate_email_enqueue(certificate=certificate)
    status = IssuanceItem.Status.ISSUED if issued_here else IssuanceItem.Status.SKIPPED
    return _item_finish(item, status, certificate=certificate)


def _item_finish(item, status, *, certificate=None, message="") -> IssuanceItem:
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
    batch_finish_if_done(batch_id=item.batch_id)
    item.refresh_from_db()
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


# --- email --------------------------------------------------------------------------


def certificate_email_enqueue(*, certificate: Certificate) -> None:
    from certificates.tasks import email_certificate

    transaction.on_commit(lambda: email_certificate.delay(certificate.pk))


# A valid certificate not emailed this long after issue lost its email task
# (its retries ran out while the mail server was down); older ones are left
# alone so a restored backup does not email a whole archive.
EMAIL_STALE_AFTER = dt.timedelta(minutes=10)
EMAIL_GIVE_UP_AFTER = dt.timedelta(days=30)


def certificates_email_stale(*, now=None) -> int:
    """Queue the email again for holders who never got theirs; the claim sends it once."""
    from certificates.tasks import email_certificate

    now = now or timezone.now()
    ids = list(
        Certificate.objects.filter(
            status=Certificate.Status.VALID, emailed_at=None,
            issued_at__lt=now - EMAIL_STALE_AFTER, issued_at__gt=now - EMAIL_GIVE_UP_AFTER,
        ).values_list("id", flat=True)
    )  # fmt: skip
    for certificate_id in ids:
        email_certificate.delay(certificate_id)
    return len(ids)


def certificate_email(*, certificate_id: int) -> bool:
    """Send the holder their PDF and link, once (claimed by setting emailed_at)."""
    from config import emails

    if not Certificate.objects.filter(pk=certificate_id, emailed_at=None).update(
        emailed_at=timezone.now()
    ):
        return False
    certificate = Certificate.objects.select_related("holder").get(pk=certificate_id)
    try:
        content = certificate_pdf_bytes(certificate=certificate)
        emails.send(
            "certificate-issued",
            [certificate.holder.email],
            {"certificate": certificate, "verify_url": urls_util.verify_url(certificate)},
            attachments=[(f"certificate-{certificate.short_code}.pdf", content, "application/pdf")],
        )
    except Exception:
        Certificate.objects.filter(pk=certificate_id).update(emailed_at=None)
        raise
    return True
