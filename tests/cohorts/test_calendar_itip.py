"""Emailed calendar files follow iTIP (RFC 5546), read back by ical.js, an independent parser:
REQUEST for invitations and updates of the same event, CANCEL for a cancellation; feeds PUBLISH."""

import datetime as dt
import json
import shutil
import subprocess
from email.utils import parseaddr
from pathlib import Path

import pytest

from django.conf import settings
from django.core import mail

from cohorts.links import session_page_url
from cohorts.models import CalendarToken, Session
from cohorts.services import calendar_token_for, session_cancel, session_reopen, session_reschedule
from cohorts.tasks import send_session_reminders
from tests.conftest import require_service
from tests.factories import BANGKOK, SessionFactory, bangkok_morning

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]
READER = ROOT / "tests" / "js" / "read_ics.mjs"


def read_ics(content: bytes) -> dict:
    """What ical.js makes of the file; installed by `npm ci` (package.json)."""
    node = shutil.which("node")
    require_service(bool(node), "node (Debian package nodejs)")
    require_service((ROOT / "node_modules" / "ical.js").is_dir(), "ical.js (run `npm ci`)")
    result = subprocess.run(  # noqa: S603 - our own script, fixed arguments
        [node, str(READER)], input=content, capture_output=True, check=True, timeout=30
    )
    return json.loads(result.stdout)


@pytest.fixture
def session(cohort, learner):
    return SessionFactory(cohort=cohort, title_th="เมืองน่าอยู่")


def _move(session, capture, days=1):
    with capture(execute=True):
        session_reschedule(
            session=session,
            starts_at=session.starts_at + dt.timedelta(days=days),
            ends_at=session.ends_at + dt.timedelta(days=days),
        )
    session.refresh_from_db()


def _calendar_part(message):
    """The text/calendar part as sent, with its Content-Type parameters."""
    parts = [p for p in message.message().walk() if p.get_content_type() == "text/calendar"]
    assert len(parts) == 1
    return parts[0]


def _last_ics_to(person) -> tuple[dict, object]:
    message = [m for m in mail.outbox if m.to == [person.email]][-1]
    part = _calendar_part(message)
    return read_ics(part.get_payload(decode=True)), part


def _uid(session) -> str:
    return f"pms-session-{session.pk}@127.0.0.1"


def test_a_change_notice_is_an_itip_request_for_the_same_event(
    session, learner, django_capture_on_commit_callbacks
):
    _move(session, django_capture_on_commit_callbacks)
    ics, part = _last_ics_to(learner)
    assert ics["method"] == "REQUEST" and part.get_param("method") == "REQUEST"
    [event] = ics["events"]
    assert event["uid"] == _uid(session) and event["sequence"] == 1
    assert event["status"] == "CONFIRMED" and event["dtstamp"]
    assert event["timezone"] == "Asia/Bangkok" and ics["timezones"] == ["Asia/Bangkok"]
    assert event["start"] == session.starts_at.astimezone(dt.UTC).isoformat()[:19] + ".000Z"
    assert event["organizer"]["value"] == f"mailto:{parseaddr(settings.DEFAULT_FROM_EMAIL)[1]}"
    [attendee] = event["attendees"]
    assert attendee["value"] == f"mailto:{learner.email}"
    assert attendee["cn"] == learner.full_name_th and attendee["partstat"] == "NEEDS-ACTION"


def test_each_change_raises_the_sequence_of_the_same_uid(
    session, learner, django_capture_on_commit_callbacks
):
    _move(session, django_capture_on_commit_callbacks)
    _move(session, django_capture_on_commit_callbacks)
    first, second = (
        read_ics(_calendar_part(m).get_payload(decode=True))["events"][0]
        for m in mail.outbox
        if m.to == [learner.email]
    )
    assert first["uid"] == second["uid"] == _uid(session)
    assert (first["sequence"], second["sequence"]) == (1, 2)


def test_a_cancellation_is_an_itip_cancel(session, learner, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        session_cancel(session=session, note="น้ำท่วม")
    ics, part = _last_ics_to(learner)
    assert ics["method"] == "CANCEL" and part.get_param("method") == "CANCEL"
    [event] = ics["events"]
    assert (event["uid"], event["sequence"], event["status"]) == (_uid(session), 1, "CANCELLED")
    assert event["organizer"] and event["attendees"][0]["value"] == f"mailto:{learner.email}"


def test_a_reopened_session_is_requested_again_with_a_higher_sequence(
    session, learner, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        session_cancel(session=session)
    with django_capture_on_commit_callbacks(execute=True):
        session_reopen(session=session, starts_at=session.starts_at, ends_at=session.ends_at)
    ics, _part = _last_ics_to(learner)
    assert ics["method"] == "REQUEST"
    assert (ics["events"][0]["sequence"], ics["events"][0]["status"]) == (2, "CONFIRMED")


def test_a_reminder_is_an_itip_request_at_the_current_sequence(
    cohort, learner, django_capture_on_commit_callbacks
):
    session = SessionFactory(cohort=cohort, starts_at=bangkok_morning(2))
    Session.objects.filter(pk=session.pk).update(sequence=3)
    with django_capture_on_commit_callbacks(execute=True):
        send_session_reminders()
    ics, part = _last_ics_to(learner)
    assert ics["method"] == "REQUEST" and part.get_param("method") == "REQUEST"
    assert (ics["events"][0]["uid"], ics["events"][0]["sequence"]) == (_uid(session), 3)


def test_an_emailed_multi_day_visit_is_one_event_repeated_each_day(
    cohort, learner, django_capture_on_commit_callbacks
):
    visit = SessionFactory(
        cohort=cohort,
        kind=Session.Kind.SITE_VISIT,
        starts_at=dt.datetime(2026, 12, 8, 8, 0, tzinfo=BANGKOK),
        ends_at=dt.datetime(2026, 12, 10, 16, 30, tzinfo=BANGKOK),
    )
    _move(visit, django_capture_on_commit_callbacks, days=7)
    [event] = _last_ics_to(learner)[0]["events"]
    assert event["recurring"] and event["rrule"] == "FREQ=DAILY;COUNT=3"
    assert (
        event["start"] == "2026-12-15T01:00:00.000Z" and event["end"] == "2026-12-15T09:30:00.000Z"
    )


def test_feeds_are_publish_and_events_link_to_the_learners_session_page(client, cohort, learner):
    in_person = SessionFactory(cohort=cohort)
    online = SessionFactory(
        cohort=cohort, venue=None, kind=Session.Kind.ONLINE, online_url="https://meet.example.org/x"
    )
    token = calendar_token_for(user=learner)
    personal = read_ics(client.get(f"/calendar/{token.token}.ics").content)
    public = read_ics(client.get(f"/cohorts/{cohort.slug}/calendar.ics").content)
    assert personal["method"] == public["method"] == "PUBLISH"
    for feed in (personal, public):
        urls = {e["uid"]: e["url"] for e in feed["events"]}
        assert urls[_uid(in_person)] == session_page_url(in_person)
        assert all(not e["organizer"] and not e["attendees"] for e in feed["events"])
    # The online session's event also opens its session page; the link is in the description.
    personal_urls = {e["uid"]: e["url"] for e in personal["events"]}
    assert personal_urls[_uid(online)] == session_page_url(online)
    assert "meet.example.org" not in json.dumps(public)
    assert CalendarToken.objects.count() == 1
