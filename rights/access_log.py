"""The one helper every export, print and download of personal data calls.

    from rights.access_log import record

    record(request, "export", _("Attendance of %(cohort)s (XLSX)") % {"cohort": cohort})

Coordinators read the log in the admin (Personal data > Access log).
"""

from typing import Any

from rights.models import AccessLogEntry


def record(request: Any, action: str, what: str, *, actor: Any = None) -> AccessLogEntry:
    """Log it: ``request`` gives the person and the address (``actor`` when there is no
    request, e.g. a task); ``what`` is already translated and names the data."""
    actor = actor if actor is not None else getattr(request, "user", None)
    if actor is not None and not actor.is_authenticated:
        actor = None
    return AccessLogEntry.objects.create(
        actor=actor,
        actor_label=(actor.get_full_name() if actor else "") or (actor.email if actor else "-"),
        action=action,
        what=str(what)[:300],
        path=request.get_full_path()[:500] if request is not None else "",
    )
