"""The Cohorts admin menu: listings per role (facilitators see only cohorts they teach)."""

import pytest

from tests.factories import CohortFactory, SessionFactory

pytestmark = pytest.mark.django_db
LISTINGS = ["cohorts", "sessions", "enrolments", "teams", "venues"]


@pytest.fixture
def taught(cohort, facilitator):
    session = SessionFactory(cohort=cohort, title_th="วิชาที่สอน")
    session.facilitators.add(facilitator)
    SessionFactory(cohort=CohortFactory(title_th="รุ่นที่ไม่ได้สอน"), title_th="วิชาของรุ่นอื่น")
    return session


def test_coordinator_sees_every_listing_with_all_cohorts(client, coordinator, taught):
    client.force_login(coordinator)
    for name in LISTINGS:
        assert client.get(f"/admin/cohorts/{name}/").status_code == 200, name
    html = client.get("/admin/cohorts/sessions/").content.decode()
    assert "วิชาที่สอน" in html and "วิชาของรุ่นอื่น" in html


def test_facilitator_sees_only_the_cohorts_they_teach(client, facilitator, taught):
    client.force_login(facilitator)
    html = client.get("/admin/cohorts/sessions/").content.decode()
    assert "วิชาที่สอน" in html and "วิชาของรุ่นอื่น" not in html
    html = client.get("/admin/cohorts/cohorts/").content.decode()
    assert "รุ่นที่ไม่ได้สอน" not in html


def test_facilitator_cannot_inspect_a_session_of_another_cohort(client, facilitator, taught):
    other = SessionFactory()
    client.force_login(facilitator)
    assert client.get(f"/admin/cohorts/sessions/inspect/{taught.pk}/").status_code == 200
    assert client.get(f"/admin/cohorts/sessions/inspect/{other.pk}/").status_code == 404


def test_facilitator_cannot_edit_sessions(client, facilitator, taught):
    client.force_login(facilitator)
    assert client.get(f"/admin/cohorts/sessions/edit/{taught.pk}/").status_code in (302, 403)


def test_learner_cannot_open_the_admin_listings(client, learner):
    client.force_login(learner)
    for name in LISTINGS:
        assert client.get(f"/admin/cohorts/{name}/").status_code in (302, 403), name


def test_sessions_can_be_filtered_by_cohort(client, coordinator, taught):
    client.force_login(coordinator)
    html = client.get(f"/admin/cohorts/sessions/?cohort={taught.cohort_id}").content.decode()
    assert "วิชาที่สอน" in html and "วิชาของรุ่นอื่น" not in html


def test_coordinator_sees_tool_buttons_on_the_cohort_listing(client, coordinator, cohort):
    client.force_login(coordinator)
    html = client.get("/admin/cohorts/cohorts/").content.decode()
    assert f"/admin/cohort-tools/{cohort.pk}/generate/" in html
    assert f"/admin/cohort-tools/{cohort.pk}/import/" in html
