"""Completion of a cohort, decided by checks that other apps contribute.

Attendance contributes the attendance rule, assignments the required
assignments; certificates reads the combined result. A check is a function
``(enrolments) -> {enrolment id: CheckResult}`` registered from its app's
ready(). It is given many enrolments at once and answers for all of them in a
fixed number of queries, so a cohort page of 300 learners costs what one of 20
does; one learner is simply a list of one.
"""

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cohorts.models import Enrolment


@dataclass(frozen=True)
class CheckResult:
    """``detail`` is what the check computed, for a screen that shows more than the
    summary (attendance puts its Standing there, so /me/ computes it once)."""

    name: str
    met: bool
    summary: str
    reasons: list[str] = field(default_factory=list)
    detail: object = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Completion:
    results: list[CheckResult]

    @property
    def met(self) -> bool:
        return all(result.met for result in self.results)

    @property
    def reasons(self) -> list[str]:
        return [reason for result in self.results for reason in result.reasons]


Check = Callable[[Sequence["Enrolment"]], Mapping[int, CheckResult]]

_CHECKS: list[Check] = []


def register_check(func: Check) -> Check:
    if func not in _CHECKS:
        _CHECKS.append(func)
    return func


def registered_checks() -> tuple[Check, ...]:
    return tuple(_CHECKS)


def unregister_check(func: Check) -> None:
    if func in _CHECKS:
        _CHECKS.remove(func)


@contextmanager
def override_checks(*checks: Check) -> Iterator[None]:
    """Only these checks decide completion inside the block (tests, rehearsals)."""
    saved = list(_CHECKS)
    _CHECKS[:] = list(checks)
    try:
        yield
    finally:
        _CHECKS[:] = saved


def prefetched_on_cohorts(enrolments: Sequence["Enrolment"], name: str) -> dict[int, list] | None:
    """cohort id -> the rows of ``name`` (a relation of Cohort) that the caller already read
    onto the enrolments' cohorts (/me/ reads sessions, assignments and evaluations once per
    request), so a check need not read them again; None when any cohort lacks them."""
    found = {}
    for enrolment in enrolments:
        cohort = enrolment._state.fields_cache.get("cohort")
        prefetched = getattr(cohort, "_prefetched_objects_cache", {})
        if name not in prefetched:
            return None
        found[enrolment.cohort_id] = list(prefetched[name])
    return found


def required_for_completion(enrolments: Sequence["Enrolment"], name: str, model) -> dict[int, list]:
    """cohort id -> its rows of ``name`` (assignments, evaluations) that are
    ``required_for_completion``: from what /me/ already read, else one query."""
    required: dict[int, list] = {e.cohort_id: [] for e in enrolments}
    read = prefetched_on_cohorts(enrolments, name)
    if read is not None:
        found = [row for rows in read.values() for row in rows if row.required_for_completion]
    else:
        found = model.objects.filter(cohort_id__in=required, required_for_completion=True)
    for row in found:
        required[row.cohort_id].append(row)
    return required


def completion_for_many(enrolments: Iterable["Enrolment"]) -> dict[int, Completion]:
    """Every enrolment's completion, keyed by its id: each check runs once for all."""
    enrolments = list(enrolments)
    if not enrolments:
        return {}
    answers = [check(enrolments) for check in _CHECKS]
    return {
        enrolment.pk: Completion(results=[answer[enrolment.pk] for answer in answers])
        for enrolment in enrolments
    }


def completion_for(enrolment: "Enrolment") -> Completion:
    return completion_for_many([enrolment])[enrolment.pk]
