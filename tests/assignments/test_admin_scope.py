"""Facilitators read in the assignments admin only the cohorts they teach, per role."""

import pytest

from tests.assignments.factories import AssignmentFactory
from tests.factories import CohortFactory

pytestmark = pytest.mark.django_db
SECRET = "ลับเฉพาะรุ่นอื่น"


@pytest.fixture
def others_work(db):
    """An assignment of a cohort the facilitator neither facilitates nor advises in."""
    cohort = CohortFactory(title_th=f"รุ่น{SECRET}")
    return AssignmentFactory(cohort=cohort, title_th=f"งาน{SECRET}", title_en=f"Work {SECRET}")


@pytest.mark.parametrize("path", ["/admin/assignments/", "/admin/assignments/results/"])
def test_a_facilitator_lists_only_the_assignments_of_cohorts_they_teach(
    client, facilitator, assignment, others_work, path
):
    client.force_login(facilitator)
    page = client.get(path).content.decode()
    assert assignment.title_th in page
    assert SECRET not in page  # neither the other cohort's work nor its name in the filter


def test_filtering_by_another_cohort_shows_nothing_of_it(
    client, facilitator, assignment, others_work
):
    client.force_login(facilitator)
    page = client.get("/admin/assignments/", {"cohort": others_work.cohort_id}).content.decode()
    assert SECRET not in page


def test_a_coordinator_lists_every_cohorts_assignments(
    client, coordinator, assignment, others_work
):
    client.force_login(coordinator)
    page = client.get("/admin/assignments/").content.decode()
    assert assignment.title_th in page and others_work.title_th in page


@pytest.mark.parametrize("who", ["learner", "other_learner"])
def test_learners_do_not_reach_the_assignments_admin(client, request, who, others_work):
    client.force_login(request.getfixturevalue(who))
    response = client.get("/admin/assignments/")
    assert response.status_code == 403 and SECRET not in response.content.decode()


def test_anonymous_visitors_are_sent_to_log_in(client, others_work):
    assert client.get("/admin/assignments/").status_code == 302
