from urllib.parse import urlencode

from allauth.mfa.models import Authenticator

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.access import is_staff_member
from accounts.privacy import (
    SESSION_KEY,
    current_notice,
    has_accepted,
    notice_in_force_id,
    remember_notice_in_force,
)

# Paths a staff member without a second factor may still reach.
_ALLOWED_PREFIXES = ("/accounts/", "/en/accounts/", "/static/", "/healthz", "/media/")


class StaffMFARequiredMiddleware:
    """When MFA_REQUIRED_FOR_STAFF is on, staff must enrol TOTP or a passkey first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._must_enrol(request):
            messages.warning(
                request,
                _("Staff accounts must set up two-factor authentication before continuing."),
            )
            return redirect("mfa_index")
        return self.get_response(request)

    def _must_enrol(self, request) -> bool:
        if not settings.MFA_REQUIRED_FOR_STAFF or request.path.startswith(_ALLOWED_PREFIXES):
            return False
        user = request.user
        if not is_staff_member(user):
            return False
        strong = [Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN]
        return not Authenticator.objects.filter(user=user, type__in=strong).exists()


class AdminDoorMiddleware:
    """A signed-in person without admin access gets a 403 page at any /admin/ URL.

    Wagtail would send them to the login page, which sends a signed-in person
    straight back to the admin: a redirect loop with a message added per turn.
    Anonymous visitors still go to the login page (Wagtail does that).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            request.path.startswith("/admin/")
            and user.is_authenticated
            and not user.has_perm("wagtailadmin.access_admin")
        ):
            return render(request, "403_admin.html", status=403)
        return self.get_response(request)


# The signed-in areas where the privacy notice must have been accepted (after /en/, if any).
# Everything else stays open: the acceptance page, login and logout (/accounts/), static
# files, /healthz, the API, feeds and the public site.
_PRIVACY_GATED = (
    "me/",
    "directory/",
    "review/",
    "files/",
    "attendance/",
    "check-in/",
    "calendar/reset/",
    "admin/",
)
_PRIVACY_OPEN = ("me/privacy/accept/", "admin/login/")


class PrivacyNoticeMiddleware:
    """A signed-in person accepts the current privacy notice before using the portal.

    The acceptance is remembered in the session per version and the version in force in
    the cache (accounts.privacy), so a person who accepted it costs no query; a new
    version forgets the cached one and sends everyone to accept it again.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._must_accept(request):
            accept = reverse("accounts:privacy_accept")
            return redirect(f"{accept}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)

    def _must_accept(self, request) -> bool:
        path = request.path.removeprefix("/")
        if path.startswith("en/"):
            path = path.removeprefix("en/")
        if not path.startswith(_PRIVACY_GATED) or path.startswith(_PRIVACY_OPEN):
            return False
        user = request.user
        if not user.is_authenticated:
            return False
        in_force, accepted = notice_in_force_id(), request.session.get(SESSION_KEY)
        if in_force == 0 or (in_force is not None and in_force == accepted):
            return False
        notice = current_notice()
        remember_notice_in_force(notice)
        if notice is None or accepted == notice.pk:
            return False
        if has_accepted(user, notice):
            request.session[SESSION_KEY] = notice.pk
            return False
        return True
