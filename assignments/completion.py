"""The completion check and the /me/ panel that assignments contribute."""

from django.db.models import Q
from django.utils.translation import gettext as _

from accounts.access import is_coordinator, is_facilitator
from assignments import selectors
from assignments.models import Assignment, Submission
from cohorts.completion import CheckResult, completion_for


def required_assignments_accepted(enrolment) -> CheckResult:
    """Met when every assignment required for completion is accepted for this person."""
    required = list(
        Assignment.objects.filter(cohort_id=enrolment.cohort_id, required_for_completion=True)
    )
    owned = Q(learner_id=enrolment.user_id)
    if enrolment.team_id:
        owned |= Q(team_id=enrolment.team_id)
    accepted = set(
        Submission.objects.filter(
            owned, assignment__in=required, status=Submission.Status.ACCEPTED
        ).values_list("assignment_id", flat=True)
    )
    missing = [a for a in required if a.pk not in accepted]
    summary = _("%(done)s of %(total)s required assignments accepted") % {
        "done": len(required) - len(missing),
        "total": len(required),
    }
    reasons = [_("Not yet accepted: %(title)s") % {"title": a.title} for a in missing]
    return CheckResult(name="assignments", met=not missing, summary=summary, reasons=reasons)


def me_panel(request):
    """Assignments with their status and the completion check; reviewers see their queue."""
    user = request.user
    enrolments = selectors.current_enrolments(user)
    panel = {"template": "assignments/me_panel.html", "rows": [], "checks": [], "queue": None}
    if enrolments:
        panel["rows"] = selectors.assignment_rows(user, enrolments)
        # Every registered check (attendance, assignments) side by side, per cohort.
        panel["checks"] = [(e, completion_for(e)) for e in enrolments]
    if is_coordinator(user) or is_facilitator(user):
        panel["queue"] = selectors.review_queue(user).count()
    if not panel["rows"] and panel["queue"] is None:
        return None
    return panel
