"""allauth's pages and emails, as a Thai reader meets them.

Its Thai catalogue heads the reauthentication page "ยืนยันที่อยู่อีเมล AddrAccess",
labels a password field "ลืมรหัสผ่าน?", and Wagtail's "เพิ่ม,เติม" reaches its
buttons; its login page and its unknown-address email invite sign-up, which is
closed; its emails are English-bodied, text only, signed with the host name.
"""

import re

import pytest

from django.core import mail

from tests.factories import UserFactory
from tests.thai import english_phrases, visible_text

pytestmark = pytest.mark.django_db

BAD_THAI = ["AddrAccess", "เพิ่ม,เติม", "Token", "รีเซ็ท", "ลืมรหัสผ่าน?:", "ด้วยรหัสผ่าน"]
SIGNATURE = "หลักสูตรประกาศนียบัตรนักพัฒนาเมืองระดับสูง (พมส.)"

ANONYMOUS_PAGES = [
    "/accounts/login/",
    "/accounts/signup/",
    "/accounts/password/reset/",
    "/accounts/password/reset/done/",
    "/accounts/password/reset/key/1-not-a-token/",
    "/accounts/password/reset/key/done/",
    "/accounts/login/code/",
    "/accounts/confirm-email/not-a-key/",
]
SIGNED_IN_PAGES = [
    "/accounts/logout/",
    "/accounts/email/",
    "/accounts/password/change/",
    "/accounts/2fa/",
    "/accounts/2fa/webauthn/",
    "/accounts/reauthenticate/",
    "/accounts/2fa/totp/activate/",  # asks to confirm access first
]


def _problems(html: str) -> list[str]:
    text = visible_text(html)
    return [bad for bad in BAD_THAI if bad in text] + english_phrases(html)


@pytest.mark.parametrize("url", ANONYMOUS_PAGES)
def test_the_pages_before_signing_in_read_in_thai(client, url):
    response = client.get(url, follow=True)
    assert response.status_code == 200
    assert _problems(response.content.decode()) == []


@pytest.mark.parametrize("url", SIGNED_IN_PAGES)
def test_the_account_and_two_factor_pages_read_in_thai(client, learner, url):
    client.force_login(learner)
    response = client.get(url, follow=True)
    assert response.status_code == 200
    assert _problems(response.content.decode()) == []


def test_the_reauthentication_page_is_headed_confirm_access_in_thai(client, learner):
    client.force_login(learner)
    html = client.get("/accounts/2fa/totp/activate/", follow=True).content.decode()
    assert re.search(r"<h1[^>]*>\s*ยืนยันตัวตน\s*</h1>", html)
    assert "กรอกรหัสผ่านของท่าน" in visible_text(html)


def test_the_login_page_does_not_invite_to_sign_up(client):
    html = client.get("/accounts/login/").content.decode()
    assert "/accounts/signup/" not in html
    assert "ผู้ประสานงานลงทะเบียนเข้ารุ่น" in visible_text(html)


def test_the_english_login_page_does_not_invite_to_sign_up_either(client):
    html = client.get("/en/accounts/login/").content.decode()
    assert "/accounts/signup/" not in html
    assert "sign up" not in html.lower()


# --- the emails ------------------------------------------------------------------


def _check_ours(message, *, thai: str, english: str):
    """Thai first, English below, HTML and text, signed by the programme."""
    html = message.alternatives[0][0]
    assert message.alternatives[0][1] == "text/html"
    assert message.subject.startswith("[พมส.] ")
    assert " / " in message.subject  # Thai / English
    for body in (message.body, html):
        assert thai in body and english in body
        assert body.index(thai) < body.index(english)
        assert SIGNATURE in body
        assert "signup" not in body and "sign up" not in body.lower()
        assert "example.com" not in body and "Thank you for using" not in body
    assert english_phrases(html) == []  # the Thai half is Thai; the English half is lang="en"
    assert "RESET" not in message.body and "รีเซ็ท" not in message.body


def test_the_password_reset_email_is_ours(client, learner):
    client.post("/accounts/password/reset/", {"email": learner.email})
    (message,) = mail.outbox
    assert message.to == [learner.email]
    _check_ours(message, thai="ตั้งรหัสผ่านใหม่", english="Someone asked to reset the password")
    link = re.search(r"http\S+/accounts/password/reset/key/\S+", message.body).group(0)
    assert link in message.alternatives[0][0]
    assert learner.full_name_th in message.body


def test_the_unknown_address_email_is_ours_and_invites_no_sign_up(client):
    client.post("/accounts/password/reset/", {"email": "stranger@example.org"})
    (message,) = mail.outbox
    assert message.to == ["stranger@example.org"]
    _check_ours(message, thai="ไม่มีบัญชีของอีเมลนี้", english="there is no account for it")
    assert "/accounts/signup/" not in message.body + message.alternatives[0][0]


def test_the_sign_in_code_email_is_ours(client, learner):
    client.post("/accounts/login/code/", {"email": learner.email})
    (message,) = mail.outbox
    _check_ours(message, thai="รหัสเข้าสู่ระบบ พมส. ของท่านคือ", english="Your sign-in code")
    code = re.search(r"^\s+(\S+)\s*$", message.body, re.M).group(1)
    assert code not in message.subject
    assert learner.full_name_th in message.body


def test_the_email_confirmation_is_ours(client, learner):
    client.force_login(learner)
    client.post("/accounts/email/", {"action_add": "", "email": "second@example.org"})
    (message,) = mail.outbox
    assert message.to == ["second@example.org"]
    _check_ours(message, thai="กรุณายืนยันว่าอีเมลนี้เป็นของท่าน", english="Please confirm")
    assert "/accounts/confirm-email/" in message.body


def test_an_english_speaker_still_gets_thai_first(client):
    user = UserFactory()
    client.post("/en/accounts/password/reset/", {"email": user.email})
    (message,) = mail.outbox
    assert message.body.index("ตั้งรหัสผ่านใหม่") < message.body.index("Someone asked to reset")
