"""The LINE Messaging API through the official SDK (line-bot-sdk v3), and nothing else.

Settings: LINE_CHANNEL_ACCESS_TOKEN and LINE_CHANNEL_SECRET (both, or LINE is off),
LINE_API_HOST (https://api.line.me; the tests point it at a local fake).
"""

from linebot.v3.exceptions import InvalidSignatureError
from linebot.v3.messaging import (
    ApiClient,
    Configuration,
    MessagingApi,
    PushMessageRequest,
    ReplyMessageRequest,
    TextMessage,
)
from linebot.v3.messaging.exceptions import ApiException
from linebot.v3.webhook import WebhookParser
from urllib3.exceptions import HTTPError

from django.conf import settings

MAX_TEXT = 5000  # LINE's limit for one text message
TIMEOUT_SECONDS = 10


class LineUnavailable(OSError):
    """LINE did not take the message now (5xx, 429, network): the task retries it."""


class LineRefused(Exception):
    """LINE refused the message for good (4xx): retrying would not help."""


def line_enabled() -> bool:
    return bool(settings.LINE_CHANNEL_ACCESS_TOKEN and settings.LINE_CHANNEL_SECRET)


def fit_text(text: str) -> str:
    """LINE takes at most 5,000 characters in one text message."""
    text = text.strip()
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1] + "…"


def _api() -> tuple[ApiClient, MessagingApi]:
    config = Configuration(
        host=settings.LINE_API_HOST, access_token=settings.LINE_CHANNEL_ACCESS_TOKEN
    )
    client = ApiClient(config)
    return client, MessagingApi(client)


def push_text(*, to: str, text: str, retry_key: str) -> None:
    """One text message to one LINE user. A push LINE already accepted under this
    retry key answers 409: it went out, so that is success, not a second message."""
    client, api = _api()
    request = PushMessageRequest(to=to, messages=[TextMessage(text=fit_text(text))])
    try:
        with client:
            api.push_message(request, x_line_retry_key=retry_key, _request_timeout=TIMEOUT_SECONDS)
    except ApiException as exc:
        if exc.status == 409:
            return
        if exc.status == 429 or (exc.status or 500) >= 500:
            raise LineUnavailable(f"LINE answered {exc.status}") from exc
        raise LineRefused(f"LINE answered {exc.status}: {(exc.body or '')[:120]}") from exc
    except HTTPError as exc:
        raise LineUnavailable(f"LINE unreachable: {exc}") from exc


def reply_text(*, reply_token: str, text: str) -> None:
    """Answer a message the person just sent (webhook); free, and best effort."""
    client, api = _api()
    request = ReplyMessageRequest(replyToken=reply_token, messages=[TextMessage(text=text)])
    with client:
        api.reply_message(request, _request_timeout=TIMEOUT_SECONDS)


def parse_webhook(body: str, signature: str) -> list:
    """The webhook's events, after checking X-Line-Signature (HMAC-SHA256 of the body
    with the channel secret, base64) as LINE documents it; raises InvalidSignatureError."""
    return WebhookParser(settings.LINE_CHANNEL_SECRET).parse(body, signature)


__all__ = [
    "InvalidSignatureError",
    "LineRefused",
    "LineUnavailable",
    "fit_text",
    "line_enabled",
    "parse_webhook",
    "push_text",
    "reply_text",
]
