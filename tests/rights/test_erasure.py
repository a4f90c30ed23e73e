"""Erasure: the person asks from /me/data/, a coordinator approves or refuses with a reason;
on approval every app erases or pseudonymises its part, and the erasure is logged."""

import pytest
from allauth.account.models import EmailAddress

from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.utils.html import escape

from attendance.models import AttendanceRecord
from cohorts.models import CalendarToken, Enrolment
from rights import services
from rights.access_log import record
from rights.models import AccessLogEntry, ErasureRequest

pytestmark = pytest.mark.django_db
BASE = "/admin/personal-data/erasures"


@pytest.fixture
def asked(learner):
    erasure, _created = services.erasure_request(user=learner, reason="ย้ายงานแล้ว")
    return erasure


def test_the_learner_asks_for_erasure_after_confirming(client, learner):
    client.force_login(learner)
    response = client.post("/me/data/erasure/", {"reason": "ขอลบ"})
    assert response.status_code == 400
    assert "โปรดทำเครื่องหมายในช่องเพื่อยืนยันคำขอ" in response.content.decode()
    assert not ErasureRequest.objects.exists()
    response = client.post("/me/data/erasure/", {"reason": "ขอลบ", "confirm": "on"})
    assert response.status_code == 302
    erasure = ErasureRequest.objects.get()
    assert erasure.user == learner and erasure.status == "requested"
    assert learner.email in erasure.person_label
    client.post("/me/data/erasure/", {"confirm": "on"})
    assert ErasureRequest.objects.count() == 1  # one open request at a time
    assert "ท่านขอลบข้อมูลเมื่อ" in client.get("/me/data/").content.decode()


def test_anonymous_cannot_ask(client, db):
    response = client.post("/me/data/erasure/", {"confirm": "on"})
    assert response.status_code == 302 and not ErasureRequest.objects.exists()


@pytest.mark.parametrize("who", ["anonymous", "learner", "other_learner", "facilitator"])
def test_nobody_but_coordinators_sees_or_decides(client, request, who, asked):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    for url in (f"{BASE}/", f"{BASE}/{asked.pk}/"):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert "ย้ายงานแล้ว" not in response.content.decode()
    response = client.post(f"{BASE}/{asked.pk}/", {"decision": "approve", "reason": "x"})
    assert response.status_code in (302, 403)
    asked.refresh_from_db()
    assert asked.status == "requested" and asked.user.is_active


def test_the_coordinator_sees_the_request(client, coordinator, asked):
    client.force_login(coordinator)
    html = client.get(f"{BASE}/").content.decode()
    assert escape(asked.person_label) in html
    html = client.get(f"{BASE}/{asked.pk}/").content.decode()
    assert "ย้ายงานแล้ว" in html and 'name="decision"' in html


def test_a_decision_needs_a_reason_and_loses_nothing(client, coordinator, asked):
    client.force_login(coordinator)
    response = client.post(f"{BASE}/{asked.pk}/", {"decision": "approve", "reason": ""})
    assert response.status_code == 400
    assert "โปรดระบุเหตุผลของการตัดสินใจ" in response.content.decode()
    asked.refresh_from_db()
    assert asked.status == "requested" and asked.user.is_active


def test_a_refusal_is_recorded_with_its_reason(client, coordinator, asked, learner):
    client.force_login(coordinator)
    reason = "อยู่ระหว่างการตรวจสอบทุนวิจัย"
    response = client.post(f"{BASE}/{asked.pk}/", {"decision": "refuse", "reason": reason})
    assert response.status_code == 302
    asked.refresh_from_db()
    assert asked.status == "refused" and asked.decision_reason == reason
    assert asked.decided_by == coordinator and asked.decided_at is not None
    learner.refresh_from_db()
    assert learner.is_active and learner.first_name
    response = client.post(f"{BASE}/{asked.pk}/", {"decision": "approve", "reason": "x"})
    asked.refresh_from_db()
    assert asked.status == "refused"  # decided once


def test_approval_erases_the_person_and_logs_it(
    client, coordinator, asked, learner, attended, handed_in
):
    CalendarToken.objects.create(user=learner, token="secret-feed")
    own_download = record(None, "download", "สำเนาข้อมูล", actor=learner)
    client.force_login(learner)
    learner_session = client.session.session_key
    client.force_login(coordinator)
    reason = "คำขอตาม พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล"
    response = client.post(f"{BASE}/{asked.pk}/", {"decision": "approve", "reason": reason})
    assert response.status_code == 302
    asked.refresh_from_db()
    assert asked.status == "erased" and asked.summary["profile"]["email_addresses"] == 1
    assert asked.decision_reason == reason and asked.decided_by == coordinator
    person = get_user_model().objects.get(pk=learner.pk)
    assert person.email == f"erased-{learner.pk}@erased.invalid"
    assert not (person.first_name or person.last_name or person.first_name_en or person.phone)
    assert not person.position and person.organisation is None
    assert not person.is_active and not person.has_usable_password()
    assert not EmailAddress.objects.filter(user=person).exists()
    assert not CalendarToken.objects.filter(user=person).exists()
    assert not Session.objects.filter(session_key=learner_session).exists()
    kept = AttendanceRecord.objects.get(pk=attended.pk)
    assert kept.status == "excused" and "ป่วย" not in kept.excuse_reason  # total unchanged
    assert Enrolment.objects.get(user=person).status == "active"
    assert handed_in.submission.team.name  # team work keeps the team's name
    entry = AccessLogEntry.objects.get(action="erasure")
    assert entry.actor == coordinator and f"#{learner.pk}" in entry.what
    own_download.refresh_from_db()
    for kept in (asked.person_label, entry.what, own_download.actor_label):  # names nobody
        assert learner.first_name not in kept and learner.email not in kept


def test_the_erased_person_cannot_log_in(client, asked, learner, coordinator):
    email = learner.email
    services.erasure_approve(request_id=asked.pk, by=coordinator, reason="ตามคำขอ")
    response = client.post(
        "/accounts/login/", {"login": email, "password": "correct-horse-battery"}
    )
    assert "_auth_user_id" not in client.session
    assert response.status_code == 200


def test_a_coordinator_cannot_approve_their_own_request(coordinator):
    erasure, _ = services.erasure_request(user=coordinator)
    with pytest.raises(services.ValidationError):
        services.erasure_approve(request_id=erasure.pk, by=coordinator, reason="x")
    erasure.refresh_from_db()
    assert erasure.status == "requested"


def test_erasure_unlinks_line_and_a_copy_of_my_data_names_the_link(coordinator, asked, learner):
    from accounts.personal_data import export_parts
    from notifications.models import LineAccount, LineMessage, Preference

    LineAccount.objects.create(user=learner, line_user_id="U" + "a" * 32)
    Preference.objects.create(user=learner, kind="materials", email=True, line=True)
    LineMessage.objects.create(user=learner, kind="materials", key="m-1", text="สไลด์ใหม่")
    exported = dict(export_parts(learner))["notifications"].data
    assert exported["line_account"]["line_user_id"] == "U" + "a" * 32
    assert exported["line_messages"][0]["text"] == "สไลด์ใหม่"
    services.erasure_approve(request_id=asked.pk, by=coordinator, reason="PDPA")
    assert not LineAccount.objects.filter(user=learner).exists()
    assert not Preference.objects.filter(user=learner).exists()
    assert LineMessage.objects.get(user=learner).text == ""  # that it was sent stays


def test_erasure_drops_the_photo_line_id_and_consents_and_the_copy_holds_them(
    coordinator, asked, learner
):
    from django.core.files.base import ContentFile

    from accounts.consent import Purpose, consent_record
    from accounts.models import Consent
    from accounts.personal_data import export_parts

    learner.line_id = "somchai.line"
    learner.photo.save("me.png", ContentFile(b"\x89PNG\r\n\x1a\n"), save=True)
    consent_record(user=learner, decisions={Purpose.DIRECTORY_PHONE: True})
    profile = dict(export_parts(learner))["profile"]
    assert profile.data["line_id"] == "somchai.line"
    assert profile.data["consents"][0]["purpose"] == Purpose.DIRECTORY_PHONE
    assert [path for path, _file in profile.files] == [f"photo/{profile.data['photo']}"]
    photo_name = learner.photo.name
    storage = learner.photo.storage
    services.erasure_approve(request_id=asked.pk, by=coordinator, reason="PDPA")
    learner.refresh_from_db()
    assert learner.line_id == "" and not learner.photo
    assert not storage.exists(photo_name)
    assert not Consent.objects.filter(user=learner).exists()
