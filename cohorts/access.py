"""Who may read and manage cohorts' operational data (sessions, teams, enrolments).

Coordinators manage and read every cohort; facilitators read the cohorts they
teach (a session they facilitate, a team they advise, a cohort they coordinate).
"""

from django.db.models import Q, QuerySet

from accounts.access import is_coordinator, is_facilitator
from cohorts.models import Cohort, Enrolment


def cohorts_taught_by(user) -> QuerySet[Cohort]:
    """Cohorts whose operational data (sessions, teams, enrolments) a person may read."""
    if is_coordinator(user):
        return Cohort.objects.all()
    if not is_facilitator(user):
        return Cohort.objects.none()
    rule = Q(sessions__facilitators=user) | Q(teams__advisor=user) | Q(coordinators=user)
    return Cohort.objects.filter(id__in=Cohort.objects.filter(rule).values("id"))


def can_manage_cohorts(user) -> bool:
    """Scheduling, enrolment, imports: coordinators only."""
    return is_coordinator(user)


def session_enrolment(user, session) -> tuple[bool, Enrolment | None]:
    """May this person open the learner's page of a session, and through which enrolment?

    Coordinators and the session's facilitators may (enrolment None). A learner of the
    cohort may through their current enrolment; a withdrawn or transferred learner keeps
    the sessions that began before they left (their enrolment, not current) and nothing after.
    """
    if not user.is_authenticated:
        return False, None
    enrolment = _latest_enrolment(user, session)
    if enrolment is not None and enrolment.is_current:
        return True, enrolment
    if is_coordinator(user) or session.facilitators.filter(pk=user.pk).exists():
        return True, None
    if enrolment is not None and enrolment.ended_at and session.starts_at < enrolment.ended_at:
        return True, enrolment
    return False, None


def visible_until(enrolment: Enrolment | None):
    """What a learner may see ends when their enrolment ended; None: no end (current, staff)."""
    if enrolment is None or enrolment.is_current:
        return None
    return enrolment.ended_at


def _latest_enrolment(user, session) -> Enrolment | None:
    enrolments = Enrolment.objects.filter(user=user, cohort_id=session.cohort_id)
    current = enrolments.filter(status__in=Enrolment.CURRENT_STATUSES).first()
    return current or enrolments.order_by("-ended_at").first()
