"""Keep a programme observer on the dashboard: nothing else of the admin is theirs.

The observer has ``wagtailadmin.access_admin`` (Wagtail's door) so the dashboard can
live in the admin beside the coordinators' one; this middleware, after the admin door
(accounts.middleware), sends them from the admin home to the dashboard and refuses
every other admin address with the admin's 403 page, whatever permissions Wagtail
would otherwise show them.
"""

from django.shortcuts import redirect, render
from django.urls import reverse

from reporting.access import is_observer

ADMIN = "/admin/"
# Where an observer may go in the admin besides the dashboard: signing out, and the two
# assets every admin page fetches (the icon sprite, which Wagtail's script writes into the
# page, and the script catalogue): refused, the 403 page appeared inside the dashboard.
OBSERVER_ALSO_ALLOWED = ("/admin/logout/", "/admin/sprite/", "/admin/jsi18n/")


class ObserverAdminMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path
        if not path.startswith(ADMIN) or not is_observer(request.user):
            return self.get_response(request)
        dashboard = reverse("reporting_admin:dashboard")
        if path.startswith(dashboard) or path.startswith(OBSERVER_ALSO_ALLOWED):
            return self.get_response(request)
        if path == ADMIN:
            return redirect(dashboard)
        return render(request, "reporting/admin/observer_403.html", status=403)
