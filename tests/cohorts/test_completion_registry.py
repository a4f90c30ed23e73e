"""The completion registry: apps add checks; tests and rehearsals can replace them."""

from types import SimpleNamespace

import pytest

from cohorts import completion
from cohorts.completion import CheckResult


def _always(met):
    def check(enrolments):
        return {
            e.pk: CheckResult("test", met, "test", [] if met else ["not yet"]) for e in enrolments
        }

    return check


def _enrolment(pk=1):
    return SimpleNamespace(pk=pk)


def test_the_apps_register_their_checks():
    names = {check.__module__ for check in completion.registered_checks()}
    assert {"attendance.completion", "assignments.completion"} <= names


def test_override_checks_decides_alone_and_restores_the_registry_even_on_error():
    before = completion.registered_checks()
    with pytest.raises(RuntimeError), completion.override_checks(_always(False)):
        result = completion.completion_for(_enrolment())
        assert (result.met, result.reasons) == (False, ["not yet"])
        raise RuntimeError
    assert completion.registered_checks() == before
    with completion.override_checks():
        assert completion.completion_for(_enrolment()).met


def test_unregister_removes_only_that_check():
    extra = _always(True)
    before = completion.registered_checks()
    completion.register_check(extra)
    completion.register_check(extra)
    assert completion.registered_checks() == (*before, extra)
    completion.unregister_check(extra)
    completion.unregister_check(extra)
    assert completion.registered_checks() == before


def test_many_enrolments_are_answered_by_one_call_of_each_check():
    calls = []

    def check(enrolments):
        calls.append([e.pk for e in enrolments])
        return {e.pk: CheckResult("test", e.pk % 2 == 0, "test") for e in enrolments}

    with completion.override_checks(check, _always(True)):
        found = completion.completion_for_many(_enrolment(pk) for pk in (1, 2, 3))
    assert calls == [[1, 2, 3]]
    assert {pk: c.met for pk, c in found.items()} == {1: False, 2: True, 3: False}
    assert [r.name for r in found[2].results] == ["test", "test"]


def test_no_enrolments_ask_no_check():
    def check(enrolments):
        raise AssertionError("asked about nobody")

    with completion.override_checks(check):
        assert completion.completion_for_many([]) == {}
