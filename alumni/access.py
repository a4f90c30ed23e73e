"""Who may open the directory (ทำเนียบรุ่น), and whom in it.

A cohort's directory is for its own people: its current learners and graduates (an
alumnus keeps it after the cohort ends), the staff who teach it and coordinators, who
see every cohort. Nobody is listed anywhere without consenting to be listed
(``Purpose.DIRECTORY_LISTED``, applied in alumni.selectors: the PDPA asks consent for a
use that is not needed to run the programme, and a directory is such a use). Within one's
own cohorts everybody listed is seen (name with title, position, organisation, province,
research project). Across cohorts a person is seen only while they also consent to the
programme-wide directory (``Purpose.DIRECTORY_PROGRAMME``); coordinators see everyone
listed. Contact fields and photos need the person's own consent on top of this.
"""

from django.db.models import Q, QuerySet

from accounts.access import is_coordinator
from accounts.consent import Purpose, consenting_user_ids
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


def visible_enrolments(user) -> Q:
    """Which enrolments of the directory this person may see listed (a filter)."""
    if is_coordinator(user):
        return Q()
    return Q(cohort__in=directory_cohorts(user)) | Q(
        user_id__in=consenting_user_ids(Purpose.DIRECTORY_PROGRAMME)
    )
