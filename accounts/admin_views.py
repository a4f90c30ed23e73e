"""Coordinator screens that read across the apps through core's registries."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import is_coordinator
from accounts.forms import PrivacyNoticeForm
from accounts.models import PrivacyNotice
from accounts.privacy import current_notice, notice_publish
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


PUBLISH_PERMISSION = "accounts.add_privacynotice"


def _require_publisher(request):
    if not request.user.has_perm(PUBLISH_PERMISSION):
        raise PermissionDenied


def privacy_notices(request):
    """Every version, the one in force first; a new one starts from the text in force."""
    _require_publisher(request)
    notices = PrivacyNotice.objects.order_by("-version")
    return render(request, "accounts/admin/privacy_notices.html", {"notices": notices})


def privacy_notice_new(request):
    """Write, preview (nothing saved), then publish: everyone accepts it at their next visit."""
    _require_publisher(request)
    in_force = current_notice()
    initial = {"body_th": in_force.body_th, "body_en": in_force.body_en} if in_force else {}
    form = PrivacyNoticeForm(request.POST or None, initial=initial)
    preview = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if request.POST.get("action") == "publish":
            notice = notice_publish(body_th=data["body_th"], body_en=data["body_en"])
            messages.success(
                request,
                _("Version %(version)s is published: everyone accepts it at their next visit.")
                % {"version": notice.version},
            )
            return redirect("accounts_privacy:index")
        preview = PrivacyNotice(body_th=data["body_th"], body_en=data["body_en"])
    context = {"form": form, "preview": preview, "in_force": in_force}
    return render(request, "accounts/admin/privacy_notice_new.html", context)
