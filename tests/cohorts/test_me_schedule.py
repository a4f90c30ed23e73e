"""The schedule panel on /me/: next session, schedule, team, calendar links."""

import datetime as dt

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cohorts.models import Session
from tests.factories import SessionFactory, VenueFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def schedule(cohort):
    now = timezone.now()
    past = SessionFactory(
        cohort=cohort, number=1, title_th="ปฐมนิเทศ", starts_at=now - dt.timedelta(days=30)
    )
    upcoming = SessionFactory(
        cohort=cohort,
        number=2,
        title_th="เมืองน่าอยู่",
        starts_at=now + dt.timedelta(days=5),
        venue=VenueFactory(latitude="16.47", longitude="102.82"),
        preparation="ข้อมูลเทศบาล",
    )
    return past, upcoming


def test_learner_sees_next_session_with_thai_buddhist_date_and_map(client, learner, schedule):
    _past, upcoming = schedule
    client.force_login(learner)
    html = client.get("/me/").content.decode()
    assert "เมืองน่าอยู่" in html
    assert str(timezone.localtime(upcoming.starts_at).year + 543) in html
    assert "google.com/maps" in html
    assert "ข้อมูลเทศบาล" in html


def test_learner_sees_past_sessions_marked(client, learner, schedule):
    client.force_login(learner)
    html = client.get("/me/").content.decode()
    assert html.count("is-past") == 1


def test_learner_sees_own_team_members_but_not_other_team(
    client, learner, other_learner, team, schedule
):
    client.force_login(learner)
    html = client.get("/me/").content.decode()
    assert team.name in html
    assert learner.full_name_th in html
    assert other_learner.full_name_th not in html


def test_learner_does_not_see_another_cohorts_sessions(client, learner, schedule):
    SessionFactory(title_th="ของรุ่นอื่น")
    client.force_login(learner)
    assert "ของรุ่นอื่น" not in client.get("/me/").content.decode()


def test_cancelled_session_is_shown_struck_and_never_next(client, learner, schedule):
    _past, upcoming = schedule
    upcoming.status = Session.Status.CANCELLED
    upcoming.save()
    client.force_login(learner)
    html = client.get("/me/").content.decode()
    assert "is-cancelled" in html
    assert "No upcoming sessions" in html or "ไม่มี" in html


def test_panel_shows_personal_and_public_feed_links(client, learner, cohort, schedule):
    client.force_login(learner)
    html = client.get("/me/").content.decode()
    assert "/calendar/" in html and "webcal://" in html
    assert f"/cohorts/{cohort.slug}/calendar.ics" in html


def test_person_without_enrolment_or_teaching_gets_no_schedule_panel(client, facilitator):
    client.force_login(facilitator)
    html = client.get("/me/").content.decode()
    assert "calendar.ics" not in html


def test_panel_queries_do_not_grow_with_sessions(client, learner, cohort):
    client.force_login(learner)
    SessionFactory(cohort=cohort, number=1)
    client.get("/me/")  # warm caches (site, content types)
    with CaptureQueriesContext(connection) as few:
        client.get("/me/")
    for n in range(2, 21):
        SessionFactory(cohort=cohort, number=n)
    with CaptureQueriesContext(connection) as many:
        assert client.get("/me/").status_code == 200
    assert len(many) == len(few)
    assert len(many) <= 40  # every panel of /me/ together


def test_facilitator_sees_the_sessions_they_teach_and_not_others(client, facilitator, cohort):
    now = timezone.now()
    mine = SessionFactory(cohort=cohort, title_th="วิชาของฉัน", starts_at=now + dt.timedelta(days=3))
    mine.facilitators.add(facilitator)
    SessionFactory(title_th="วิชาของคนอื่น", starts_at=now + dt.timedelta(days=3))
    client.force_login(facilitator)
    html = client.get("/me/").content.decode()
    assert "วิชาของฉัน" in html and "วิชาของคนอื่น" not in html
    assert "/calendar/" in html
