"""Staff screens inside the Wagtail admin: grid, projector, record trail, reports."""

import datetime as dt
import time
from urllib.parse import unquote

import segno

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from attendance import tokens
from attendance.access import (
    can_import_attendance,
    can_mark_session,
    can_see_cohort_reports,
    is_coordinator,
)
from attendance.days import current_day, default_day, session_days
from attendance.forms import CorrectionForm, ImportConfirmForm, ImportForm, MarkForm
from attendance.imports import attendance_import, check_rows, counts_of, read_attendance_table
from attendance.models import Status
from attendance.rendering import learner_cell_html, matrix_cells_html
from attendance.reports import matrix_xlsx, sign_in_sheet_pdf
from attendance.selectors import (
    GridRow,
    cohort_matrix,
    grid_statuses,
    record_with_trail,
    session_grid,
    sessions_for_marking,
)
from attendance.services import attendance_mark, attendance_mark_unmarked_absent
from cohorts.models import Cohort, Enrolment, Session
from core.imports import ImportView
from rights import access_log


def _session_for_marking(request, pk: int) -> Session:
    session = get_object_or_404(Session.objects.select_related("cohort"), pk=pk)
    if not can_mark_session(request.user, session):
        raise PermissionDenied
    return session


def _cohort_for_reports(request, pk: int) -> Cohort:
    cohort = get_object_or_404(Cohort, pk=pk)
    if not can_see_cohort_reports(request.user, cohort):
        raise PermissionDenied
    return cohort


def _day(request, session) -> dt.date:
    raw = request.GET.get("day") or request.POST.get("day")
    try:
        day = dt.date.fromisoformat(raw) if raw else default_day(session)
    except ValueError:
        raise Http404 from None
    if day not in session_days(session):
        raise Http404
    return day


def index(request):
    sessions = sessions_for_marking(request.user)
    cohorts = Cohort.objects.all() if is_coordinator(request.user) else []
    return render(
        request, "attendance/admin/index.html", {"sessions": sessions, "cohorts": cohorts}
    )


def grid(request, pk: int):
    session = _session_for_marking(request, pk)
    day = _day(request, session)
    rows = session_grid(session, day)
    return render(
        request,
        "attendance/admin/grid.html",
        {
            "session": session,
            "day": day,
            "days": session_days(session),
            "rows": rows,
            "statuses": Status.choices,
            "marked": sum(1 for row in rows if row.record),
            "can_import": can_import_attendance(request.user, session),
        },
    )


def _prompt(request) -> str:
    """What was typed into htmx's prompt. A header carries only Latin-1, so htmx sends
    Thai percent-encoded and says so in HX-Prompt-URI-AutoEncoded."""
    prompt = request.headers.get("HX-Prompt", "")
    if request.headers.get("HX-Prompt-URI-AutoEncoded") == "true":
        prompt = unquote(prompt)
    return prompt


@require_POST
def mark(request, pk: int):
    """One tap: save and return the row (htmx), or an error row that keeps the old state."""
    session = _session_for_marking(request, pk)
    day = _day(request, session)
    form = MarkForm(request.POST)
    enrolment = None
    if form.is_valid():
        enrolment = (
            Enrolment.objects.filter(pk=form.cleaned_data["enrolment"], cohort_id=session.cohort_id)
            .select_related("user", "team")
            .first()
        )
    if enrolment is None:
        return HttpResponse(_("Choose a learner and a status."), status=400)
    prompt = _prompt(request)
    data = form.cleaned_data
    excuse = data["excuse_reason"] or (prompt if data["status"] == Status.EXCUSED else "")
    error = ""
    try:
        record = attendance_mark(
            session=session,
            enrolment=enrolment,
            day=day,
            status=data["status"],
            by=request.user,
            reason=data["reason"] or prompt,
            excuse_reason=excuse,
        )
    except ValidationError as exc:
        error = " ".join(exc.messages)
        record = enrolment.attendance_records.filter(session=session, day=day).first()
    return render(
        request,
        "attendance/admin/grid_row.html",
        {
            "row": GridRow(enrolment, record),
            "session": session,
            "day": day,
            "statuses": Status.choices,
            "error": error,
        },
        status=400 if error else 200,
    )


def grid_row(request, pk: int, enrolment: int):
    """One row, fetched by the live refresh when a learner checks in by QR."""
    session = _session_for_marking(request, pk)
    day = _day(request, session)
    found = get_object_or_404(
        Enrolment.objects.select_related("user", "team"), pk=enrolment, cohort_id=session.cohort_id
    )
    record = found.attendance_records.filter(session=session, day=day).first()
    return render(
        request,
        "attendance/admin/grid_row.html",
        {"row": GridRow(found, record), "session": session, "day": day, "statuses": Status.choices},
    )


def statuses(request, pk: int):
    """Live refresh of the grid: the statuses only, so focus and taps are never lost."""
    session = _session_for_marking(request, pk)
    day = _day(request, session)
    found = grid_statuses(session, day)
    return JsonResponse({"statuses": {str(k): v for k, v in found.items()}, "marked": len(found)})


@require_POST
def close_day(request, pk: int):
    session = _session_for_marking(request, pk)
    day = _day(request, session)
    count = attendance_mark_unmarked_absent(session=session, day=day, by=request.user)
    messages.success(
        request, _("%(count)s learners not yet marked are now absent.") % {"count": count}
    )
    return redirect(f"{reverse('attendance_admin:grid', args=[session.pk])}?day={day}")


def projector(request, pk: int):
    session = _session_for_marking(request, pk)
    day = current_day(session) or _day(request, session)
    return render(
        request,
        "attendance/admin/projector.html",
        {"session": session, "day": day, **_qr_context(request, session, day)},
    )


def projector_code(request, pk: int):
    """The QR fragment the projector page polls; a new code every 30 seconds."""
    session = _session_for_marking(request, pk)
    day = _day(request, session)
    return render(
        request, "attendance/admin/projector_code.html", _qr_context(request, session, day)
    )


def _qr_context(request, session, day) -> dict:
    now = time.time()
    is_open = current_day(session) == day and not session.is_cancelled
    if not is_open:
        return {"is_open": False, "day": day}
    token = tokens.make_token(session.pk, day, tokens.current_step(now))
    url = request.build_absolute_uri(reverse("attendance:check_in", args=[token]))
    qr = segno.make(url, error="m")
    return {
        "is_open": True,
        "day": day,
        "qr_svg": qr.svg_inline(scale=10, border=2),
        "check_in_url": url,
        "short_code": tokens.short_code(session.pk, day),
        "code_url": request.build_absolute_uri(reverse("attendance:check_in_by_code")),
        "seconds_left": tokens.seconds_left(now),
    }


def record(request, pk: int):
    found = record_with_trail(pk)
    if found is None:
        raise Http404
    if not can_mark_session(request.user, found.session):
        raise PermissionDenied
    form = CorrectionForm(
        request.POST or None,
        request.FILES or None,
        initial={"status": found.status, "excuse_reason": found.excuse_reason},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            attendance_mark(
                session=found.session,
                enrolment=found.enrolment,
                day=found.day,
                status=data["status"],
                by=request.user,
                reason=data["reason"],
                excuse_reason=data["excuse_reason"],
                excuse_document=data["excuse_document"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The record was changed and the change kept in its trail."))
            return redirect("attendance_admin:record", pk=found.pk)
    return render(request, "attendance/admin/record.html", {"record": found, "form": form})


def excuse_document(request, pk: int):
    found = record_with_trail(pk)
    if found is None or not found.excuse_document:
        raise Http404
    if not can_mark_session(request.user, found.session):
        raise PermissionDenied
    return FileResponse(found.excuse_document.open("rb"), as_attachment=True)


def matrix(request, pk: int):
    cohort = _cohort_for_reports(request, pk)
    matrix = cohort_matrix(cohort)
    rows = [
        (row, learner_cell_html(row), matrix_cells_html(row, matrix.sessions))
        for row in matrix.rows
    ]
    return render(request, "attendance/admin/matrix.html", {"matrix": matrix, "rows": rows})


def matrix_export_xlsx(request, pk: int):
    cohort = _cohort_for_reports(request, pk)
    response = HttpResponse(
        matrix_xlsx(cohort_matrix(cohort)),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    access_log.record(request, "export", _("Attendance of %(cohort)s (XLSX)") % {"cohort": cohort})
    response["Content-Disposition"] = f'attachment; filename="{cohort.slug}-attendance.xlsx"'
    return response


def sign_in_sheet(request, pk: int):
    session = _session_for_marking(request, pk)
    day = _day(request, session)
    pdf = sign_in_sheet_pdf(session=session, day=day, rows=session_grid(session, day))
    access_log.record(request, "print", _("Sign-in sheet of %(session)s") % {"session": session})
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'inline; filename="sign-in-{session.cohort.slug}-{session.number}-{day}.pdf"'
    )
    return response


class ImportAttendance(ImportView):
    """Upload a sheet, preview every row (nothing written), then apply the clean rows in one
    transaction, re-checked against the records as they are now."""

    stash_key = "attendance-import"
    template_name = "attendance/admin/import.html"
    confirm_form_class = ImportConfirmForm

    def get_target(self, request, pk: int):
        session = get_object_or_404(Session.objects.select_related("cohort"), pk=pk)
        if not can_import_attendance(request.user, session):
            raise PermissionDenied
        return session

    def context(self) -> dict:
        return {"session": self.target}

    def upload_form(self, data=None, files=None, options=None):
        days = session_days(self.target)
        if options is not None:
            return ImportForm(days=days, initial=options)
        initial = {"day": _day(self.request, self.target).isoformat()} if data is None else None
        return ImportForm(data, files, days=days, initial=initial)

    def read(self, name: str, content: bytes) -> list[dict]:
        return read_attendance_table(name, content)

    def options(self, cleaned_data: dict) -> dict:
        return {"day": cleaned_data["day"].isoformat()}

    def check(self, records: list[dict], options: dict) -> list:
        day = dt.date.fromisoformat(options["day"])
        return check_rows(session=self.target, records=records, default_day=day)

    def stash_extra(self, rows: list) -> dict:
        return {
            "conflicts": {row.line: row.existing.status for row in rows if row.action == "conflict"}
        }

    def preview_context(self, rows: list, batch: str) -> dict:
        order = {"error": 0, "conflict": 1, "new": 2, "unchanged": 3}
        return {
            "rows": sorted(rows, key=lambda row: (order[row.action], row.line)),
            "counts": counts_of(rows),
            "confirm": ImportConfirmForm(initial={"batch": batch}),
        }

    def apply(self, payload: dict, confirmed: dict):
        conflicts = {int(line): status for line, status in payload["conflicts"].items()}
        return attendance_import(
            session=self.target,
            records=payload["records"],
            default_day=dt.date.fromisoformat(payload["options"]["day"]),
            by=self.request.user,
            conflicts=conflicts,
            change_reason=confirmed["reason"] if confirmed["change_existing"] else "",
        )

    def done(self, result, payload: dict):
        text = _(
            "Imported: %(new)d recorded, %(changed)d changed, %(unchanged)d "
            "unchanged, %(conflict)d existing records kept, %(error)d rows "
            "skipped."
        )
        messages.success(self.request, text % result)
        grid = reverse("attendance_admin:grid", args=[self.target.pk])
        return redirect(f"{grid}?day={payload['options']['day']}")


import_file = ImportAttendance.as_view()
