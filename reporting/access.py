"""Who may read the programme dashboard: one helper for every reporting screen."""

from accounts.access import is_coordinator
from reporting.roles import OBSERVER


def is_observer(user) -> bool:
    """In the observer group and not a coordinator: the read-only funder or partner."""
    if not user.is_authenticated or is_coordinator(user):
        return False
    # is_coordinator() has read and cached the person's group names (accounts.access).
    names = getattr(user, "_role_names", None)
    if names is None:
        names = set(user.groups.values_list("name", flat=True))
    return OBSERVER in names


def can_see_dashboard(user) -> bool:
    """Coordinators and programme observers; never facilitators or learners."""
    return is_coordinator(user) or is_observer(user)
