"""The Official Account's webhook: signed by LINE, links the sender of a live code."""

import datetime as dt

import pytest

from django.utils import timezone

from notifications.models import LineAccount, LineLinkCode
from notifications.services import line_link_code_issue
from tests.notifications.conftest import SECRET, link_line, signed

pytestmark = pytest.mark.django_db

URL = "/line/webhook"


def _message(text: str, user_id: str = "U-learner") -> dict:
    return {
        "destination": "Ubot",
        "events": [
            {
                "type": "message",
                "mode": "active",
                "timestamp": 1700000000000,
                "webhookEventId": "01H",
                "deliveryContext": {"isRedelivery": False},
                "source": {"type": "user", "userId": user_id},
                "replyToken": "reply-token-1",
                "message": {"type": "text", "id": "1", "quoteToken": "q", "text": text},
            }
        ],
    }


def _post(client, body: dict, secret: str = SECRET):
    raw, signature = signed(body, secret)
    return client.post(
        URL, raw, content_type="application/json", headers={"X-Line-Signature": signature}
    )


def test_a_live_code_links_the_sender_and_lines_reply_says_so(client, learner, fake_line_api):
    code = line_link_code_issue(user=learner)
    assert _post(client, _message(f" {code.code.lower()} ")).status_code == 200
    assert LineAccount.objects.get(user=learner).line_user_id == "U-learner"
    assert not LineLinkCode.objects.exists()  # spent
    [reply] = [r for r in fake_line_api.requests if r.path == "/v2/bot/message/reply"]
    assert reply.body["replyToken"] == "reply-token-1"
    text = reply.body["messages"][0]["text"]
    assert text.index("พมส.") < text.index("linked")


def test_a_bad_signature_is_refused_and_links_nobody(client, learner, fake_line_api):
    code = line_link_code_issue(user=learner)
    assert _post(client, _message(code.code), secret="not-the-secret").status_code == 400
    raw, _ = signed(_message(code.code))
    assert client.post(URL, raw, content_type="application/json").status_code == 400
    assert not LineAccount.objects.exists() and LineLinkCode.objects.exists()
    assert fake_line_api.requests == []


def test_an_expired_or_unknown_code_links_nobody(client, learner, fake_line_api):
    code = line_link_code_issue(user=learner, now=timezone.now() - dt.timedelta(hours=1))
    assert _post(client, _message(code.code)).status_code == 200
    assert _post(client, _message("NOPE2345")).status_code == 200
    assert not LineAccount.objects.exists()
    [first, _second] = fake_line_api.requests
    assert "not valid" in first.body["messages"][0]["text"]


def test_a_code_sent_from_a_line_linked_to_someone_else_moves_it(
    client, learner, other_learner, fake_line_api
):
    link_line(other_learner, "U-shared-phone")
    code = line_link_code_issue(user=learner)
    _post(client, _message(code.code, user_id="U-shared-phone"))
    assert LineAccount.objects.get(line_user_id="U-shared-phone").user == learner
    assert not LineAccount.objects.filter(user=other_learner).exists()


def test_blocking_the_account_unlinks(client, learner, fake_line_api):
    link_line(learner, "U-learner")
    body = _message("x")
    event = body["events"][0]
    for key in ("replyToken", "message"):
        event.pop(key)
    event["type"] = "unfollow"
    assert _post(client, body).status_code == 200
    assert not LineAccount.objects.exists()


def test_a_failed_reply_still_links(client, learner, fake_line_api):
    fake_line_api.fail_next(500)
    code = line_link_code_issue(user=learner)
    assert _post(client, _message(code.code)).status_code == 200
    assert LineAccount.objects.filter(user=learner).exists()


def test_without_a_line_channel_the_webhook_is_not_found(client, learner):
    code = line_link_code_issue(user=learner)
    assert _post(client, _message(code.code)).status_code == 404
    assert not LineAccount.objects.exists()


def test_the_webhook_refuses_get(client, fake_line_api):
    assert client.get(URL).status_code == 405


def test_a_redelivered_event_links_once_and_is_not_answered_again(client, learner, fake_line_api):
    code = line_link_code_issue(user=learner)
    body = _message(code.code)
    _post(client, body)
    body["events"][0]["deliveryContext"]["isRedelivery"] = True
    assert _post(client, body).status_code == 200
    assert LineAccount.objects.get(user=learner).line_user_id == "U-learner"
    assert len(fake_line_api.requests) == 1  # the first reply only
