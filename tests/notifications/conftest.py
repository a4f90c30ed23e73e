import base64
import hashlib
import hmac
import json

import pytest

from notifications.models import LineAccount, NoticeKind, Preference
from tests.learning.conftest import outsider, session  # noqa: F401 - shared fixtures
from tests.notifications import fake_line

TOKEN = "test-channel-access-token"  # noqa: S105 - the fake's, not a real one
SECRET = "test-channel-secret"  # noqa: S105


@pytest.fixture
def fake_line_api(settings):
    yield from line_channel(settings)


def line_channel(settings):
    """The fake LINE API on a free port, and the platform's LINE channel pointed at it.
    Other apps' tests make their own ``fake_line_api`` fixture with ``yield from`` this."""
    fake, server = fake_line.start(TOKEN)
    settings.LINE_CHANNEL_ACCESS_TOKEN = TOKEN
    settings.LINE_CHANNEL_SECRET = SECRET
    settings.LINE_OFFICIAL_ACCOUNT_ID = "@pms-test"
    settings.LINE_API_HOST = fake.url
    yield fake
    server.shutdown()
    server.server_close()
    assert fake.problems == []  # every request had LINE's documented shape


def link_line(user, line_user_id: str, *kinds: str) -> LineAccount:
    """Link a LINE account and choose LINE for these kinds (email stays on)."""
    from accounts.consent import Purpose, consent_record

    account = LineAccount.objects.create(user=user, line_user_id=line_user_id)
    consent_record(user=user, decisions={Purpose.LINE_NOTIFICATIONS: True})
    for kind in kinds or NoticeKind.values:
        Preference.objects.update_or_create(user=user, kind=kind, defaults={"line": True})
    return account


def signed(body: dict, secret: str = SECRET) -> tuple[bytes, str]:
    raw = json.dumps(body).encode()
    digest = hmac.new(secret.encode(), raw, hashlib.sha256).digest()
    return raw, base64.b64encode(digest).decode()


@pytest.fixture
def eager_retries():
    """Let Celery's own retries run inline (the suite's eager tasks otherwise raise Retry):
    a task that fails is run again by Celery, up to its max_retries, as a worker would."""
    from celery import current_app

    before = current_app.conf.task_eager_propagates
    current_app.conf.task_eager_propagates = False
    yield
    current_app.conf.task_eager_propagates = before
