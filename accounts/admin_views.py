"""Coordinator screens that read across the apps through core's registries."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import is_coordinator
from core.stuck import stuck_kind, stuck_rows


def _require_coordinator(request):
    if not is_coordinator(request.user):
        raise PermissionDenied


def stuck_work(request):
    """Notices, emails and batch items still claimed past their stale time."""
    _require_coordinator(request)
    return render(request, "accounts/admin/stuck_work.html", {"rows": stuck_rows()})


@require_POST
def stuck_retry(request, kind: str, pk: int):
    _require_coordinator(request)
    stuck = stuck_kind(kind)
    if stuck is None:
        raise Http404
    if stuck.retry(pk):
        messages.success(request, _("Queued again: it will be sent once."))
    else:
        messages.warning(request, _("That item is no longer stuck; nothing was queued."))
    return redirect("accounts_admin:stuck_work")
