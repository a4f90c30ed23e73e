"""The CSV export at /cohorts/<slug>/attendance.csv, outside the admin and the locale prefix."""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from attendance.access import can_see_cohort_reports
from attendance.reports import matrix_csv
from attendance.selectors import cohort_matrix
from cohorts.models import Cohort
from rights.access_log import record


def attendance_csv(request, slug: str):
    """Coordinators only; everyone else, anonymous included, gets 403."""
    # Decided before the lookup, so outsiders cannot even learn which cohorts exist.
    if not can_see_cohort_reports(request.user, None):
        raise PermissionDenied
    cohort = get_object_or_404(Cohort, slug=slug)
    response = HttpResponse(matrix_csv(cohort_matrix(cohort)), content_type="text/csv")
    record(request, "export", _("Attendance of %(cohort)s (CSV)") % {"cohort": cohort})
    response["Content-Disposition"] = f'attachment; filename="{cohort.slug}-attendance.csv"'
    return response
