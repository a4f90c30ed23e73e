"""Who may do what with attendance: one helper per object kind."""

from accounts.access import is_coordinator


def can_mark_session(user, session) -> bool:
    """Coordinators, and the facilitators of this session."""
    if not user.is_authenticated:
        return False
    if is_coordinator(user):
        return True
    return session.facilitators.filter(pk=user.pk).exists()


def can_import_attendance(user, session) -> bool:
    """Coordinators only. An import writes a whole sheet at once and may change
    records learners made by QR; facilitators mark their own sessions in the grid."""
    return is_coordinator(user)


def can_see_cohort_reports(user, cohort) -> bool:
    """Matrix, standings and exports: coordinators only."""
    return is_coordinator(user)


__all__ = ["can_import_attendance", "can_mark_session", "can_see_cohort_reports", "is_coordinator"]
