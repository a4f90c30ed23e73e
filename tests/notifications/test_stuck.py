"""A LINE message left claimed by a dead worker shows on the stuck-work screen."""

import datetime as dt

import pytest

from django.utils import timezone

from notifications.models import LineMessage
from tests.notifications.conftest import link_line

pytestmark = pytest.mark.django_db

URL = "/admin/stuck-work/"


@pytest.fixture
def stuck_message(learner):
    link_line(learner, "U-learner")
    message = LineMessage.objects.create(
        user=learner, kind="materials", key="materials-1-1", text="x", status="sending"
    )
    claimed = timezone.now() - dt.timedelta(minutes=20)
    LineMessage.objects.filter(pk=message.pk).update(claimed_at=claimed, created_at=claimed)
    return message


@pytest.mark.parametrize("who", ["learner", "other_learner", "facilitator"])
def test_nobody_but_coordinators_retries_it(client, request, who, stuck_message):
    client.force_login(request.getfixturevalue(who))
    response = client.post(f"{URL}line-message/{stuck_message.pk}/retry/")
    assert response.status_code in (302, 403)
    stuck_message.refresh_from_db()
    assert stuck_message.status == "sending"


def test_the_coordinator_sends_it_again_once(
    client, coordinator, stuck_message, fake_line_api, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    assert "materials-1-1" in client.get(URL).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{URL}line-message/{stuck_message.pk}/retry/")
        client.post(f"{URL}line-message/{stuck_message.pk}/retry/")
    stuck_message.refresh_from_db()
    assert stuck_message.status == "sent"
    assert fake_line_api.pushed_to("U-learner") == ["x"]
