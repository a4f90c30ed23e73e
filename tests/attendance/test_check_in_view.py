"""The learner's QR link and the typed-code page."""

import re
import time

import pytest

from django.urls import reverse

from attendance import tokens
from attendance.days import session_days
from attendance.models import AttendanceRecord, Status
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def link(session, step=None):
    token = tokens.make_token(session.pk, session_days(session)[0], step)
    return reverse("attendance:check_in", args=[token])


def test_anonymous_scan_goes_to_login_and_comes_back(client, session, learner):
    url = link(session)
    response = client.get(url)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"] and "next=" in response["Location"]
    client.post(reverse("account_login"), {"login": learner.email, "password": PASSWORD})
    assert client.get(url).status_code == 200
    response = client.post(url)
    assert response.status_code == 200
    assert AttendanceRecord.objects.get().status == Status.PRESENT


def test_a_scan_remembered_before_login_survives_the_rotation(client, session, learner):
    url = link(session)
    client.get(url)  # fresh scan while anonymous
    client.force_login(learner)
    old = link(session, tokens.current_step() - 3)
    assert client.post(url).status_code == 200
    assert client.get(old).status_code == 410  # a different, stale code is still refused


def test_the_learner_sees_the_confirmation(client, session, learner):
    client.force_login(learner)
    response = client.post(link(session))
    assert b"checked in" in response.content or "ลงชื่อ".encode() in response.content


@pytest.mark.parametrize(
    ("prefix", "button"), [("", "ยืนยันการลงชื่อเข้าร่วม"), ("/en", "Confirm check-in")]
)
def test_the_scan_page_shows_the_confirm_form_in_each_language(
    client, session, learner, prefix, button
):
    client.force_login(learner)
    response = client.get(prefix + link(session))
    text = response.content.decode()
    assert response.status_code == 200
    assert button in text and 'name="csrfmiddlewaretoken"' in text
    assert str(session.cohort) in text and 'class="lang-switch"' in text
    assert 'name="robots" content="noindex"' in text


def _seen_field(response) -> dict:
    match = re.search(r'name="seen" value="([^"]+)"', response.content.decode())
    return {"seen": match.group(1)} if match else {}


def test_a_signed_in_scan_is_confirmed_after_the_code_rotates(
    client, session, learner, monkeypatch
):
    client.force_login(learner)
    url = link(session)
    seen = _seen_field(client.get(url))
    assert seen
    later = time.time() + 5 * 60  # the code on the screen has changed ten times since
    monkeypatch.setattr(time, "time", lambda: later)
    assert client.post(url, seen).status_code == 200
    assert AttendanceRecord.objects.get().status == Status.PRESENT


def test_another_learners_proof_of_a_scan_is_refused_after_the_rotation(
    client, session, learner, other_learner, monkeypatch
):
    client.force_login(other_learner)
    url = link(session)
    seen = _seen_field(client.get(url))
    client.force_login(learner)
    later = time.time() + 5 * 60
    monkeypatch.setattr(time, "time", lambda: later)
    assert client.post(url, seen).status_code == 410
    assert client.post(url, {"seen": "forged"}).status_code == 410
    assert not AttendanceRecord.objects.exists()


def test_a_proof_older_than_ten_minutes_is_refused(client, session, learner, monkeypatch):
    client.force_login(learner)
    url = link(session)
    seen = _seen_field(client.get(url))
    later = time.time() + 11 * 60
    monkeypatch.setattr(time, "time", lambda: later)
    assert client.post(url, seen).status_code == 410
    assert not AttendanceRecord.objects.exists()


def test_a_forwarded_old_code_is_refused_with_an_explanation(client, session, learner):
    client.force_login(learner)
    response = client.get(link(session, tokens.current_step() - 3))
    assert response.status_code == 410
    text = response.content.decode()
    assert "Codes change every 30 seconds" in text
    assert not AttendanceRecord.objects.exists()


def test_a_learner_of_another_cohort_is_refused(client, session, outsider):
    client.force_login(outsider)
    response = client.post(link(session))
    assert response.status_code == 403
    assert "not enrolled" in response.content.decode()


def test_a_double_check_in_says_what_is_recorded(client, session, learner):
    client.force_login(learner)
    client.post(link(session))
    response = client.post(link(session))
    assert response.status_code == 409
    assert AttendanceRecord.objects.count() == 1
    text = response.content.decode()
    assert "คุณลงชื่อเข้าร่วมไว้แล้ว" in text  # You are already checked in
    assert "ยังไม่ได้ลงชื่อเข้าร่วม" not in text  # not the red "Not checked in"
    assert "badge-bad" not in text


def test_a_mangled_link_is_refused(client, session, learner):
    client.force_login(learner)
    response = client.get(reverse("attendance:check_in", args=["not-a-token"]))
    assert response.status_code == 400


def test_the_typed_code_page_needs_a_login(client):
    response = client.get(reverse("attendance:check_in_by_code"))
    assert response.status_code == 302


def test_the_typed_code_checks_in(client, session, learner):
    client.force_login(learner)
    code = tokens.short_code(session.pk, session_days(session)[0])
    response = client.post(reverse("attendance:check_in_by_code"), {"code": code})
    assert response.status_code == 200
    assert AttendanceRecord.objects.get().method == "code"


def test_a_wrong_typed_code_keeps_the_form_and_explains(client, session, learner):
    client.force_login(learner)
    response = client.post(reverse("attendance:check_in_by_code"), {"code": "12345"})
    assert response.status_code == 400
    assert 'value="12345"' in response.content.decode()


# Measured, once the privacy notice in force is cached: the session, the signed-in person
# and the session of the code; the scan page saves nothing (its proof of the scan is in the
# confirm form), the confirm reads the enrolment and inserts the record (savepoint, insert,
# release). The confirm saves nothing in the session either.
SCAN_QUERIES = 3
CONFIRM_QUERIES = 7


def test_the_scan_page_takes_a_fixed_number_of_queries(
    client, session, learner, django_assert_max_num_queries
):
    client.force_login(learner)
    client.get(link(session))  # the menu and the privacy notice in force are cached
    with django_assert_max_num_queries(SCAN_QUERIES):
        assert client.get(link(session)).status_code == 200


def test_the_confirm_takes_a_fixed_number_of_queries(
    client, session, learner, django_assert_max_num_queries
):
    client.force_login(learner)
    url = link(session)
    client.get(url)
    with django_assert_max_num_queries(CONFIRM_QUERIES):
        assert client.post(url).status_code == 200
    assert AttendanceRecord.objects.get().status == Status.PRESENT
