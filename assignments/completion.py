"""The completion check and the /me/ panel that assignments contribute."""

from collections.abc import Sequence

from django.db.models import Q
from django.utils.translation import gettext as _

from accounts.access import is_coordinator, is_facilitator
from accounts.portal import per_request
from assignments import selectors
from assignments.models import Assignment, Submission
from cohorts.completion import CheckResult, required_for_completion
from cohorts.models import Enrolment
from cohorts.selectors import portal_completion, portal_enrolments


def required_assignments_accepted(enrolments: Sequence[Enrolment]) -> dict[int, CheckResult]:
    """Met when every assignment required for completion is accepted for the person (their
    own submission, or their team's); two queries however many enrolments there are."""
    required: dict[int, list[Assignment]] = required_for_completion(
        enrolments, "assignments", Assignment
    )
    accepted = _accepted(enrolments) if any(required.values()) else {}
    results = {}
    for enrolment in enrolments:
        done = accepted.get(("learner", enrolment.user_id), set())
        if enrolment.team_id:
            done = done | accepted.get(("team", enrolment.team_id), set())
        results[enrolment.pk] = _result(required[enrolment.cohort_id], done)
    return results


def _accepted(enrolments) -> dict[tuple[str, int], set[int]]:
    """("learner", user id) or ("team", team id) -> ids of its accepted required assignments."""
    owners = Q(learner_id__in={e.user_id for e in enrolments})
    owners |= Q(team_id__in={e.team_id for e in enrolments if e.team_id})
    found: dict[tuple[str, int], set[int]] = {}
    for assignment_id, learner_id, team_id in Submission.objects.filter(
        owners,
        assignment__cohort_id__in={e.cohort_id for e in enrolments},
        assignment__required_for_completion=True,
        status=Submission.Status.ACCEPTED,
    ).values_list("assignment_id", "learner_id", "team_id"):
        owner = ("team", team_id) if team_id else ("learner", learner_id)
        found.setdefault(owner, set()).add(assignment_id)
    return found


def _result(required: list[Assignment], accepted: set[int]) -> CheckResult:
    missing = [a for a in required if a.pk not in accepted]
    summary = _("%(done)s of %(total)s required assignments accepted") % {
        "done": len(required) - len(missing),
        "total": len(required),
    }
    reasons = [_("Not yet accepted: %(title)s") % {"title": a.title} for a in missing]
    return CheckResult(name="assignments", met=not missing, summary=summary, reasons=reasons)


def enrolments_for(request) -> list:
    return portal_enrolments(request)


def rows_for(request) -> list:
    """The person's assignment rows, read once for the attention items and the panel."""
    return per_request(
        request,
        "assignments.rows",
        lambda: selectors.assignment_rows(request.user, enrolments_for(request)),
    )


def me_panel(request):
    """Assignments with their status and the completion check; reviewers see their queue."""
    user = request.user
    enrolments = enrolments_for(request)
    panel = {"template": "assignments/me_panel.html", "rows": [], "checks": [], "queue": None}
    if enrolments:
        panel["rows"] = rows_for(request)
        # Every registered check (attendance, assignments) side by side, per cohort.
        completions = portal_completion(request)
        panel["checks"] = [(e, completions[e.pk]) for e in enrolments]
    if is_coordinator(user) or is_facilitator(user):
        panel["queue"] = selectors.review_queue(user).count()
    if not panel["rows"] and panel["queue"] is None:
        return None
    return panel
