"""Coordinator screens in the Wagtail admin: eligibility, issuing, progress, revoking."""

import datetime as dt
from types import SimpleNamespace

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_POST

from certificates import pdf, selectors, services
from certificates.access import can_manage
from certificates.forms import CohortTemplateForm, IssueOneForm, ReasonForm, RevokeForm
from certificates.models import Certificate, CertificateTemplate, IssuanceBatch, Signatory
from certificates.signatures import signature_content_type
from cohorts.models import Cohort, Enrolment


def _require_coordinator(request):
    if not can_manage(request.user):
        raise PermissionDenied


def index(request):
    _require_coordinator(request)
    # The attendance rule comes along for the eligibility column (one query fewer).
    cohorts = Cohort.objects.select_related(
        "certificate_settings__template", "completion_rule"
    ).order_by("-number")
    counts = {
        row["cohort_id"]: row
        for row in Certificate.objects.values("cohort_id").annotate(
            **{s: _count(s) for s in Certificate.Status.values}
        )
    }
    rows = [(c, counts.get(c.pk, {}), _chosen_template(c)) for c in cohorts]
    context = {
        "rows": rows,
        "lookups": selectors.lookup_counts(),
        "default_template": selectors.default_template(),
    }
    return render(request, "certificates/admin/index.html", context)


def _chosen_template(cohort):
    chosen = getattr(cohort, "certificate_settings", None)  # None: no row, the default
    return chosen.template if chosen else None


def _count(status):
    from django.db.models import Count, Q

    return Count("id", filter=Q(status=status))


def cohort_detail(request, cohort_id):
    _require_coordinator(request)
    # The attendance rule comes along for the eligibility column (one query fewer).
    cohorts = Cohort.objects.select_related("certificate_settings__template", "completion_rule")
    cohort = get_object_or_404(cohorts, pk=cohort_id)
    # Read with the cohort: one query fewer (a reverse one-to-one raises AttributeError).
    choice = getattr(cohort, "certificate_settings", None)
    return _cohort_page(request, cohort, chosen=choice.template if choice else None)


_UNREAD = object()


def _cohort_page(request, cohort, template_form=None, chosen=_UNREAD):
    if chosen is _UNREAD:
        chosen = selectors.cohort_template(cohort)
    template_form = template_form or CohortTemplateForm(initial={"template": chosen})
    default = next((t for t in template_form.read_templates() if t.is_default), None)
    context = {
        "cohort": cohort,
        "rows": selectors.cohort_eligibility(cohort),
        **_progress_context(IssuanceBatch.objects.filter(cohort=cohort).first()),
        "issue_form": IssueOneForm(),
        "chosen_template": chosen,
        "cohort_template": chosen or default,
        "template_form": template_form,
    }
    return render(request, "certificates/admin/cohort.html", context)


@require_POST
def cohort_template(request, cohort_id):
    """Choose the template of the cohort's next certificates; issued ones keep theirs."""
    _require_coordinator(request)
    cohort = get_object_or_404(Cohort, pk=cohort_id)
    form = CohortTemplateForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The certificate template was not changed."))
        return _cohort_page(request, cohort, template_form=form)
    template = form.cleaned_data["template"]
    services.cohort_template_set(cohort=cohort, template=template)
    if template:
        message = _("New certificates of this cohort will use “%(name)s”.") % {"name": template}
    else:
        message = _("New certificates of this cohort will use the default template.")
    messages.success(request, message)
    return redirect("certificates_admin:cohort", cohort_id=cohort.pk)


# Redis is down: the batch is in the database and goes out when a worker reconnects.
_QUEUE_DOWN = _lazy(
    "The task queue is not available right now. %(n)s certificates are recorded and will be "
    "issued and emailed by themselves when the queue is back: there is nothing more to do."
)


@require_POST
def cohort_issue(request, cohort_id):
    _require_coordinator(request)
    cohort = get_object_or_404(Cohort, pk=cohort_id)
    batch = services.batch_start(cohort=cohort, requested_by=request.user)
    if batch.queue_down:
        messages.warning(request, _QUEUE_DOWN % {"n": batch.total})
    else:
        messages.success(
            request, _("Issuing %(n)s certificates in the background.") % {"n": batch.total}
        )
    return redirect("certificates_admin:cohort", cohort_id=cohort.pk)


@require_POST
def enrolment_issue(request, enrolment_id):
    _require_coordinator(request)
    enrolment = get_object_or_404(Enrolment.objects.select_related("cohort"), pk=enrolment_id)
    form = IssueOneForm(request.POST)
    if form.is_valid():
        try:
            batch = services.batch_start_one(
                enrolment=enrolment,
                requested_by=request.user,
                override_reason=form.cleaned_data["override_reason"],
            )
            if batch.queue_down:
                messages.warning(request, _QUEUE_DOWN % {"n": batch.total})
            else:
                messages.success(request, _("The certificate is being issued."))
        except services.CertificateError as exc:
            messages.error(request, str(exc))
    return redirect("certificates_admin:cohort", cohort_id=enrolment.cohort_id)


def batch_progress(request, batch_id):
    """The bar, polled by htmx while the batch runs; the report once it has finished.

    The poll that finds the batch finished also swaps in the cohort's table, so
    the page stops offering to issue certificates that now exist.
    """
    _require_coordinator(request)
    batch = get_object_or_404(IssuanceBatch.objects.select_related("cohort"), pk=batch_id)
    context = _progress_context(batch)
    if context["items"] is not None and request.headers.get("HX-Request"):
        context["fresh_rows"] = selectors.cohort_eligibility(batch.cohort)
    return render(request, "certificates/admin/_progress.html", context)


def _progress_context(batch: IssuanceBatch | None) -> dict:
    """The batch for the bar; its items for the report once it has finished."""
    if batch is None or batch.status != IssuanceBatch.Status.FINISHED:
        return {"batch": batch, "items": None}
    items = batch.items.select_related("enrolment__user", "certificate").order_by(
        "enrolment__user__first_name", "enrolment__user__last_name"
    )  # as the cohort's table lists them
    return {"batch": batch, "items": items}


def certificate_detail(request, certificate_id):
    _require_coordinator(request)
    certificate = get_object_or_404(
        Certificate.objects.select_related(
            "cohort", "superseded_by", "holder", "template", "issued_by", "revoked_by"
        ),
        pk=certificate_id,
    )
    context = {
        "certificate": certificate,
        "form": ReasonForm(),
        "revoke_form": RevokeForm(),
        "lookups": selectors.certificate_lookups(certificate),
    }
    return render(request, "certificates/admin/certificate.html", context)


@require_POST
def certificate_change(request, certificate_id, action):
    _require_coordinator(request)
    if action not in ("revoke", "reissue"):
        raise Http404
    certificate = get_object_or_404(Certificate, pk=certificate_id)
    form = (RevokeForm if action == "revoke" else ReasonForm)(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write a reason first."))
        return redirect("certificates_admin:certificate", certificate_id=certificate.pk)
    reason = form.cleaned_data["reason"]
    try:
        if action == "revoke":
            services.certificate_revoke(
                certificate=certificate,
                reason=reason,
                category=form.cleaned_data["category"] or Certificate.RevocationCategory.WITHDRAWN,
                revoked_by=request.user,
            )
            messages.success(request, _("The certificate was revoked."))
        else:
            new = services.certificate_reissue(
                certificate=certificate, reason=reason, issued_by=request.user
            )
            services.certificate_email_enqueue(certificate=new)
            messages.success(request, _("A corrected certificate was issued."))
            return redirect("certificates_admin:certificate", certificate_id=new.pk)
    except (services.CertificateError, ValidationError) as exc:
        messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
    return redirect("certificates_admin:certificate", certificate_id=certificate.pk)


def template_preview(request, template_id):
    """The template rendered with sample data, before anyone receives it."""
    _require_coordinator(request)
    template = get_object_or_404(CertificateTemplate, pk=template_id)
    sample = sample_certificate(template)
    context = pdf.context_for(sample, "https://example.org/verify/SAMPLE/")
    context["verify_base"] = "https://example.org/verify/"
    content = pdf.write(pdf.render(context), credential_jwt="", title="preview")
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = 'inline; filename="preview.pdf"'
    return response


def signatory_signature(request, signatory_id):
    """A signatory's signature image, for the coordinators' template screens only."""
    _require_coordinator(request)
    signatory = get_object_or_404(Signatory.objects.only("pk", "signature"), pk=signatory_id)
    if not signatory.signature:
        raise Http404
    try:
        handle = signatory.signature.storage.open(signatory.signature.name, "rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    head = handle.read(8192)
    handle.seek(0)
    response = FileResponse(
        handle, content_type=signature_content_type(head) or "application/octet-stream"
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Disposition"] = "inline"
    return response


def sample_certificate(template):
    return SimpleNamespace(
        holder_name_th="นายสมชาย ใจดี",
        holder_name_en="Mr Somchai Jaidee",
        position="นายกเทศมนตรี",
        organisation_th="เทศบาลนครขอนแก่น",
        organisation_en="Khon Kaen City Municipality",
        programme_th=template.programme_th,
        programme_en=template.programme_en,
        cohort_number=1,
        completed_on=dt.date(2023, 3, 31),
        issued_at=timezone.now(),
        design=services.design_snapshot(template),
        serial_label="พมส. 1/0001",
        short_code="SAMP-LE00-0000",
    )
