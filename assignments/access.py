"""Who may see and review handed-in work: one helper per object kind."""

from accounts.access import is_coordinator
from cohorts.models import Enrolment


def current_enrolment(user, cohort_id: int) -> Enrolment | None:
    if not user.is_authenticated:
        return None
    return (
        Enrolment.objects.current()
        .filter(user=user, cohort_id=cohort_id)
        .select_related("team", "cohort")
        .first()
    )


def _advisor_id(submission) -> int | None:
    """The advisor of the team the work belongs to (an individual's own team)."""
    if submission.team_id:
        return submission.team.advisor_id
    enrolment = current_enrolment(submission.learner, submission.assignment.cohort_id)
    return enrolment.team.advisor_id if enrolment and enrolment.team_id else None


def is_owner(user, submission) -> bool:
    if not user.is_authenticated:
        return False
    if submission.learner_id:
        return submission.learner_id == user.pk
    return Enrolment.objects.filter(
        user=user, team_id=submission.team_id, status__in=Enrolment.CURRENT_STATUSES
    ).exists()


def can_review_submission(user, submission) -> bool:
    if not user.is_authenticated:
        return False
    return is_coordinator(user) or _advisor_id(submission) == user.pk


def can_view_submission(user, submission) -> bool:
    """The team (or the learner), the team's advisor, coordinators."""
    return is_owner(user, submission) or can_review_submission(user, submission)
