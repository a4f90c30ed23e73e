"""Coordinators screen applications: filters, quota fill, notes, bulk status, enrolment."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from admissions import selectors, services
from admissions.access import require_screener
from admissions.forms import BulkStatusForm, FilterForm, NoteForm
from admissions.models import Application, Intake


def _intake(request, pk: int) -> Intake:
    require_screener(request)
    return get_object_or_404(Intake.objects.select_related("cohort"), pk=pk)


def index(request):
    require_screener(request)
    intakes = Intake.objects.select_related("cohort").order_by("-opens_at")
    return render(request, "admissions/admin/index.html", {"intakes": intakes})


def _filters(form: FilterForm) -> selectors.Filters:
    if not form.is_valid():
        return selectors.Filters()
    data = form.cleaned_data
    province = data.get("province")
    return selectors.Filters(
        status=data.get("status") or "",
        region=data.get("region") or "",
        province=province.pk if province else None,
        kind=data.get("kind") or "",
        theme=data.get("theme") or "",
        flagged=bool(data.get("flagged")),
    )


def screening(request, pk: int):
    intake = _intake(request, pk)
    form = FilterForm(request.GET or None)
    rows = list(selectors.screening_list(intake, _filters(form)))
    context = {
        "intake": intake,
        "filter_form": form,
        "rows": rows,
        "fills": selectors.quota_fill(intake),
        "report": selectors.intake_report(intake),
        "statuses": Application.Status.choices,
        "query": request.GET.urlencode(),
    }
    return render(request, "admissions/admin/screening.html", context)


@require_POST
def bulk_status(request, pk: int):
    intake = _intake(request, pk)
    ids = list(intake.applications.values_list("pk", flat=True))
    form = BulkStatusForm(request.POST, ids=ids)
    back = redirect(_back(request, intake))
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
        return back
    counts = services.applications_set_status(
        intake=intake, ids=form.cleaned_data["ids"], status=form.cleaned_data["status"]
    )
    messages.success(request, _("%(changed)s changed, %(unchanged)s already so.") % counts)
    if counts["no_room"]:
        messages.warning(
            request,
            _("%(no_room)s not accepted: no place left in the intake or its quota.") % counts,
        )
    if counts["refused"]:
        messages.warning(
            request, _("%(refused)s not changed: withdrawn or already enrolled.") % counts
        )
    return back


def _back(request, intake: Intake) -> str:
    """The listing (with its filters) or the one application the change was made from."""
    wanted = request.POST.get("next", "")
    if wanted and url_has_allowed_host_and_scheme(wanted, allowed_hosts={request.get_host()}):
        return wanted
    query = request.POST.get("query", "")
    return reverse("admissions_admin:screening", args=[intake.pk]) + (f"?{query}" if query else "")


def application(request, pk: int):
    require_screener(request)
    application = get_object_or_404(
        Application.objects.select_related("intake__cohort", "province", "organisation"), pk=pk
    )
    form = NoteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.application_note_add(
                application=application, author=request.user, text=form.cleaned_data["text"]
            )
        except ValidationError as error:
            form.add_error("text", error)
        else:
            messages.success(request, _("Note added."))
            return redirect("admissions_admin:application", pk=application.pk)
    context = {
        "application": application,
        "notes": application.notes.select_related("author"),
        "emails": application.status_emails.all(),
        "form": form,
        "statuses": Application.Status.choices,
        "others": _others(application),
    }
    return render(request, "admissions/admin/application.html", context)


def _others(application: Application):
    """The applications it was flagged against, for the coordinator to compare."""
    if not application.is_flagged:
        return []
    rows = application.intake.applications.exclude(pk=application.pk)
    return [
        other
        for other in rows.select_related("organisation")
        if (application.same_person and other.email.lower() == application.email.lower())
        or (
            application.same_person
            and (other.first_name, other.last_name)
            == (application.first_name, application.last_name)
        )
        or (
            application.same_organisation
            and other.organisation_label == application.organisation_label
            and other.province_id == application.province_id
        )
    ]


def letter(request, pk: int):
    require_screener(request)
    application = get_object_or_404(Application, pk=pk)
    response = FileResponse(
        application.letter.open("rb"), as_attachment=True, filename=application.letter_name
    )
    response["Content-Type"] = "application/pdf"
    response["Cache-Control"] = "private, no-store"
    return response


def enrol(request, pk: int):
    """The one button: accepted applications become enrolments in their municipality's teams."""
    intake = _intake(request, pk)
    if request.method == "POST":
        counts = services.applications_enrol(intake=intake)
        messages.success(
            request,
            _("%(new)s new accounts and %(existing)s existing ones enrolled; invitations sent.")
            % counts,
        )
        return redirect("admissions_admin:screening", pk=intake.pk)
    context = {"intake": intake, "proposals": selectors.team_proposals(intake)}
    return render(request, "admissions/admin/enrol.html", context)
