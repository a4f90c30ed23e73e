"""iCalendar feeds: the public cohort feed and the personal token feed."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from cohorts.models import CalendarToken, Session
from cohorts.services import calendar_token_for, calendar_token_revoke, session_cancel
from tests.factories import SessionFactory

pytestmark = pytest.mark.django_db
BANGKOK = ZoneInfo("Asia/Bangkok")


def _events(response):
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content).walk("VEVENT")


@pytest.fixture
def sessions(cohort):
    classroom = SessionFactory(
        cohort=cohort, number=1, title_th="ห้องเรียน", online_url="https://meet.example.org/secret"
    )
    visit = SessionFactory(
        cohort=cohort,
        number=2,
        title_th="ศึกษาดูงานขอนแก่น",
        kind=Session.Kind.SITE_VISIT,
        starts_at=dt.datetime(2026, 12, 8, 8, 0, tzinfo=BANGKOK),
        ends_at=dt.datetime(2026, 12, 10, 16, 30, tzinfo=BANGKOK),
    )
    return classroom, visit


def test_public_cohort_feed_is_valid_icalendar_with_bangkok_timezone(client, cohort, sessions):
    response = client.get(f"/cohorts/{cohort.slug}/calendar.ics")
    assert response.status_code == 200
    calendar = Calendar.from_ical(response.content)
    timezones = calendar.walk("VTIMEZONE")
    assert [str(tz["TZID"]) for tz in timezones] == ["Asia/Bangkok"]
    assert b"DTSTART;TZID=Asia/Bangkok:" in response.content


def test_multi_day_site_visit_has_one_event_per_day(client, cohort, sessions):
    _classroom, visit = sessions
    events = _events(client.get(f"/cohorts/{cohort.slug}/calendar.ics"))
    days = [e for e in events if str(e["UID"]).startswith(f"pms-session-{visit.pk}")]
    assert len(days) == 3
    starts = sorted(e.decoded("DTSTART") for e in days)
    assert [s.day for s in starts] == [8, 9, 10]
    assert all(e.decoded("DTEND").hour == 16 and e.decoded("DTEND").minute == 30 for e in days)


def test_events_carry_thai_location_and_description(client, cohort, sessions):
    classroom, _visit = sessions
    events = _events(client.get(f"/cohorts/{cohort.slug}/calendar.ics"))
    event = next(e for e in events if str(e["UID"]).startswith(f"pms-session-{classroom.pk}@"))
    assert classroom.venue.name_th in str(event["LOCATION"])
    assert "ครั้งที่ 1" in str(event["SUMMARY"])
    assert "2569" in str(event["DESCRIPTION"])  # Buddhist Era year


def test_public_feed_never_shows_meeting_links(client, cohort, sessions):
    response = client.get(f"/cohorts/{cohort.slug}/calendar.ics")
    assert b"meet.example.org" not in response.content


def test_cancelled_session_stays_in_feed_as_cancelled_with_higher_sequence(
    client, cohort, sessions, django_capture_on_commit_callbacks
):
    classroom, _visit = sessions
    with django_capture_on_commit_callbacks(execute=True):
        session_cancel(session=classroom, note="น้ำท่วม")
    events = _events(client.get(f"/cohorts/{cohort.slug}/calendar.ics"))
    event = next(e for e in events if str(e["UID"]).startswith(f"pms-session-{classroom.pk}@"))
    assert str(event["STATUS"]) == "CANCELLED"
    assert event["SEQUENCE"] == 1


def test_uids_are_stable_between_requests(client, cohort, sessions):
    first = {str(e["UID"]) for e in _events(client.get(f"/cohorts/{cohort.slug}/calendar.ics"))}
    second = {str(e["UID"]) for e in _events(client.get(f"/cohorts/{cohort.slug}/calendar.ics"))}
    assert first == second and len(first) == 4


def test_unknown_cohort_feed_is_404(client, db):
    assert client.get("/cohorts/nope/calendar.ics").status_code == 404


def test_personal_feed_has_own_cohort_with_meeting_link(client, learner, sessions):
    token = calendar_token_for(user=learner)
    response = client.get(f"/calendar/{token.token}.ics")
    assert response.status_code == 200
    assert b"meet.example.org/secret" in response.content
    assert len(_events(response)) == 4


def test_personal_feed_leaves_out_other_cohorts(client, learner, sessions):
    SessionFactory(title_th="รุ่นอื่น")
    token = calendar_token_for(user=learner)
    content = client.get(f"/calendar/{token.token}.ics").content.decode()
    assert "รุ่นอื่น" not in content


def test_facilitator_personal_feed_lists_sessions_they_teach(client, facilitator, sessions):
    classroom, _visit = sessions
    classroom.facilitators.add(facilitator)
    token = calendar_token_for(user=facilitator)
    events = _events(client.get(f"/calendar/{token.token}.ics"))
    assert [str(e["UID"]) for e in events] == [f"pms-session-{classroom.pk}@127.0.0.1"]


def test_revoked_token_no_longer_works(client, learner, sessions):
    old = calendar_token_for(user=learner)
    new = calendar_token_revoke(user=learner)
    assert client.get(f"/calendar/{old.token}.ics").status_code == 404
    assert client.get(f"/calendar/{new.token}.ics").status_code == 200


def test_unknown_token_is_404(client, db):
    assert client.get("/calendar/not-a-token.ics").status_code == 404


def test_learner_can_replace_their_link_from_the_portal(client, learner):
    old = calendar_token_for(user=learner)
    client.force_login(learner)
    response = client.post("/calendar/reset/")
    assert response.status_code == 302
    assert CalendarToken.objects.get(pk=old.pk).revoked_at is not None
    assert CalendarToken.objects.filter(user=learner, revoked_at__isnull=True).count() == 1


def test_anonymous_cannot_replace_a_link(client, db):
    assert client.post("/calendar/reset/").status_code == 302
    assert not CalendarToken.objects.exists()


@pytest.mark.parametrize(
    "who", ["anonymous", "learner", "other_learner", "facilitator", "coordinator"]
)
def test_the_public_cohort_feed_is_the_same_for_everyone(client, cohort, sessions, who, request):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    response = client.get(f"/cohorts/{cohort.slug}/calendar.ics")
    assert response.status_code == 200
    assert b"meet.example.org" not in response.content


def test_a_deactivated_person_loses_their_personal_feed(client, learner, sessions):
    token = calendar_token_for(user=learner)
    learner.is_active = False
    learner.save()
    assert client.get(f"/calendar/{token.token}.ics").status_code == 404
