"""The programme observer (funders, partners) and what each role may do with reporting.

The observer is a group like the other three: ``accounts.roles.sync_roles`` creates it
after every migrate from what apps register. It may enter the admin only to read the
programme dashboard; ``reporting.middleware.ObserverAdminMiddleware`` keeps it there.
"""

from accounts.roles import COORDINATOR

OBSERVER = "Programme observer"

ROLE_PERMISSIONS = {
    COORDINATOR: [
        "reporting.view_dashboard",
        "reporting.change_programmetargets",
        "reporting.view_programmetargets",
    ],
    OBSERVER: ["wagtailadmin.access_admin", "reporting.view_dashboard"],
}
