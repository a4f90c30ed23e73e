"""The person's side: /me/data/ (ask for a copy, ask for erasure) and the download."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rights import selectors, services
from rights.access_log import record
from rights.forms import ErasureRequestForm
from rights.models import AccessLogEntry, DataExport


def _page(request, erasure_form=None, status=200):
    context = {
        "exports": selectors.person_exports(request.user),
        "erasure": selectors.open_erasure_request(request.user),
        "erasure_form": erasure_form or ErasureRequestForm(),
        "expiry_days": settings.DATA_EXPORT_EXPIRY_DAYS,
    }
    return render(request, "rights/my_data.html", context, status=status)


@login_required
def my_data(request):
    return _page(request)


@login_required
@require_POST
def export_request(request):
    _export, created = services.export_request(user=request.user)
    if created:
        messages.success(request, _("We are preparing your data. The link will arrive by email."))
    else:
        messages.info(request, _("Your data is already being prepared."))
    return redirect("rights:my_data")


@login_required
@require_POST
def erasure_request(request):
    form = ErasureRequestForm(request.POST)
    if not form.is_valid():
        return _page(request, erasure_form=form, status=400)
    _erasure, created = services.erasure_request(
        user=request.user, reason=form.cleaned_data["reason"]
    )
    if created:
        messages.success(request, _("Your request was sent to the programme team."))
    return redirect("rights:my_data")


@login_required
def download(request, token):
    """Only the person, only while the link is valid; a stranger learns nothing (404)."""
    export = get_object_or_404(DataExport, token=token, user=request.user)
    if not services.export_is_downloadable(export):
        if export.status in (DataExport.Status.PENDING, DataExport.Status.BUILDING):
            raise Http404
        return render(request, "rights/export_expired.html", status=410)
    record(request, AccessLogEntry.Action.DOWNLOAD, _("Copy of their own data"))
    return FileResponse(export.archive.open("rb"), as_attachment=True, filename="my-data.zip")
