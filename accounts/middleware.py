from allauth.mfa.models import Authenticator

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from accounts.access import is_staff_member

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
