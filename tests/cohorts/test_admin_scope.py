"""Facilitators read in the admin only the cohorts they teach: every view of sessions,
teams and enrolments (listings, filters, inspect, history, usage, edit), per role."""

import pytest

from tests.factories import (
    CohortFactory,
    EnrolmentFactory,
    SessionFactory,
    TeamFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
SECRET = "ลับเฉพาะรุ่นอื่น"


@pytest.fixture
def other_cohort(db):
    """A cohort the facilitator neither facilitates nor advises in."""
    cohort = CohortFactory(title_th=f"รุ่น{SECRET}")
    team = TeamFactory(cohort=cohort, name=f"ทีม{SECRET}")
    person = UserFactory(first_name=f"ผู้เรียน{SECRET}")
    return {
        "cohort": cohort,
        "session": SessionFactory(cohort=cohort, title_th=f"วิชา{SECRET}"),
        "team": team,
        "enrolment": EnrolmentFactory(cohort=cohort, team=team, user=person),
    }


@pytest.fixture
def taught(cohort, team, learner, facilitator):
    session = SessionFactory(cohort=cohort, title_th="วิชาที่สอน")
    session.facilitators.add(facilitator)
    return session


@pytest.fixture
def advised(facilitator):
    """A cohort where the facilitator only advises a team."""
    cohort = CohortFactory(title_th="รุ่นที่เป็นที่ปรึกษา")
    team = TeamFactory(cohort=cohort, name="ทีมที่ปรึกษา", advisor=facilitator)
    EnrolmentFactory(cohort=cohort, team=team, user=UserFactory(first_name="ผู้เรียนที่ปรึกษา"))
    return team


LISTINGS = ["cohorts", "sessions", "teams", "enrolments"]
OBJECT_VIEWS = ["inspect", "history", "usage", "edit", "delete"]
OBJECTS = {"sessions": "session", "teams": "team", "enrolments": "enrolment"}


@pytest.mark.parametrize("listing", LISTINGS)
def test_a_facilitator_never_sees_another_cohort_in_a_listing_or_its_filters(
    client, facilitator, taught, other_cohort, listing
):
    client.force_login(facilitator)
    response = client.get(f"/admin/cohorts/{listing}/")
    assert response.status_code == 200
    assert SECRET not in response.content.decode()


@pytest.mark.parametrize("listing", ["sessions", "teams", "enrolments"])
def test_filtering_by_another_cohort_shows_nothing_of_it(
    client, facilitator, taught, other_cohort, listing
):
    client.force_login(facilitator)
    response = client.get(f"/admin/cohorts/{listing}/", {"cohort": other_cohort["cohort"].pk})
    assert SECRET not in response.content.decode()


@pytest.mark.parametrize("view", OBJECT_VIEWS)
@pytest.mark.parametrize("listing", list(OBJECTS))
def test_a_facilitator_cannot_open_another_cohorts_object(
    client, facilitator, taught, other_cohort, listing, view
):
    client.force_login(facilitator)
    pk = other_cohort[OBJECTS[listing]].pk
    response = client.get(f"/admin/cohorts/{listing}/{view}/{pk}/")
    assert response.status_code in (302, 403, 404)
    assert SECRET not in response.content.decode()


def test_a_facilitator_sees_the_cohort_of_a_team_they_advise(client, facilitator, advised):
    client.force_login(facilitator)
    enrolments = client.get("/admin/cohorts/enrolments/").content.decode()
    teams = client.get("/admin/cohorts/teams/").content.decode()
    assert "ผู้เรียนที่ปรึกษา" in enrolments and "ทีมที่ปรึกษา" in teams


def test_a_facilitator_sees_their_own_cohorts_enrolments_and_teams(
    client, facilitator, taught, learner
):
    client.force_login(facilitator)
    assert learner.first_name in client.get("/admin/cohorts/enrolments/").content.decode()
    inspect = client.get(f"/admin/cohorts/sessions/inspect/{taught.pk}/")
    assert inspect.status_code == 200


def test_a_coordinator_sees_every_cohort(client, coordinator, taught, other_cohort):
    client.force_login(coordinator)
    for listing in LISTINGS:
        assert SECRET in client.get(f"/admin/cohorts/{listing}/").content.decode(), listing
    pk = other_cohort["enrolment"].pk
    assert client.get(f"/admin/cohorts/enrolments/inspect/{pk}/").status_code == 200


@pytest.mark.parametrize("who", ["learner", "other_learner"])
def test_learners_reach_no_admin_listing(client, who, request, other_cohort):
    client.force_login(request.getfixturevalue(who))
    for listing in LISTINGS:
        response = client.get(f"/admin/cohorts/{listing}/")
        assert response.status_code in (302, 403) and SECRET not in response.content.decode()


def test_anonymous_is_sent_to_the_login(client, other_cohort):
    for listing in LISTINGS:
        response = client.get(f"/admin/cohorts/{listing}/")
        assert response.status_code == 302 and SECRET not in response.content.decode()
