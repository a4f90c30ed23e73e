"""Completion of a cohort, decided by checks that other apps contribute.

Attendance contributes the attendance rule, assignments the required
assignments; certificates reads the combined result. Each check is a function
``(enrolment) -> CheckResult`` registered from its app's ready().
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass(frozen=True)
class CheckResult:
    name: str
    met: bool
    summary: str
    reasons: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Completion:
    results: list[CheckResult]

    @property
    def met(self) -> bool:
        return all(result.met for result in self.results)

    @property
    def reasons(self) -> list[str]:
        return [reason for result in self.results for reason in result.reasons]


_CHECKS: list[Callable] = []


def register_check(func: Callable) -> Callable:
    if func not in _CHECKS:
        _CHECKS.append(func)
    return func


def registered_checks() -> tuple[Callable, ...]:
    return tuple(_CHECKS)


def unregister_check(func: Callable) -> None:
    if func in _CHECKS:
        _CHECKS.remove(func)


@contextmanager
def override_checks(*checks: Callable) -> Iterator[None]:
    """Only these checks decide completion inside the block (tests, rehearsals)."""
    saved = list(_CHECKS)
    _CHECKS[:] = list(checks)
    try:
        yield
    finally:
        _CHECKS[:] = saved


def completion_for(enrolment) -> Completion:
    return Completion(results=[check(enrolment) for check in _CHECKS])
