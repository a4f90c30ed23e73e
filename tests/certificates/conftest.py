"""Certificates fixtures: a real completion check registered for the test's duration.

Attendance and assignments register their checks through cohorts.completion;
these tests register their own check the same way, so a learner is eligible
or not exactly as those apps would make them.
"""

import pytest

from cohorts import completion
from cohorts.completion import CheckResult
from tests.certificates.factories import CertificateTemplateFactory, SignatoryFactory

NOT_ELIGIBLE: set[int] = set()


def _test_rule(enrolments) -> dict[int, CheckResult]:
    return {enrolment.pk: _result(enrolment.pk not in NOT_ELIGIBLE) for enrolment in enrolments}


def _result(met: bool) -> CheckResult:
    if not met:
        return CheckResult(
            name="test-attendance",
            met=False,
            summary="Attendance 8/15",
            reasons=["Attended 8 of 15 sessions; 12 are required."],
        )
    return CheckResult(name="test-attendance", met=True, summary="Attendance 15/15")


@pytest.fixture(autouse=True)
def completion_rule():
    """Register the check like another app would; remove it afterwards."""
    NOT_ELIGIBLE.clear()
    completion.register_check(_test_rule)
    yield NOT_ELIGIBLE
    completion.unregister_check(_test_rule)
    NOT_ELIGIBLE.clear()


@pytest.fixture
def template(db):
    template = CertificateTemplateFactory()
    SignatoryFactory(template=template)
    SignatoryFactory(
        template=template, name_th="รศ.ดร.ผู้อำนวยการ ทดสอบ", position_th="ผู้อำนวยการหลักสูตร"
    )
    return template


@pytest.fixture
def enrolment(learner, cohort):
    return learner.enrolments.get(cohort=cohort)


@pytest.fixture
def certificate(enrolment, template):
    from certificates import services

    certificate, _created = services.certificate_issue(enrolment=enrolment)
    return certificate


@pytest.fixture
def pdf_bytes(certificate):
    from certificates import services

    return services.certificate_pdf_bytes(certificate=certificate)


@pytest.fixture(autouse=True)
def _no_counts_or_answers_from_other_tests():
    """Lookup counts, rate-limit windows and cached answers live in Redis (the cache under
    CI), which outlives each test's rolled-back rows: every test starts without them."""
    from django.core.cache import cache

    from core import redis as core_redis

    def clear():
        redis = core_redis.client()
        if redis is None:
            cache.clear()
            return
        for key in redis.scan_iter(match=core_redis.key("*certificates:*")):
            redis.delete(key)

    clear()
    yield
    clear()
