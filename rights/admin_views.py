"""Coordinator screens: erasure requests (decide with a reason) and the access log."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from accounts.access import is_coordinator
from rights import selectors, services
from rights.forms import DecisionForm
from rights.models import AccessLogEntry, ErasureRequest


def _require_coordinator(request):
    if not is_coordinator(request.user):
        raise PermissionDenied


def erasure_list(request):
    _require_coordinator(request)
    requests = selectors.erasure_requests()
    context = {
        "open": requests.filter(status=ErasureRequest.Status.REQUESTED),
        "decided": requests.exclude(status=ErasureRequest.Status.REQUESTED)[:100],
    }
    return render(request, "rights/admin/erasure_list.html", context)


def erasure_detail(request, pk: int):
    _require_coordinator(request)
    erasure = get_object_or_404(selectors.erasure_requests(), pk=pk)
    form = DecisionForm(request.POST or None)
    is_open = erasure.status == ErasureRequest.Status.REQUESTED
    if request.method == "POST" and is_open and form.is_valid():
        try:
            _decide(request, erasure, form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("rights_admin:erasures")
    status = 400 if request.method == "POST" else 200
    context = {"erasure": erasure, "form": form}
    return render(request, "rights/admin/erasure_detail.html", context, status=status)


def _decide(request, erasure: ErasureRequest, data: dict) -> None:
    by, reason = request.user, data["reason"]
    if data["decision"] == DecisionForm.APPROVE:
        services.erasure_approve(request_id=erasure.pk, by=by, reason=reason, request=request)
        messages.success(request, _("The person's data was erased. The erasure is logged."))
    else:
        services.erasure_refuse(request_id=erasure.pk, by=by, reason=reason)
        messages.success(request, _("The request was refused; the reason is recorded."))


def access_log(request):
    _require_coordinator(request)
    entries = selectors.access_log()
    action = request.GET.get("action", "")
    if action in AccessLogEntry.Action.values:
        entries = entries.filter(action=action)
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    context = {"page": page, "actions": AccessLogEntry.Action.choices, "action": action}
    return render(request, "rights/admin/access_log.html", context)
