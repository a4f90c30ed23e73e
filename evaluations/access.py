"""Who may answer and who may see results: one helper per object kind."""

from accounts.access import is_coordinator
from cohorts.models import Enrolment


def answering_enrolment(user, evaluation) -> Enrolment | None:
    """The person's current enrolment in the evaluation's cohort: only they may answer."""
    if not user.is_authenticated:
        return None
    return (
        Enrolment.objects.current()
        .filter(user=user, cohort_id=evaluation.cohort_id)
        .select_related("cohort")
        .first()
    )


def can_see_results(user) -> bool:
    """Results, exports, the report, who has not answered, reminders: coordinators only."""
    return is_coordinator(user)
