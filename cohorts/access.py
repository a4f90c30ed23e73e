"""Who may read and manage cohorts' operational data (sessions, teams, enrolments).

Coordinators manage and read every cohort; facilitators read the cohorts they
teach (a session they facilitate, a team they advise, a cohort they coordinate).
"""

from django.db.models import Q, QuerySet

from accounts.access import is_coordinator, is_facilitator
from cohorts.models import Cohort


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
