"""The directory's panel on /me/: a link to the cohort's ทำเนียบรุ่น, for alumni too."""

from accounts.access import is_coordinator, is_facilitator
from alumni.access import directory_cohorts
from cohorts.selectors import portal_enrolments

SHOWN = 5


def directory_panel(request) -> dict | None:
    """The person's own cohorts (from the enrolments /me/ read already) and, for staff,
    the cohorts they teach: the same cohorts as ``directory_cohorts``, newest first."""
    cohorts = {e.cohort_id: e.cohort for e in portal_enrolments(request)}
    user = request.user
    if is_coordinator(user) or is_facilitator(user):
        taught = directory_cohorts(user).order_by("-number")[:SHOWN]
        cohorts.update((cohort.pk, cohort) for cohort in taught)
    if not cohorts:
        return None
    newest = sorted(cohorts.values(), key=lambda cohort: -cohort.number)[:SHOWN]
    return {"template": "alumni/panel_directory.html", "cohorts": newest}
