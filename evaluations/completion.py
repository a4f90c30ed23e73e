"""The completion check evaluations contribute: the required programme evaluation returned."""

from collections.abc import Sequence

from django.utils.translation import gettext as _

from cohorts.completion import CheckResult, required_for_completion
from cohorts.models import Enrolment
from evaluations.models import Answered, Evaluation


def programme_evaluation_returned(enrolments: Sequence[Enrolment]) -> dict[int, CheckResult]:
    """Met when the person returned every evaluation their cohort requires for completion.
    One query when no cohort requires one, two otherwise, however many enrolments."""
    required: dict[int, list[Evaluation]] = required_for_completion(
        enrolments, "evaluations", Evaluation
    )
    done: set[tuple[int, int]] = set()
    if any(required.values()):
        done = set(
            Answered.objects.filter(
                enrolment__in=enrolments,
                evaluation__in=[e for rows in required.values() for e in rows],
            ).values_list("enrolment_id", "evaluation_id")
        )
    return {e.pk: _result(e, required[e.cohort_id], done) for e in enrolments}


def _result(enrolment, required: list[Evaluation], done: set[tuple[int, int]]) -> CheckResult:
    missing = [e for e in required if (enrolment.pk, e.pk) not in done]
    if not required:
        summary = _("No evaluation is required")
    elif missing:
        summary = _("Required evaluation not yet returned")
    else:
        summary = _("Required evaluation returned")
    reasons = [_("Evaluation not yet returned: %(title)s") % {"title": e.title_th} for e in missing]
    return CheckResult(name="evaluation", met=not missing, summary=summary, reasons=reasons)
