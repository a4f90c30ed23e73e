"""The programme dashboard: coordinators and programme observers read it; nobody writes."""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone, translation

from reporting import report
from reporting.access import can_see_dashboard, is_observer
from reporting.selectors import programme_dashboard

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _require_reader(request) -> None:
    if not can_see_dashboard(request.user):
        raise PermissionDenied


def dashboard(request):
    _require_reader(request)
    found = programme_dashboard()
    context = {
        **report.dashboard_context(found),
        "observer": is_observer(request.user),
        "now": timezone.now(),
    }
    return render(request, "reporting/admin/dashboard.html", context)


def dashboard_xlsx(request):
    _require_reader(request)
    response = HttpResponse(report.dashboard_xlsx(programme_dashboard()), content_type=XLSX)
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="programme-dashboard-{stamp}.xlsx"'
    return response


def dashboard_pdf(request):
    _require_reader(request)
    with translation.override("th"):  # the funder's report is Thai, its labels too
        found = programme_dashboard()
    response = HttpResponse(report.dashboard_pdf(found), content_type="application/pdf")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'inline; filename="programme-report-{stamp}.pdf"'
    return response
