"""Coordinator screens in the Wagtail admin: generate, reschedule, cancel, invite, import,
withdraw and transfer. Each checks can_manage_cohorts, parses a form, calls one service."""

import datetime as dt
import uuid

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import HiddenInput
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from cohorts import forms, selectors, services
from cohorts.access import can_manage_cohorts
from cohorts.imports import ImportRow, check_rows, enrolment_import, read_enrolment_table
from cohorts.models import Cohort, Enrolment, Session
from core.tables import ImportFileError

IMPORT_KEY = "cohorts-import"


def _require_coordinator(request) -> None:
    if not can_manage_cohorts(request.user):
        raise PermissionDenied


def _render(request, template, **context):
    return TemplateResponse(request, template, context)


def _sessions_url(cohort) -> str:
    return reverse("cohorts_session:index") + f"?cohort={cohort.pk}"


def generate_sessions(request, cohort_id: int):
    _require_coordinator(request)
    cohort = get_object_or_404(Cohort, pk=cohort_id)
    form = forms.GenerateSessionsForm(request.POST or None)
    preview, has_conflicts = [], False
    if request.method == "POST" and form.is_valid():
        pattern = services.SessionPattern(**form.cleaned_data_for_pattern())
        preview = _preview(cohort, pattern)
        has_conflicts = any(row["conflicts"] for row in preview)
        allowed = not has_conflicts or form.cleaned_data["save_despite_conflicts"]
        if request.POST.get("action") == "create" and allowed:
            created = services.sessions_generate(cohort=cohort, pattern=pattern)
            messages.success(
                request,
                _("%(n)d sessions created for %(cohort)s.") % {"n": len(created), "cohort": cohort},
            )
            return redirect(_sessions_url(cohort))
    if not has_conflicts:
        form.fields["save_despite_conflicts"].widget = HiddenInput()
    return _render(
        request,
        "cohorts/admin/generate.html",
        form=form,
        preview=preview,
        has_conflicts=has_conflicts,
        title=_("Generate sessions"),
        subtitle=str(cohort),
        back_url=reverse("cohorts_cohort:index"),
        intro=_(
            "Sessions are added after the cohort's existing ones and numbered "
            "in date order. Preview first, then create."
        ),
    )


def _preview(cohort, pattern) -> list[dict]:
    """Each session the pattern makes, with its clashes and its weekend or holiday days."""
    start = cohort.sessions.count()
    span = [pattern.times(index) for index in range(pattern.count)]
    holidays = selectors.holidays_between(
        first=span[0][0].date(), last=span[-1][1].date() + dt.timedelta(days=1)
    )
    rows = []
    for index, (starts_at, ends_at) in enumerate(span):
        rows.append(
            {
                "number": start + index + 1,
                "title_th": pattern.title_th.replace("{n}", str(start + index + 1)),
                "starts_at": starts_at,
                "ends_at": ends_at,
                "conflicts": services.session_conflicts(
                    cohort=cohort,
                    starts_at=starts_at,
                    ends_at=ends_at,
                    venue=pattern.venue,
                    facilitators=pattern.facilitators,
                )
                + services.session_calendar_warnings(
                    starts_at=starts_at, ends_at=ends_at, holidays=holidays
                ),
            }
        )
    return rows


def _session_action(
    request,
    session_id: int,
    *,
    form_class,
    apply,
    done: str,
    title: str,
    submit_label: str,
    refusal=None,
):
    """One coordinator form about one session: show it, apply it, tell who is emailed."""
    _require_coordinator(request)
    session = get_object_or_404(Session.objects.select_related("cohort"), pk=session_id)
    if refusal and (problem := refusal(session)):
        messages.error(request, problem)
        return redirect(_sessions_url(session.cohort))
    form = form_class(request.POST or None, session=session)
    if request.method == "POST" and form.is_valid():
        apply(session, form.cleaned_data)
        messages.success(request, done % {"session": session})
        return redirect(_sessions_url(session.cohort))
    return _render(
        request,
        "cohorts/admin/form.html",
        form=form,
        title=title,
        subtitle=str(session),
        submit_label=submit_label,
        back_url=_sessions_url(session.cohort),
    )


def reschedule_session(request, session_id: int):
    def apply(session, data):
        services.session_reschedule(
            session=session,
            starts_at=data["starts_at"],
            ends_at=data["ends_at"],
            venue=data["venue"],
            keep_venue=False,
            note=data["note"],
        )

    return _session_action(
        request,
        session_id,
        form_class=forms.RescheduleForm,
        apply=apply,
        done=_("%(session)s rescheduled; participants are being emailed."),
        title=_("Reschedule"),
        submit_label=_("Reschedule and notify"),
    )


def cancel_session(request, session_id: int):
    return _session_action(
        request,
        session_id,
        form_class=forms.CancelForm,
        apply=lambda session, data: services.session_cancel(session=session, note=data["note"]),
        done=_("%(session)s cancelled; participants are being emailed."),
        title=_("Cancel session"),
        submit_label=_("Cancel session and notify"),
    )


def reopen_session(request, session_id: int):
    def apply(session, data):
        services.session_reopen(
            session=session,
            starts_at=data["starts_at"],
            ends_at=data["ends_at"],
            venue=data["venue"],
            note=data["note"],
        )

    return _session_action(
        request,
        session_id,
        form_class=forms.RescheduleForm,
        apply=apply,
        done=_("%(session)s re-opened; participants are being emailed."),
        title=_("Re-open session"),
        submit_label=_("Re-open and notify"),
        refusal=lambda s: (
            None if s.is_cancelled else _("Only a cancelled session can be re-opened.")
        ),
    )


def invite_person(request, cohort_id: int):
    _require_coordinator(request)
    cohort = get_object_or_404(Cohort, pk=cohort_id)
    form = forms.InviteForm(request.POST or None, cohort=cohort)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        email, role, team = data.pop("email"), data.pop("role"), data.pop("team")
        try:
            _enrolment, created = services.enrolment_invite(
                cohort=cohort, email=email, role=role, team=team, profile=data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            text = (
                _("%(email)s invited to %(cohort)s.")
                if created
                else _("%(email)s is already enrolled in %(cohort)s.")
            )
            messages.success(request, text % {"email": email, "cohort": cohort})
            return redirect(reverse("cohorts_enrolment:index") + f"?cohort={cohort.pk}")
    return _render(
        request,
        "cohorts/admin/form.html",
        form=form,
        title=_("Invite a person"),
        subtitle=str(cohort),
        submit_label=_("Invite"),
        back_url=reverse("cohorts_cohort:index"),
    )


def import_people(request, cohort_id: int):
    _require_coordinator(request)
    cohort = get_object_or_404(Cohort, pk=cohort_id)
    stash = request.session.get(IMPORT_KEY, {})
    context = {
        "title": _("Import learners"),
        "subtitle": str(cohort),
        "icon": "upload",
        "submit_label": _("Check the file"),
        "back_url": reverse("cohorts_cohort:index"),
    }
    if request.method == "POST" and request.POST.get("action") == "confirm":
        batch = stash.get(request.POST.get("batch", ""))
        if not batch or batch["cohort"] != cohort.pk:
            messages.error(request, _("That preview has expired; upload the file again."))
            return redirect(request.path)
        context["result"] = enrolment_import(cohort=cohort, records=batch["records"])
        stash.pop(request.POST["batch"], None)
        request.session[IMPORT_KEY] = stash
        return _render(request, "cohorts/admin/import.html", form=forms.ImportForm(), **context)
    form = forms.ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            records = read_enrolment_table(upload.name, upload.read())
        except ImportFileError as error:
            form.add_error("file", str(error))
        else:
            rows = check_rows(cohort=cohort, records=records)
            batch = uuid.uuid4().hex
            request.session[IMPORT_KEY] = {batch: {"cohort": cohort.pk, "records": records}}
            problems_first = sorted(rows, key=lambda row: (row.action != "error", row.line))
            context.update(rows=problems_first, batch=batch, counts=_counts(rows))
    return _render(request, "cohorts/admin/import.html", form=form, **context)


def _counts(rows: list[ImportRow]) -> dict:
    errors = sum(row.action == "error" for row in rows)
    ready = sum(row.action in ("new", "enrol") for row in rows)
    return {"error": errors, "ok": ready, "unchanged": len(rows) - errors - ready}


def withdraw_enrolment(request, enrolment_id: int):
    _require_coordinator(request)
    enrolment = get_object_or_404(
        Enrolment.objects.select_related("cohort", "user"), pk=enrolment_id
    )
    form = forms.WithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.enrolment_withdraw(enrolment=enrolment, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("%(e)s withdrawn; the record is kept.") % {"e": enrolment})
            return redirect("cohorts_enrolment:index")
    return _render(
        request,
        "cohorts/admin/form.html",
        form=form,
        title=_("Withdraw"),
        subtitle=str(enrolment),
        submit_label=_("Withdraw"),
        back_url=reverse("cohorts_enrolment:index"),
    )


def transfer_enrolment(request, enrolment_id: int):
    _require_coordinator(request)
    enrolment = get_object_or_404(
        Enrolment.objects.select_related("cohort", "user"), pk=enrolment_id
    )
    form = forms.TransferForm(request.POST or None, enrolment=enrolment)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            new = services.enrolment_transfer(
                enrolment=enrolment,
                to_cohort=data["to_cohort"],
                team=data["team"],
                reason=data["reason"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Transferred to %(cohort)s.") % {"cohort": new.cohort})
            return redirect("cohorts_enrolment:index")
    return _render(
        request,
        "cohorts/admin/form.html",
        form=form,
        title=_("Transfer"),
        subtitle=str(enrolment),
        submit_label=_("Transfer"),
        back_url=reverse("cohorts_enrolment:index"),
    )
