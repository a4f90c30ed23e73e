"""Schemathesis over /api/v1/openapi.json: every operation, generated requests, the app in-process.

The schema is loaded from the running app (WSGI), so a change to the API is fuzzed as it is
served. Checks: no server error, only documented status codes, bodies that match the schema.
"""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    response_schema_conformance,
    status_code_conformance,
)

from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections

from cohorts.completion import CheckResult, override_checks
from tests.certificates.factories import CertificateTemplateFactory, SignatoryFactory
from tests.factories import EnrolmentFactory

pytestmark = pytest.mark.django_db
CHECKS = [not_a_server_error, status_code_conformance, response_schema_conformance]


# Loaded from the app itself (no database needed to describe the API).
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """Called as WSGI, the app closes the database connection after each request, as a
    server does; Django's test client stops that inside a test, and so does this."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def api_schema():
    return schema


@pytest.fixture
def certificate(db):
    from certificates import services

    SignatoryFactory(template=CertificateTemplateFactory())
    eligible = lambda enrolments: {e.pk: CheckResult("fuzz", True, "ok") for e in enrolments}  # noqa: E731
    with override_checks(eligible):
        certificate, _created = services.certificate_issue(enrolment=EnrolmentFactory())
    return certificate


@schema.parametrize()
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_every_operation_conforms_to_its_schema(db, case):
    case.call_and_validate(checks=CHECKS)


@pytest.mark.parametrize("which", ["short_code", "verification_id"])
def test_a_real_certificate_conforms_to_its_schema(api_schema, certificate, which):
    """Generated codes rarely hit a certificate, so the 200 body is checked with a real one."""
    operation = api_schema["/api/v1/certificates/{code}"]["GET"]
    case = operation.Case(path_parameters={"code": getattr(certificate, which)})
    response = case.call_and_validate(checks=CHECKS)
    assert response.status_code == 200


def test_a_revoked_certificate_conforms_to_its_schema(api_schema, certificate):
    from certificates import services

    services.certificate_revoke(
        certificate=certificate, reason="ออกผิดคน", category="issued_in_error"
    )
    operation = api_schema["/api/v1/certificates/{code}"]["GET"]
    case = operation.Case(path_parameters={"code": certificate.short_code})
    assert case.call_and_validate(checks=CHECKS).json()["status"] == "revoked"
