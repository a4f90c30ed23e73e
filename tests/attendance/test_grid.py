"""The staff grid in the Wagtail admin: who may use it, one-tap marking, closing the day."""

import pytest

from django.urls import reverse

from attendance.days import session_days
from attendance.models import AttendanceChange, AttendanceRecord, Status

pytestmark = pytest.mark.django_db


def grid_url(session):
    return reverse("attendance_admin:grid", args=[session.pk])


def mark(client, session, enrolment, status, **headers):
    return client.post(
        reverse("attendance_admin:mark", args=[session.pk]),
        {"enrolment": enrolment.pk, "status": status, "day": session_days(session)[0].isoformat()},
        HTTP_HX_REQUEST="true",
        **headers,
    )


def test_anonymous_is_sent_to_login(client, session):
    assert client.get(grid_url(session)).status_code == 302


@pytest.mark.parametrize("who", ["learner", "other_learner", "other_facilitator"])
def test_people_who_do_not_run_the_session_cannot_see_or_mark(
    client, session, enrolment, who, request
):
    client.force_login(request.getfixturevalue(who))
    assert client.get(grid_url(session)).status_code in (302, 403)
    assert mark(client, session, enrolment, "present").status_code in (302, 403)
    assert not AttendanceRecord.objects.exists()


@pytest.mark.parametrize("who", ["facilitator", "coordinator"])
def test_the_sessions_facilitator_and_coordinators_see_every_learner(
    client, session, learner, other_learner, who, request
):
    client.force_login(request.getfixturevalue(who))
    response = client.get(grid_url(session))
    assert response.status_code == 200
    assert learner.full_name_th in response.content.decode()
    assert other_learner.full_name_th in response.content.decode()


def test_one_tap_saves_and_returns_the_row(client, session, enrolment, facilitator):
    client.force_login(facilitator)
    response = mark(client, session, enrolment, "present")
    assert response.status_code == 200
    assert 'aria-pressed="true" data-status="present"' in response.content.decode()
    record = AttendanceRecord.objects.get()
    assert (record.status, record.method, record.recorded_by) == (
        Status.PRESENT,
        "manual",
        facilitator,
    )


def test_excusing_needs_a_reason_and_says_so(client, session, enrolment, coordinator):
    client.force_login(coordinator)
    response = mark(client, session, enrolment, "excused")
    assert response.status_code == 400
    assert "การลาต้องระบุเหตุผล" in response.content.decode()  # An excused absence needs a reason.
    assert not AttendanceRecord.objects.exists()
    response = mark(client, session, enrolment, "excused", HTTP_HX_PROMPT="ป่วย มีใบรับรองแพทย์")
    assert response.status_code == 200
    assert AttendanceRecord.objects.get().excuse_reason == "ป่วย มีใบรับรองแพทย์"


def test_a_thai_reason_sent_by_the_browser_is_kept_as_typed(
    client, session, enrolment, facilitator
):
    """A header carries only Latin-1: htmx percent-encodes the Thai and says it did."""
    from urllib.parse import quote

    client.force_login(facilitator)
    mark(client, session, enrolment, "absent")
    reason = "ป่วย มีใบรับรองแพทย์ 100%"
    response = mark(
        client,
        session,
        enrolment,
        "excused",
        HTTP_HX_PROMPT=quote(reason, safe=""),
        HTTP_HX_PROMPT_URI_AUTOENCODED="true",
    )
    assert response.status_code == 200
    record = AttendanceRecord.objects.get()
    assert record.excuse_reason == reason
    assert record.changes.get().reason == reason
    trail = client.get(reverse("attendance_admin:record", args=[record.pk])).content.decode()
    assert reason in trail and "%E0%B8" not in trail


def test_changing_a_mark_keeps_an_audit_entry(client, session, enrolment, coordinator):
    client.force_login(coordinator)
    mark(client, session, enrolment, "absent")
    mark(client, session, enrolment, "late", HTTP_HX_PROMPT="มาถึงช้าเพราะรถติด")
    change = AttendanceChange.objects.get()
    assert (change.old_status, change.new_status, change.changed_by) == (
        "absent",
        "late",
        coordinator,
    )
    assert change.reason == "มาถึงช้าเพราะรถติด"


def test_a_learner_of_another_cohort_cannot_be_marked(client, session, outsider, coordinator):
    client.force_login(coordinator)
    enrolment = outsider.enrolments.get()
    assert mark(client, session, enrolment, "present").status_code == 400
    assert not AttendanceRecord.objects.exists()


def test_mark_everyone_not_yet_marked_as_absent(
    client, session, enrolment, other_learner, facilitator
):
    client.force_login(facilitator)
    mark(client, session, enrolment, "present")
    response = client.post(reverse("attendance_admin:close_day", args=[session.pk]))
    assert response.status_code == 302
    statuses = dict(AttendanceRecord.objects.values_list("enrolment__user", "status"))
    assert statuses == {enrolment.user_id: "present", other_learner.pk: "absent"}
    client.post(reverse("attendance_admin:close_day", args=[session.pk]))
    assert AttendanceRecord.objects.count() == 2


def test_the_live_refresh_returns_statuses(client, session, enrolment, facilitator):
    client.force_login(facilitator)
    mark(client, session, enrolment, "late")
    data = client.get(reverse("attendance_admin:statuses", args=[session.pk])).json()
    assert data == {"statuses": {str(enrolment.pk): "late"}, "marked": 1}


def test_the_projector_shows_a_qr_code_and_a_short_code(client, session, facilitator):
    client.force_login(facilitator)
    response = client.get(reverse("attendance_admin:projector", args=[session.pk]))
    assert response.status_code == 200
    text = response.content.decode()
    assert "<svg" in text and "data-short-code" in text
    fragment = client.get(reverse("attendance_admin:projector_code", args=[session.pk]))
    assert "<svg" in fragment.content.decode()


def test_the_projector_qr_decodes_to_a_working_check_in_link(client, session, facilitator, learner):
    import re

    client.force_login(facilitator)
    text = client.get(reverse("attendance_admin:projector", args=[session.pk])).content.decode()
    url = re.search(r'data-check-in-url="([^"]+)"', text).group(1)
    client.force_login(learner)
    assert client.post(url.replace("http://testserver", "")).status_code == 200
    assert AttendanceRecord.objects.get().enrolment.user == learner


def test_the_live_refresh_fetches_a_whole_row(client, session, enrolment, facilitator, learner):
    from attendance.services import attendance_check_in

    attendance_check_in(session=session, user=learner, day=session_days(session)[0])
    client.force_login(facilitator)
    url = reverse("attendance_admin:grid_row", args=[session.pk, enrolment.pk])
    response = client.get(url)
    assert 'data-status="present"' in response.content.decode()
    assert "สแกน QR" in response.content.decode()  # the method: QR check-in


def test_a_row_of_another_cohort_is_not_found(client, session, outsider, facilitator):
    client.force_login(facilitator)
    url = reverse("attendance_admin:grid_row", args=[session.pk, outsider.enrolments.get().pk])
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("who", ["learner", "other_facilitator"])
@pytest.mark.parametrize("name", ["projector", "projector_code", "sign_in_sheet", "statuses"])
def test_the_projector_and_sheet_are_for_the_sessions_staff_only(
    client, session, who, name, request
):
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse(f"attendance_admin:{name}", args=[session.pk])).status_code in (
        302,
        403,
    )


def test_anonymous_cannot_open_the_projector(client, session):
    response = client.get(reverse("attendance_admin:projector", args=[session.pk]))
    assert response.status_code == 302
