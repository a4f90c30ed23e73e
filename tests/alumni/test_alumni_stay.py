"""Alumni stay: after the cohort ends, a graduate keeps /me/ with their certificate, the
cohort's materials and the directory (#20 item 2)."""

import datetime as dt

import pytest

from django.urls import reverse

from cohorts import completion
from cohorts.completion import CheckResult
from cohorts.models import Cohort, Enrolment
from learning.models import Material
from tests.alumni.conftest import listed
from tests.certificates.factories import CertificateTemplateFactory, SignatoryFactory
from tests.factories import BANGKOK, CohortFactory, EnrolmentFactory, SessionFactory, TeamFactory
from tests.learning.conftest import slides

pytestmark = pytest.mark.django_db


def _eligible(enrolments):
    return {e.pk: CheckResult("alumni-test", True, "eligible") for e in enrolments}


@pytest.fixture
def ended_cohort(db):
    return CohortFactory(
        slug="cohort-ended",
        starts_on=dt.date(2025, 1, 10),
        ends_on=dt.date(2025, 9, 30),
        status=Cohort.Status.FINISHED,
    )


@pytest.fixture
def graduate(ended_cohort, facilitator):
    """Graduated with a certificate issued by the platform; the cohort ended last year."""
    from certificates import services

    team = TeamFactory(cohort=ended_cohort, project_title="เมืองคาร์บอนต่ำ")
    enrolment = EnrolmentFactory(cohort=ended_cohort, team=team)
    template = CertificateTemplateFactory()
    SignatoryFactory(template=template)
    completion.register_check(_eligible)
    try:
        certificate, _ = services.certificate_issue(enrolment=enrolment)
    finally:
        completion.unregister_check(_eligible)
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.COMPLETED
    return enrolment.user, certificate


@pytest.fixture
def old_material(ended_cohort, facilitator):
    from learning.services import material_save

    session = SessionFactory(
        cohort=ended_cohort,
        number=3,
        title_th="เมืองน่าอยู่",
        starts_at=dt.datetime(2025, 3, 5, 9, 0, tzinfo=BANGKOK),
    )
    session.facilitators.add(facilitator)
    material = material_save(
        material=Material(session=session, title_th="สไลด์เมืองน่าอยู่", kind=Material.Kind.SLIDES),
        by=facilitator,
        upload=slides(),
    )
    return session, material


def test_a_graduate_keeps_me_with_their_certificate(client, graduate):
    user, certificate = graduate
    client.force_login(user)
    page = client.get("/me/").content.decode()
    assert certificate.verification_id in page
    assert 'href="/directory/cohort-ended/"' in page


def test_a_graduate_keeps_the_cohorts_materials(client, graduate, old_material):
    user, _certificate = graduate
    session, material = old_material
    client.force_login(user)
    page = client.get(reverse("cohorts_me:session", args=[session.pk])).content.decode()
    assert "สไลด์เมืองน่าอยู่" in page
    response = client.get(f"/me/materials/{material.pk}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_a_graduate_keeps_the_directory_of_their_cohort(client, graduate, ended_cohort):
    user, _certificate = graduate
    classmate = EnrolmentFactory(cohort=ended_cohort, status=Enrolment.Status.COMPLETED).user
    listed(user, classmate)  # the project shows on the graduate's own entry
    client.force_login(user)
    page = client.get("/directory/cohort-ended/").content.decode()
    assert classmate.get_full_name() in page and "เมืองคาร์บอนต่ำ" in page
    assert client.get("/directory/cohort-ended/book.pdf").status_code == 200


def test_a_learner_who_withdrew_keeps_no_directory(client, ended_cohort):
    gone = EnrolmentFactory(cohort=ended_cohort, status=Enrolment.Status.WITHDRAWN).user
    client.force_login(gone)
    assert client.get("/directory/cohort-ended/").status_code == 403
