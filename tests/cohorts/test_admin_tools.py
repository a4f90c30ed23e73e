"""Coordinator tools in the Wagtail admin, and who may use them."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from django.core import mail

from cohorts.models import Enrolment, Session
from tests.factories import CohortFactory, OrganisationFactory, SessionFactory, VenueFactory

pytestmark = pytest.mark.django_db
BANGKOK = ZoneInfo("Asia/Bangkok")


@pytest.fixture
def session(cohort):
    return SessionFactory(cohort=cohort, number=1)


@pytest.fixture
def tool_urls(cohort, session, learner):
    enrolment = Enrolment.objects.get(user=learner)
    return [
        f"/admin/cohort-tools/{cohort.pk}/generate/",
        f"/admin/cohort-tools/{cohort.pk}/invite/",
        f"/admin/cohort-tools/{cohort.pk}/import/",
        f"/admin/cohort-tools/session/{session.pk}/reschedule/",
        f"/admin/cohort-tools/session/{session.pk}/cancel/",
        f"/admin/cohort-tools/enrolment/{enrolment.pk}/withdraw/",
        f"/admin/cohort-tools/enrolment/{enrolment.pk}/transfer/",
    ]


def test_anonymous_is_sent_to_log_in(client, tool_urls):
    for url in tool_urls:
        assert client.get(url).status_code == 302, url


def test_learner_cannot_open_any_tool(client, learner, tool_urls):
    client.force_login(learner)
    for url in tool_urls:
        assert client.get(url).status_code in (302, 403), url


def test_facilitator_cannot_open_any_tool(client, facilitator, tool_urls):
    client.force_login(facilitator)
    for url in tool_urls:
        response = client.get(url)  # Wagtail turns PermissionDenied into a redirect home
        assert response.status_code == 302 and response.url == "/admin/", url


def test_coordinator_opens_every_tool(client, coordinator, tool_urls):
    client.force_login(coordinator)
    for url in tool_urls:
        assert client.get(url).status_code == 200, url


def _generate_data(**extra):
    return {
        "count": "14",
        "first_day": "2027-01-05",
        "every": "1",
        "unit": "months",
        "days_each": "2",
        "start_time": "09:00",
        "end_time": "16:00",
        "kind": "classroom",
        "title_th": "กิจกรรม",
        "title_en": "Session",
        **extra,
    }


def test_generate_previews_first_then_creates(client, coordinator):
    cohort = CohortFactory()
    client.force_login(coordinator)
    url = f"/admin/cohort-tools/{cohort.pk}/generate/"
    weekdays = {"first_day": "2027-06-04", "unit": "weeks", "days_each": "1"}  # Fridays, no holiday
    preview = client.post(url, _generate_data(action="preview", **weekdays))
    assert preview.status_code == 200 and b"generate-preview" in preview.content
    assert not cohort.sessions.exists()
    response = client.post(url, _generate_data(action="create", **weekdays))
    assert response.status_code == 302
    assert list(cohort.sessions.values_list("number", flat=True)) == list(range(1, 15))


def test_generate_shows_conflicts_and_needs_a_tick_to_create(client, coordinator):
    cohort = CohortFactory()
    venue = VenueFactory()
    SessionFactory(venue=venue, starts_at=dt.datetime(2027, 1, 5, 10, 0, tzinfo=BANGKOK))
    client.force_login(coordinator)
    url = f"/admin/cohort-tools/{cohort.pk}/generate/"
    response = client.post(url, _generate_data(action="create", venue=venue.pk))
    assert response.status_code == 200 and not cohort.sessions.exists()
    assert venue.name_th in response.content.decode()
    response = client.post(
        url, _generate_data(action="create", venue=venue.pk, save_despite_conflicts="on")
    )
    assert response.status_code == 302 and cohort.sessions.count() == 14


def test_reschedule_form_warns_of_conflicts_before_saving(client, coordinator, session):
    other = SessionFactory(starts_at=dt.datetime(2027, 2, 1, 9, 0, tzinfo=BANGKOK))
    client.force_login(coordinator)
    url = f"/admin/cohort-tools/session/{session.pk}/reschedule/"
    data = {"starts_at": "2027-02-01 10:00", "ends_at": "2027-02-01 12:00", "venue": other.venue.pk}
    response = client.post(url, data)
    assert response.status_code == 200
    session.refresh_from_db()
    assert session.sequence == 0
    assert other.venue.name_th in response.content.decode()


def test_reschedule_saves_and_emails_learners(
    client, coordinator, session, learner, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    url = f"/admin/cohort-tools/session/{session.pk}/reschedule/"
    data = {"starts_at": "2027-03-01 09:00", "ends_at": "2027-03-01 16:00", "note": "เลื่อน"}
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, data).status_code == 302
    session.refresh_from_db()
    assert session.status == Session.Status.RESCHEDULED and session.sequence == 1
    assert session.starts_at == dt.datetime(2027, 3, 1, 9, 0, tzinfo=BANGKOK)
    assert learner.email in [m.to[0] for m in mail.outbox]


def test_reschedule_refuses_an_end_before_the_start(client, coordinator, session):
    client.force_login(coordinator)
    url = f"/admin/cohort-tools/session/{session.pk}/reschedule/"
    response = client.post(url, {"starts_at": "2027-03-01 09:00", "ends_at": "2027-03-01 08:00"})
    assert response.status_code == 200
    session.refresh_from_db()
    assert session.sequence == 0


def test_cancel_marks_the_session_cancelled(
    client, coordinator, session, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/cohort-tools/session/{session.pk}/cancel/", {"note": "พายุ"})
    session.refresh_from_db()
    assert session.is_cancelled


@pytest.fixture
def cancelled(session, django_capture_on_commit_callbacks):
    from cohorts.services import session_cancel

    with django_capture_on_commit_callbacks(execute=True):
        session_cancel(session=session, note="พายุ")
    mail.outbox.clear()
    session.refresh_from_db()
    return session


def test_only_a_coordinator_may_reopen_a_session(
    client, learner, facilitator, coordinator, cancelled
):
    url = f"/admin/cohort-tools/session/{cancelled.pk}/reopen/"
    assert client.get(url).status_code == 302  # to the log-in page
    for person in (learner, facilitator):
        client.force_login(person)
        assert client.get(url).status_code in (302, 403)
        assert client.post(url, {"starts_at": "2030-01-01 09:00", "ends_at": "2030-01-01 16:00"})
        cancelled.refresh_from_db()
        assert cancelled.is_cancelled
    client.force_login(coordinator)
    assert client.get(url).status_code == 200


def test_a_coordinator_reopens_a_cancelled_session_and_everyone_is_told(
    client, coordinator, cohort, cancelled, learner, django_capture_on_commit_callbacks
):
    from icalendar import Calendar

    client.force_login(coordinator)
    sessions_page = client.get(f"/admin/cohorts/sessions/?cohort={cohort.pk}").content.decode()
    assert f"/admin/cohort-tools/session/{cancelled.pk}/reopen/" in sessions_page
    assert f"/admin/cohort-tools/session/{cancelled.pk}/cancel/" not in sessions_page
    starts = cancelled.starts_at + dt.timedelta(days=7)
    data = {
        "starts_at": starts.astimezone(BANGKOK).strftime("%Y-%m-%d %H:%M"),
        "ends_at": (starts + dt.timedelta(hours=6)).astimezone(BANGKOK).strftime("%Y-%m-%d %H:%M"),
        "note": "เลื่อนมาสัปดาห์ถัดไป",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/cohort-tools/session/{cancelled.pk}/reopen/", data)
    assert response.status_code == 302
    cancelled.refresh_from_db()
    assert cancelled.status == Session.Status.RESCHEDULED and cancelled.starts_at == starts
    assert cancelled.sequence == 2  # cancel, then re-open: calendars take the newest
    message = next(m for m in mail.outbox if m.to == [learner.email])
    assert "เลื่อนมาสัปดาห์ถัดไป" in message.body
    event = Calendar.from_ical(message.attachments[0][1]).walk("VEVENT")[0]
    assert str(event["STATUS"]) == "CONFIRMED" and event["SEQUENCE"] == 2


def test_reopening_a_session_that_is_on_changes_nothing(client, coordinator, session):
    client.force_login(coordinator)
    response = client.post(
        f"/admin/cohort-tools/session/{session.pk}/reopen/",
        {"starts_at": "2030-01-01 09:00", "ends_at": "2030-01-01 16:00"},
        follow=True,
    )
    assert "เปิดอีกครั้งได้เฉพาะครั้งที่ถูกยกเลิกแล้วเท่านั้น" in response.content.decode()
    session.refresh_from_db()
    assert session.status == Session.Status.SCHEDULED and session.sequence == 0


def test_session_edit_in_the_admin_warns_of_a_double_booked_venue(
    client, coordinator, cohort, session
):
    other = SessionFactory(starts_at=dt.datetime(2027, 2, 1, 9, 0, tzinfo=BANGKOK))
    client.force_login(coordinator)
    data = {
        "cohort": cohort.pk,
        "title_th": session.title_th,
        "kind": "classroom",
        "starts_at": "2027-02-01 10:00",
        "ends_at": "2027-02-01 12:00",
        "venue": other.venue.pk,
    }
    response = client.post(f"/admin/cohorts/sessions/edit/{session.pk}/", data)
    assert response.status_code == 200
    assert "Conflicts found" in response.content.decode() or "ชน" in response.content.decode()
    session.refresh_from_db()
    assert session.venue != other.venue
    data["save_despite_conflicts"] = "on"
    response = client.post(f"/admin/cohorts/sessions/edit/{session.pk}/", data)
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.venue == other.venue and session.status == Session.Status.RESCHEDULED


def test_deleting_a_session_in_the_admin_renumbers(client, coordinator, cohort):
    first = SessionFactory(
        cohort=cohort, number=1, starts_at=dt.datetime(2027, 1, 1, 9, tzinfo=BANGKOK)
    )
    SessionFactory(cohort=cohort, number=2, starts_at=dt.datetime(2027, 2, 1, 9, tzinfo=BANGKOK))
    client.force_login(coordinator)
    assert client.post(f"/admin/cohorts/sessions/delete/{first.pk}/").status_code == 302
    assert list(cohort.sessions.values_list("number", flat=True)) == [1]


def test_invite_creates_and_enrols_the_person(
    client, coordinator, cohort, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    data = {
        "email": "invitee@example.org",
        "first_name": "ทดลอง",
        "last_name": "เชิญ",
        "role": "executive",
    }
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(f"/admin/cohort-tools/{cohort.pk}/invite/", data).status_code == 302
    assert Enrolment.objects.filter(cohort=cohort, user__email="invitee@example.org").exists()
    assert mail.outbox[0].to == ["invitee@example.org"]


def test_invite_needs_a_thai_name(client, coordinator, cohort):
    client.force_login(coordinator)
    data = {"email": "invitee@example.org", "role": "executive"}
    assert client.post(f"/admin/cohort-tools/{cohort.pk}/invite/", data).status_code == 200
    assert not Enrolment.objects.filter(user__email="invitee@example.org").exists()


def test_import_previews_then_confirms_only_valid_rows(client, coordinator, cohort):
    from django.core.files.uploadedfile import SimpleUploadedFile

    OrganisationFactory(name_th="เทศบาลเมืองทดสอบ")
    content = (
        "email,first_name_th,last_name_th,organisation\n"
        "a@example.org,ก,ข,เทศบาลเมืองทดสอบ\n"
        "broken,ค,ง,เทศบาลเมืองทดสอบ\n"
    ).encode()
    client.force_login(coordinator)
    url = f"/admin/cohort-tools/{cohort.pk}/import/"
    response = client.post(url, {"file": SimpleUploadedFile("people.csv", content)})
    html = response.content.decode()
    assert "import-preview" in html and "broken" in html
    assert not Enrolment.objects.filter(user__email="a@example.org").exists()
    batch = response.context["batch"]
    response = client.post(url, {"action": "confirm", "batch": batch})
    assert response.status_code == 200 and "import-result" in response.content.decode()
    assert Enrolment.objects.filter(cohort=cohort, user__email="a@example.org").exists()
    assert Enrolment.objects.filter(cohort=cohort).count() == 1  # the broken row was skipped


def test_import_refuses_an_unreadable_file_with_a_message(client, coordinator, cohort):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(coordinator)
    response = client.post(
        f"/admin/cohort-tools/{cohort.pk}/import/",
        {"file": SimpleUploadedFile("people.txt", b"hello")},
    )
    assert response.status_code == 200 and "csv" in response.content.decode()


def test_withdraw_and_transfer_from_the_admin(client, coordinator, cohort, learner, other_learner):
    client.force_login(coordinator)
    enrolment = Enrolment.objects.get(user=learner)
    assert (
        client.post(
            f"/admin/cohort-tools/enrolment/{enrolment.pk}/withdraw/", {"reason": "x"}
        ).status_code
        == 302
    )
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.WITHDRAWN
    other = Enrolment.objects.get(user=other_learner)
    target = CohortFactory()
    url = f"/admin/cohort-tools/enrolment/{other.pk}/transfer/"
    assert client.post(url, {"to_cohort": target.pk}).status_code == 302
    other.refresh_from_db()
    assert other.transferred_to.cohort == target


def test_adding_a_session_in_the_admin_numbers_it_by_date(client, coordinator, cohort):
    SessionFactory(cohort=cohort, number=1, starts_at=dt.datetime(2027, 1, 1, 9, tzinfo=BANGKOK))
    SessionFactory(cohort=cohort, number=2, starts_at=dt.datetime(2027, 3, 1, 9, tzinfo=BANGKOK))
    client.force_login(coordinator)
    data = {
        "cohort": cohort.pk,
        "title_th": "เพิ่มเติม",
        "kind": "classroom",
        "starts_at": "2027-02-01 09:00",
        "ends_at": "2027-02-01 12:00",
    }
    assert client.post("/admin/cohorts/sessions/new/", data).status_code == 302
    titles = list(cohort.sessions.order_by("number").values_list("number", "title_th"))
    assert titles[1] == (2, "เพิ่มเติม") and [n for n, _t in titles] == [1, 2, 3]


def test_an_online_session_needs_a_meeting_link(client, coordinator, cohort):
    client.force_login(coordinator)
    data = {
        "cohort": cohort.pk,
        "title_th": "ออนไลน์",
        "kind": "online",
        "starts_at": "2027-02-01 09:00",
        "ends_at": "2027-02-01 12:00",
    }
    assert client.post("/admin/cohorts/sessions/new/", data).status_code == 200
    assert not cohort.sessions.exists()
