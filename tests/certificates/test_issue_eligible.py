"""certificates_issue_eligible: a cohort's graduates issued at once, each certificate
exactly what certificate_issue would have made for them."""

import pytest

from django.db import connection, transaction
from django.forms.models import model_to_dict
from django.test.utils import CaptureQueriesContext

from certificates import credential, services
from certificates.models import Certificate
from cohorts.models import Enrolment
from tests.factories import CohortFactory, EnrolmentFactory, TeamFactory, bangkok_morning

pytestmark = pytest.mark.django_db
# What differs between two issues of the same enrolment: the record, codes and signature.
PER_ISSUE = {"id", "verification_id", "short_code", "status_list_index", "credential_jwt", "pdf"}


def _enrol(cohort, count: int) -> list[Enrolment]:
    team = TeamFactory(cohort=cohort)
    return [EnrolmentFactory(cohort=cohort, team=team) for _ in range(count)]


def _frozen(certificate: Certificate) -> dict:
    return {k: v for k, v in model_to_dict(certificate).items() if k not in PER_ISSUE}


def test_each_certificate_is_what_certificate_issue_makes(cohort, template, coordinator):
    enrolments, at = _enrol(cohort, 3), bangkok_morning(-2)
    with transaction.atomic():  # issued the ordinary way, then undone
        single, _ = services.certificate_issue(
            enrolment=enrolments[0], issued_by=coordinator, at=at
        )
        expected = _frozen(single)
        transaction.set_rollback(True)
    certificates = services.certificates_issue_eligible(cohort=cohort, issued_by=coordinator, at=at)
    assert len(certificates) == 3
    assert _frozen(Certificate.objects.get(enrolment=enrolments[0])) == expected


def test_the_signed_credential_verifies_and_describes_the_certificate(cohort, template):
    _enrol(cohort, 2)
    for certificate in services.certificates_issue_eligible(cohort=cohort, issued_by=None):
        certificate.refresh_from_db()
        claims = credential.verify(certificate.credential_jwt)
        assert claims == credential.credential_document(certificate)


def test_serial_numbers_continue_without_gaps_and_codes_are_unique(cohort, template):
    first, *rest = _enrol(cohort, 5)
    services.certificate_issue(enrolment=first)
    services.certificates_issue_eligible(cohort=cohort, issued_by=None)
    certificates = Certificate.objects.filter(cohort=cohort)
    assert sorted(certificates.values_list("serial_number", flat=True)) == [1, 2, 3, 4, 5]
    for field in ("short_code", "verification_id", "status_list_index"):
        assert len(set(certificates.values_list(field, flat=True))) == 5
    services.certificate_issue(enrolment=EnrolmentFactory(cohort=cohort))
    assert certificates.order_by("-serial_number")[0].serial_number == 6


def test_only_eligible_learners_without_a_certificate_receive_one(
    cohort, template, completion_rule
):
    held, failing, graduate = _enrol(cohort, 3)
    services.certificate_issue(enrolment=held)
    completion_rule.add(failing.pk)
    issued = services.certificates_issue_eligible(cohort=cohort, issued_by=None)
    assert [c.enrolment_id for c in issued] == [graduate.pk]
    graduate.refresh_from_db(), failing.refresh_from_db()
    assert (graduate.status, failing.status) == ("completed", "active")
    assert services.certificates_issue_eligible(cohort=cohort, issued_by=None) == []
    assert Certificate.objects.filter(cohort=cohort).count() == 2


def test_its_queries_do_not_grow_with_the_cohort(cohort, template):
    services.certificates_issue_eligible(cohort=cohort, issued_by=None)  # keys, template read
    counts = []
    for size in (2, 12):
        other = CohortFactory()
        _enrol(other, size)
        with CaptureQueriesContext(connection) as queries:
            assert len(services.certificates_issue_eligible(cohort=other, issued_by=None)) == size
        counts.append(len(queries))
    assert counts[0] == counts[1]
