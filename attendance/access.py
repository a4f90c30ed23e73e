"""Who may do what with attendance: one helper per object kind."""

from accounts.access import is_coordinator


def can_mark_session(user, session) -> bool:
    """Coordinators, and the facilitators of this session."""
    if not user.is_authenticated:
        return False
    if is_coordinator(user):
        return True
    return session.facilitators.filter(pk=user.pk).exists()


def can_see_cohort_reports(user, cohort) -> bool:
    """Matrix, standings and exports: coordinators only."""
    return is_coordinator(user)


__all__ = ["can_mark_session", "can_see_cohort_reports", "is_coordinator"]
