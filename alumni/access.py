"""Who may open the directory (ทำเนียบรุ่น), and which cohorts in it.

A cohort's directory is for its own people: its current learners and graduates (an
alumnus keeps it after the cohort ends), the staff who teach it and coordinators, who
see every cohort. Another cohort's learner does not read it (its names stay within it,
as everywhere else on the platform). Contact fields and photos need the person's own
consent on top of this (accounts.consent).
"""

from django.db.models import Q, QuerySet

from cohorts.access import cohorts_taught_by
from cohorts.models import Cohort, Enrolment


def directory_cohorts(user) -> QuerySet[Cohort]:
    """The cohorts whose directory this person may read (none for anonymous)."""
    if not user.is_authenticated:
        return Cohort.objects.none()
    mine = Enrolment.objects.current().filter(user=user).values("cohort_id")
    taught = cohorts_taught_by(user).values("id")
    return Cohort.objects.filter(Q(id__in=mine) | Q(id__in=taught))


def may_use_directory(user) -> bool:
    return directory_cohorts(user).exists()
