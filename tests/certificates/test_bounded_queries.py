"""The cohort's certificate page, the batch start and the finished-batch refresh
read a fixed number of queries whether the cohort has 20 learners or 200.

The cohorts are real: sessions with attendance, a required team assignment
accepted for one team, certificates already issued to two learners, and the
attendance and assignments checks registered as the apps register them.
"""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.models import User
from assignments.models import Submission
from attendance.models import AttendanceRecord, Method, Status
from certificates import services
from certificates.models import IssuanceBatch
from cohorts.models import Enrolment
from tests.assignments.factories import AssignmentFactory
from tests.factories import (
    CohortFactory,
    OrganisationFactory,
    SessionFactory,
    TeamFactory,
    bangkok_morning,
)

pytestmark = pytest.mark.django_db
BASE = "/admin/issued-certificates"


def cohort_of(size: int):
    """A cohort of `size` learners in three teams, made with bulk_create."""
    cohort = CohortFactory()
    organisation = OrganisationFactory()
    teams = [TeamFactory(cohort=cohort, organisation=organisation) for _ in range(3)]
    sessions = [SessionFactory(cohort=cohort, starts_at=bangkok_morning(-9 + n)) for n in range(3)]
    assignment = AssignmentFactory(cohort=cohort, required_for_completion=True)
    Submission.objects.create(assignment=assignment, team=teams[0], status="accepted")
    users = User.objects.bulk_create(
        User(
            email=f"c{cohort.pk}-{n}@example.org",
            first_name=f"ผู้เรียน{n:03d}",
            last_name="ทดสอบ",
            organisation=organisation,
        )
        for n in range(size)
    )
    enrolments = Enrolment.objects.bulk_create(
        Enrolment(cohort=cohort, user=user, team=teams[n % 3], organisation_snapshot=organisation)
        for n, user in enumerate(users)
    )
    AttendanceRecord.objects.bulk_create(
        AttendanceRecord(
            enrolment=enrolment,
            session=session,
            day=timezone.localtime(session.starts_at).date(),
            status=Status.PRESENT,
            method=Method.MANUAL,
        )
        for n, enrolment in enumerate(enrolments)
        for session in sessions[: 2 + n % 2]
    )
    for enrolment in enrolments[:2]:
        services.certificate_issue(enrolment=enrolment, override_reason="ทดสอบ")
    return cohort


def queries(action) -> int:
    with CaptureQueriesContext(connection) as captured:
        action()
    return len(captured)


def page_queries(client, cohort) -> int:
    def get():
        response = client.get(f"{BASE}/cohort/{cohort.pk}/")
        assert response.status_code == 200

    return queries(get)


def test_the_cohort_page_reads_the_same_queries_for_20_and_200_learners(
    client, coordinator, template
):
    small, large = cohort_of(20), cohort_of(200)
    client.force_login(coordinator)
    page_queries(client, small)  # warm caches (site root, roles)
    assert page_queries(client, large) == page_queries(client, small)


def test_the_cohort_page_of_200_learners_reads_at_most_20_queries(
    client, coordinator, template, django_assert_max_num_queries
):
    """#16 item 7: the rule read with the cohort, the templates read once for the select
    and the default; the eligibility column and the choice of template still show."""
    cohort = cohort_of(200)
    client.force_login(coordinator)
    page_queries(client, cohort)  # warm caches (site root, roles)
    with django_assert_max_num_queries(20):
        response = client.get(f"{BASE}/cohort/{cohort.pk}/")
    html = response.content.decode()
    assert template.name in html and html.count('name="template"') == 1


def test_the_batch_start_reads_the_same_queries_for_20_and_200_learners(template):
    small, large = cohort_of(20), cohort_of(200)
    counts = [queries(lambda c=c: services.batch_start(cohort=c)) for c in (small, large)]
    assert counts[0] == counts[1]
    # Eligible: in the accepted team (n % 3 == 0) with all three sessions (n odd).
    expected = {small: 3, large: 33}
    for cohort, total in expected.items():
        assert IssuanceBatch.objects.get(cohort=cohort).total == total


def test_the_finished_batch_refresh_reads_the_same_queries_for_20_and_200_learners(
    client, coordinator, template
):
    small, large = cohort_of(20), cohort_of(200)
    batches = [services.batch_start(cohort=c) for c in (small, large)]
    IssuanceBatch.objects.update(status=IssuanceBatch.Status.FINISHED, finished_at=timezone.now())
    client.force_login(coordinator)

    def refresh(batch):
        def get():
            url = f"{BASE}/batch/{batch.pk}/progress/"
            response = client.get(url, headers={"HX-Request": "true"})
            assert 'id="eligibility"' in response.content.decode()

        return queries(get)

    refresh(batches[0])  # warm caches
    assert refresh(batches[1]) == refresh(batches[0])
