"""Required assignments accepted count towards completion, shown on /me/."""

import pytest

from assignments import services
from assignments.models import Assignment
from cohorts.completion import completion_for
from cohorts.models import Enrolment
from tests.assignments.factories import AssignmentFactory

pytestmark = pytest.mark.django_db


def accept(assignment, learner, reviewer):
    submission = services.submission_submit(
        assignment=assignment, user=learner, text="งาน"
    ).submission
    services.review_record(
        submission=submission,
        reviewer=reviewer,
        feedback="ดี",
        decision="accepted",
        levels={c.id: 0 for c in assignment.criteria},
        notify=False,
    )


def result(learner):
    enrolment = Enrolment.objects.get(user=learner)
    return next(r for r in completion_for(enrolment).results if r.name == "assignments")


def test_the_check_is_met_when_every_required_assignment_is_accepted(
    cohort, learner, assignment, facilitator
):
    second = AssignmentFactory(cohort=cohort, title_th="แผนการเก็บข้อมูล")
    AssignmentFactory(cohort=cohort, required_for_completion=False)
    accept(assignment, learner, facilitator)
    check = result(learner)
    assert not check.met
    assert check.reasons == ["ยังไม่ผ่าน: แผนการเก็บข้อมูล"]
    accept(second, learner, facilitator)
    assert result(learner).met


def test_team_acceptance_counts_for_every_member(learner, team_mate, assignment, facilitator):
    accept(assignment, learner, facilitator)
    assert result(team_mate).met


def test_individual_work_counts_only_for_its_learner(cohort, learner, team_mate, facilitator):
    solo = AssignmentFactory(cohort=cohort, kind=Assignment.Kind.INDIVIDUAL)
    accept(solo, learner, facilitator)
    assert result(learner).met and not result(team_mate).met


def test_returned_work_does_not_count(learner, assignment, facilitator):
    submission = services.submission_submit(
        assignment=assignment, user=learner, text="งาน"
    ).submission
    services.review_record(
        submission=submission,
        reviewer=facilitator,
        feedback="แก้",
        decision="returned",
        levels={c.id: 2 for c in assignment.criteria},
        notify=False,
    )
    assert not result(learner).met


def test_me_shows_the_check_and_the_assignments(client, learner, assignment):
    client.force_login(learner)
    page = client.get("/me/").content.decode()
    assert 'data-check="assignments"' in page
    assert "งานที่ต้องผ่านได้รับการยอมรับแล้ว 0 จาก 1 งาน" in page
    assert assignment.title_th in page


def test_me_shows_reviewers_their_queue(client, facilitator, learner, assignment):
    services.submission_submit(assignment=assignment, user=learner, text="งาน")
    client.force_login(facilitator)
    page = client.get("/me/").content.decode()
    assert "มีงาน 1 ชิ้นรอการตรวจของท่าน" in page


def test_a_person_with_nothing_to_show_gets_no_panel(client, db):
    from tests.factories import UserFactory

    client.force_login(UserFactory())
    assert "my-assignments" not in client.get("/me/").content.decode()


def test_me_queries_do_not_grow_with_assignments(client, cohort, learner, assignment):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(learner)
    client.get("/me/")  # warm caches (site root, roles)
    with CaptureQueriesContext(connection) as one:
        client.get("/me/")
    for _ in range(5):
        services.submission_submit(
            assignment=AssignmentFactory(cohort=cohort), user=learner, text="งาน"
        )
    with CaptureQueriesContext(connection) as six:
        client.get("/me/")
    assert len(six) == len(one)


def test_many_learners_at_once_get_what_each_gets_alone(
    cohort, learner, team_mate, other_learner, assignment, facilitator, django_assert_num_queries
):
    """Team work counts for the team, individual work for its learner, in two queries."""
    from assignments.completion import required_assignments_accepted
    from tests.factories import CohortFactory, EnrolmentFactory

    solo = AssignmentFactory(cohort=cohort, kind=Assignment.Kind.INDIVIDUAL)
    accept(assignment, learner, facilitator)
    accept(solo, learner, facilitator)
    accept(solo, other_learner, facilitator)
    elsewhere = EnrolmentFactory(cohort=CohortFactory())  # a cohort with nothing required
    enrolments = [
        *Enrolment.objects.filter(user__in=[learner, team_mate, other_learner]).order_by("pk"),
        elsewhere,
    ]
    with django_assert_num_queries(2):
        together = required_assignments_accepted(enrolments)
    alone = {e.pk: required_assignments_accepted([e])[e.pk] for e in enrolments}
    assert together == alone
    met = {e.user: together[e.pk].met for e in enrolments}
    assert met == {learner: True, team_mate: False, other_learner: False, elsewhere.user: True}
