"""The learner's session page /me/sessions/<id>/: who may open it, and what it shows."""

import datetime as dt

import pytest

from django.utils import timezone

from cohorts.models import Enrolment
from cohorts.session_page import _SECTIONS, register_session_section
from tests.factories import (
    CohortFactory,
    EnrolmentFactory,
    SessionFactory,
    UserFactory,
    VenueFactory,
)
from tests.html import page_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(cohort, facilitator):
    session = SessionFactory(
        cohort=cohort,
        number=7,
        title_th="การเงินการคลังท้องถิ่น",
        starts_at=dt.datetime(2026, 12, 8, 9, 0, tzinfo=dt.UTC),
        venue=VenueFactory(latitude="16.47", longitude="102.82"),
        preparation="งบประมาณของเทศบาล",
        online_url="https://meet.example.org/room-7",
    )
    session.facilitators.add(facilitator)
    return session


def url(session) -> str:
    return f"/me/sessions/{session.pk}/"


def test_anonymous_is_sent_to_log_in(client, session):
    response = client.get(url(session))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("who", ["learner", "facilitator", "coordinator"])
def test_the_cohort_its_facilitator_and_coordinators_open_it(client, session, who, request):
    client.force_login(request.getfixturevalue(who))
    response = client.get(url(session))
    assert response.status_code == 200
    assert "การเงินการคลังท้องถิ่น" in response.content.decode()


def test_a_learner_of_another_cohort_gets_403(client, session):
    outsider = EnrolmentFactory(cohort=CohortFactory()).user
    client.force_login(outsider)
    assert client.get(url(session)).status_code == 403


def test_a_facilitator_of_another_session_gets_403(client, session):
    other = SessionFactory(cohort=session.cohort)
    stranger = UserFactory(roles=["Facilitator"])
    other.facilitators.add(stranger)
    client.force_login(stranger)
    assert client.get(url(session)).status_code == 403


def test_it_shows_number_kind_buddhist_era_date_venue_map_and_preparation(client, learner, session):
    client.force_login(learner)
    html = client.get(url(session)).content.decode()
    assert "ครั้งที่ 7" in html
    assert "2569" in html  # 8 December 2026 in the Buddhist Era
    assert "google.com/maps" in html
    assert "งบประมาณของเทศบาล" in html
    assert "ห้องเรียน" in html or "Classroom" in html


def test_the_meeting_link_shows_only_from_thirty_minutes_before(client, learner, session):
    client.force_login(learner)
    session.starts_at = timezone.now() + dt.timedelta(hours=2)
    session.ends_at = session.starts_at + dt.timedelta(hours=3)
    session.save()
    assert "meet.example.org" not in client.get(url(session)).content.decode()
    session.starts_at = timezone.now() + dt.timedelta(minutes=20)
    session.ends_at = session.starts_at + dt.timedelta(hours=3)
    session.save()
    assert "meet.example.org" in client.get(url(session)).content.decode()


def test_a_withdrawn_learner_keeps_sessions_before_leaving_and_nothing_after(client, cohort):
    enrolment = EnrolmentFactory(cohort=cohort)
    before = SessionFactory(cohort=cohort, starts_at=timezone.now() - dt.timedelta(days=20))
    after = SessionFactory(cohort=cohort, starts_at=timezone.now() + dt.timedelta(days=5))
    Enrolment.objects.filter(pk=enrolment.pk).update(
        status=Enrolment.Status.WITHDRAWN, ended_at=timezone.now() - dt.timedelta(days=10)
    )
    client.force_login(enrolment.user)
    assert client.get(url(before)).status_code == 200
    assert client.get(url(after)).status_code == 403


def test_registered_sections_render_with_the_session_and_enrolment(client, learner, session):
    seen = []

    def section(request, session, enrolment):
        seen.append((session.pk, enrolment.user_id if enrolment else None))
        return None  # nothing to show: the page renders without it

    register_session_section(section, order=1)
    try:
        client.force_login(learner)
        assert client.get(url(session)).status_code == 200
    finally:
        _SECTIONS[:] = [item for item in _SECTIONS if item[1] is not section]
    assert seen == [(session.pk, learner.pk)]


def test_a_missing_session_is_404(client, learner):
    client.force_login(learner)
    assert client.get("/me/sessions/999999/").status_code == 404


@pytest.mark.parametrize(
    "address, expected",
    [
        ("123 ถนนมิตรภาพ อำเภอเมือง ขอนแก่น 40000", "123 ถนนมิตรภาพ อำเภอเมือง ขอนแก่น 40000"),
        ("123 ถนนมิตรภาพ อำเภอเมือง", "123 ถนนมิตรภาพ อำเภอเมือง, ขอนแก่น"),
    ],
)
def test_the_venue_names_its_province_once(client, learner, session, address, expected):
    session.venue.address = address
    session.venue.save()
    client.force_login(learner)
    text = page_text(client.get(url(session)))
    assert f"{session.venue.name_th}, {expected} · " in text  # then the map link
