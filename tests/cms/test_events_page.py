"""The public events page and calendar file, and the footer's certificate check (#14 item 8)."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from cms.models import EventsPage
from tests.curriculum.factories import publish, translate
from tests.factories import SessionFactory

pytestmark = pytest.mark.django_db
BANGKOK = ZoneInfo("Asia/Bangkok")
AHEAD = dt.datetime(2099, 3, 9, 9, 0, tzinfo=BANGKOK)


@pytest.fixture
def events_page(site_tree):
    page = EventsPage(title="กิจกรรม", slug="events", intro="กิจกรรมที่กำลังจะมาถึง")
    site_tree["home"].add_child(instance=page)
    publish(page)
    english = translate(page, title="Events", slug="events")
    return page, english


@pytest.fixture
def sessions(db):
    ahead = SessionFactory(
        title_th="ศึกษาดูงานเมืองน่าอยู่", title_en="Livable city site visit", kind="site-visit",
        starts_at=AHEAD, ends_at=AHEAD + dt.timedelta(days=2, hours=8),
        online_url="https://meet.example.org/secret",
    )  # fmt: skip
    past = SessionFactory(
        title_th="ปฐมนิเทศที่ผ่านไปแล้ว", starts_at=dt.datetime(2020, 1, 6, 9, 0, tzinfo=BANGKOK)
    )
    return ahead, past


@pytest.mark.parametrize("who", [None, "learner", "other_learner", "facilitator", "coordinator"])
def test_everyone_sees_the_sessions_ahead_in_buddhist_era_dates(
    client, request, events_page, sessions, who
):
    if who:
        client.force_login(request.getfixturevalue(who))
    html = client.get("/events/").content.decode()
    assert "ศึกษาดูงานเมืองน่าอยู่" in html
    assert "9-11 มีนาคม 2642" in html
    assert "ปฐมนิเทศที่ผ่านไปแล้ว" not in html
    assert 'href="/events.ics"' in html


def test_the_english_events_page_reads_gregorian_dates(client, events_page, sessions):
    html = client.get("/en/events/").content.decode()
    assert "Livable city site visit" in html
    assert "9–11 March 2099" in html


def test_the_events_calendar_file_lists_what_is_ahead_without_meeting_links(client, sessions):
    response = client.get("/events.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    body = response.content.decode().replace("\r\n ", "")  # unfold RFC 5545 lines
    assert "ศึกษาดูงานเมืองน่าอยู่" in body
    assert "ปฐมนิเทศที่ผ่านไปแล้ว" not in body
    assert "meet.example.org" not in body


def test_every_public_page_links_to_certificate_verification(client, events_page):
    thai = client.get("/events/").content.decode()
    assert 'href="/verify/"' in thai and "ตรวจสอบใบประกาศนียบัตร" in thai
    english = client.get("/en/events/").content.decode()
    assert 'href="/en/verify/"' in english and "Verify a certificate" in english
