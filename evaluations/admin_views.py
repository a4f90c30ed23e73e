"""Coordinators' screens: results with charts and comments, reminders, exports, trends."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cohorts.models import Cohort
from evaluations import reports, selectors, services
from evaluations.access import can_see_results
from evaluations.charts import trend_chart
from evaluations.forms import CopyFromTemplateForm
from evaluations.models import Evaluation
from evaluations.selectors import Summary

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _require_coordinator(request) -> None:
    if not can_see_results(request.user):
        raise PermissionDenied


def _evaluation(request, pk: int) -> Evaluation:
    _require_coordinator(request)
    return get_object_or_404(Evaluation.objects.select_related("cohort", "session"), pk=pk)


def index(request):
    _require_coordinator(request)
    cohorts = Cohort.objects.order_by("-number")
    context = {"cohorts": cohorts, "facilitators": selectors.facilitators()}
    return render(request, "evaluations/admin/index.html", context)


def results(request, pk: int):
    evaluation = _evaluation(request, pk)
    found = selectors.evaluation_results(evaluation, language=get_language() or "th")
    context = {
        "results": found,
        "rows": reports.charted(found),
        "not_answered": selectors.not_answered_enrolments(evaluation),
        "is_open": evaluation.is_open(),
    }
    return render(request, "evaluations/admin/results.html", context)


@require_POST
def remind(request, pk: int):
    """One reminder for each learner who has not answered; never a second one to anyone."""
    evaluation = _evaluation(request, pk)
    with transaction.atomic():
        ids = services.reminders_create(evaluation=evaluation)
    if not evaluation.is_open():
        messages.error(request, _("This evaluation is not open, so no reminder was sent."))
    else:
        messages.success(
            request,
            _("%(count)s reminders queued; nobody is reminded twice.") % {"count": len(ids)},
        )
    return redirect("evaluations_admin:results", pk=evaluation.pk)


def results_xlsx(request, pk: int):
    evaluation = _evaluation(request, pk)
    data = reports.results_xlsx(selectors.evaluation_results(evaluation))
    response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="evaluation-{evaluation.pk}.xlsx"'
    return response


def results_pdf(request, pk: int):
    evaluation = _evaluation(request, pk)
    pdf = reports.results_pdf(selectors.evaluation_results(evaluation, language="th"))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="evaluation-{evaluation.pk}.pdf"'
    return response


def _trend(rows: list[Summary], title: str):
    points = [(_label(row), row.average if row.shown else None) for row in rows]
    return trend_chart(points, title=title) if points else None


def _label(row: Summary) -> str:
    evaluation = row.evaluation
    if evaluation.session_id:
        return f"{evaluation.cohort.number}/{evaluation.session.number}"
    return f"{evaluation.cohort.number}/{_('end')}"


def cohort(request, pk: int):
    _require_coordinator(request)
    found = get_object_or_404(Cohort, pk=pk)
    rows = selectors.cohort_summaries(found)
    context = {
        "cohort": found,
        "rows": rows,
        "overall": selectors.overall_average(rows),
        "chart": _trend(rows, _("Average rating by session")),
    }
    return render(request, "evaluations/admin/cohort.html", context)


def facilitator(request, pk: int):
    _require_coordinator(request)
    person = get_object_or_404(get_user_model(), pk=pk)
    rows = selectors.facilitator_summaries(person)
    context = {
        "person": person,
        "rows": rows,
        "overall": selectors.overall_average(rows),
        "chart": _trend(rows, _("Average rating by session")),
        "facilitators": selectors.facilitators(),
    }
    return render(request, "evaluations/admin/facilitator.html", context)


def copy_from_template(request):
    """Make evaluations from a template: one per chosen session, or one for the cohort."""
    _require_coordinator(request)
    form = CopyFromTemplateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        made = services.evaluations_copy(**form.cleaned_data)
        messages.success(request, _("%(count)s evaluations made.") % {"count": len(made)})
        return redirect("evaluations_admin:cohort", pk=form.cleaned_data["cohort"].pk)
    return render(request, "evaluations/admin/copy.html", {"form": form})
