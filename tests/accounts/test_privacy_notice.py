"""The privacy notice: versions, acceptance at first login and after each change."""

import datetime as dt

import pytest

from django.utils import timezone

from accounts.models import PrivacyAcceptance
from accounts.privacy import current_notice, notice_accept, notice_publish

pytestmark = pytest.mark.django_db
ACCEPT = "/me/privacy/accept/"


@pytest.fixture
def notice(db):
    return notice_publish(body_th="ประกาศความเป็นส่วนตัว ฉบับที่หนึ่ง", body_en="Privacy, first")


def _sent_to_accept(response) -> bool:
    return response.status_code == 302 and response["Location"].startswith(ACCEPT)


def test_without_a_published_notice_nobody_is_stopped(client, learner):
    client.force_login(learner)
    assert client.get("/me/").status_code == 200


def test_a_notice_published_later_is_not_current_yet(db):
    notice_publish(body_th="ฉบับหน้า", published_at=timezone.now() + dt.timedelta(days=1))
    assert current_notice() is None


@pytest.mark.parametrize("role", ["learner", "other_learner", "facilitator", "coordinator"])
def test_each_person_accepts_before_using_the_portal(client, request, notice, role):
    client.force_login(request.getfixturevalue(role))
    response = client.get("/me/")
    assert _sent_to_accept(response)
    assert response["Location"] == f"{ACCEPT}?next=%2Fme%2F"


def test_staff_accept_before_the_admin_too(client, coordinator, notice):
    client.force_login(coordinator)
    assert _sent_to_accept(client.get("/admin/"))


def test_english_pages_are_stopped_too(client, learner, notice):
    client.force_login(learner)
    response = client.get("/en/me/")
    assert response.status_code == 302
    assert response["Location"] == "/en/me/privacy/accept/?next=%2Fen%2Fme%2F"


def test_anonymous_visitors_are_sent_to_log_in_not_to_accept(client, notice):
    response = client.get("/me/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("path", ["/healthz", "/accounts/logout/", "/api/v1/openapi.json", "/"])
def test_the_public_site_login_and_machines_are_never_stopped(client, learner, notice, path):
    client.force_login(learner)
    assert not _sent_to_accept(client.get(path))


def test_accepting_records_version_and_time_and_goes_on(client, learner, notice):
    client.force_login(learner)
    page = client.get(f"{ACCEPT}?next=/me/profile/").content.decode()
    assert "ประกาศความเป็นส่วนตัว ฉบับที่หนึ่ง" in page
    before = timezone.now()
    response = client.post(ACCEPT, {"notice": notice.pk, "accept": "on", "next": "/me/profile/"})
    assert response.status_code == 302 and response["Location"] == "/me/profile/"
    acceptance = PrivacyAcceptance.objects.get(user=learner)
    assert acceptance.notice == notice and acceptance.notice.version == 1
    assert acceptance.accepted_at >= before
    assert client.get("/me/").status_code == 200


def test_not_ticking_the_box_says_why_and_records_nothing(client, learner, notice):
    client.force_login(learner)
    response = client.post(ACCEPT, {"notice": notice.pk, "next": "/me/"})
    assert response.status_code == 200
    assert "กรุณาทำเครื่องหมายในช่องเพื่อยอมรับประกาศความเป็นส่วนตัว" in response.content.decode()
    assert not PrivacyAcceptance.objects.exists()


def test_a_version_published_while_reading_must_be_read_first(client, learner, notice):
    client.force_login(learner)
    notice_publish(body_th="ฉบับที่สอง")
    client.post(ACCEPT, {"notice": notice.pk, "accept": "on"})
    assert not PrivacyAcceptance.objects.exists()


def test_a_new_version_is_accepted_again_in_the_same_session(client, learner, notice):
    client.force_login(learner)
    client.post(ACCEPT, {"notice": notice.pk, "accept": "on"})
    assert client.get("/me/").status_code == 200
    second = notice_publish(body_th="ฉบับที่สอง")
    assert _sent_to_accept(client.get("/me/"))
    client.post(ACCEPT, {"notice": second.pk, "accept": "on"})
    assert client.get("/me/").status_code == 200
    assert [a.notice.version for a in PrivacyAcceptance.objects.filter(user=learner)] == [2, 1]


def test_an_acceptance_from_another_device_counts(client, learner, notice):
    notice_accept(user=learner, notice=notice)
    client.force_login(learner)
    assert client.get("/me/").status_code == 200


def test_accepting_twice_keeps_the_first_record(learner, notice):
    first = notice_accept(user=learner, notice=notice)
    assert notice_accept(user=learner, notice=notice).pk == first.pk


def test_a_next_address_off_the_site_is_not_followed(client, learner, notice):
    client.force_login(learner)
    response = client.post(
        ACCEPT, {"notice": notice.pk, "accept": "on", "next": "https://evil.example/"}
    )
    assert response["Location"] == "/me/"


def test_the_privacy_page_shows_the_accepted_version(client, learner, notice):
    notice_accept(user=learner, notice=notice)
    client.force_login(learner)
    page = client.get("/me/privacy/").content.decode()
    assert "ประกาศความเป็นส่วนตัว ฉบับที่หนึ่ง" in page


def test_the_command_publishes_the_first_version_then_new_ones(db, tmp_path):
    from io import StringIO

    from django.core.management import CommandError, call_command

    call_command("publish_privacy_notice", stdout=StringIO())
    assert current_notice().version == 1
    with pytest.raises(CommandError, match="exists already"):
        call_command("publish_privacy_notice", stdout=StringIO())
    (tmp_path / "th.txt").write_text("ฉบับแก้ไข", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    with pytest.raises(CommandError, match="empty"):
        call_command("publish_privacy_notice", th=str(tmp_path / "empty.txt"), stdout=StringIO())
    call_command("publish_privacy_notice", th=str(tmp_path / "th.txt"), stdout=StringIO())
    assert current_notice().version == 2 and current_notice().body_th == "ฉบับแก้ไข"


def test_a_person_who_accepted_costs_the_gate_no_query(client, learner, notice):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(learner)
    client.post(ACCEPT, {"notice": notice.pk, "accept": "on"})
    client.get("/me/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/me/").status_code == 200
    assert not [q for q in queries if "accounts_privacynotice" in q["sql"]]
    assert not [q for q in queries if "accounts_privacyacceptance" in q["sql"]]
