"""Who may see which cohort: one helper per object kind, used by every view and feed.

Coordinators see every cohort; facilitators see the cohorts they teach
(a session they facilitate, or a team they advise); learners see the cohorts
they are currently enrolled in, and only their own team.
"""

from django.db.models import Q, QuerySet

from accounts.access import is_coordinator, is_facilitator
from cohorts.models import Cohort, Enrolment, Session, Team


def cohorts_visible_to(user) -> QuerySet[Cohort]:
    if not user.is_authenticated:
        return Cohort.objects.none()
    if is_coordinator(user):
        return Cohort.objects.all()
    rule = Q(enrolments__user=user, enrolments__status__in=Enrolment.CURRENT_STATUSES)
    if is_facilitator(user):
        rule |= Q(sessions__facilitators=user) | Q(teams__advisor=user) | Q(coordinators=user)
    return Cohort.objects.filter(id__in=Cohort.objects.filter(rule).values("id"))


def cohorts_taught_by(user) -> QuerySet[Cohort]:
    """Cohorts whose operational data (sessions, teams, enrolments) a person may read."""
    if is_coordinator(user):
        return Cohort.objects.all()
    if not is_facilitator(user):
        return Cohort.objects.none()
    rule = Q(sessions__facilitators=user) | Q(teams__advisor=user) | Q(coordinators=user)
    return Cohort.objects.filter(id__in=Cohort.objects.filter(rule).values("id"))


def can_view_cohort(user, cohort: Cohort) -> bool:
    return cohorts_visible_to(user).filter(pk=cohort.pk).exists()


def can_manage_cohorts(user) -> bool:
    """Scheduling, enrolment, imports: coordinators only."""
    return is_coordinator(user)


def can_view_team(user, team: Team) -> bool:
    if cohorts_taught_by(user).filter(pk=team.cohort_id).exists():
        return True
    return team.members.current().filter(user=user).exists()


def can_view_session(user, session: Session) -> bool:
    return can_view_cohort(user, session.cohort)
