"""Who may screen applications and read their letters: coordinators only."""

from django.core.exceptions import PermissionDenied

from accounts.access import is_coordinator


def can_screen(user) -> bool:
    return is_coordinator(user)


def require_screener(request) -> None:
    if not can_screen(request.user):
        raise PermissionDenied
