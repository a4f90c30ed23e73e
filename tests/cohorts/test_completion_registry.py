"""The completion registry: apps add checks; tests and rehearsals can replace them."""

import pytest

from cohorts import completion
from cohorts.completion import CheckResult


def _always(met):
    def check(enrolment):
        return CheckResult("test", met, "test", [] if met else ["not yet"])

    return check


def test_the_apps_register_their_checks():
    names = {check.__module__ for check in completion.registered_checks()}
    assert {"attendance.completion", "assignments.completion"} <= names


def test_override_checks_decides_alone_and_restores_the_registry_even_on_error():
    before = completion.registered_checks()
    with pytest.raises(RuntimeError), completion.override_checks(_always(False)):
        result = completion.completion_for(object())
        assert (result.met, result.reasons) == (False, ["not yet"])
        raise RuntimeError
    assert completion.registered_checks() == before
    with completion.override_checks():
        assert completion.completion_for(object()).met


def test_unregister_removes_only_that_check():
    extra = _always(True)
    before = completion.registered_checks()
    completion.register_check(extra)
    completion.register_check(extra)
    assert completion.registered_checks() == (*before, extra)
    completion.unregister_check(extra)
    completion.unregister_check(extra)
    assert completion.registered_checks() == before
