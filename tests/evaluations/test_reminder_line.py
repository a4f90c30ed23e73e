"""An evaluation reminder reaches LINE (kind: session changes and reminders) once."""

import pytest

from django.core import mail

from evaluations import services
from evaluations.models import Reminder
from notifications.models import NoticeKind, Preference
from tests.notifications.conftest import line_channel, link_line

pytestmark = pytest.mark.django_db


@pytest.fixture
def fake_line_api(settings):
    yield from line_channel(settings)


@pytest.fixture
def closing_soon(evaluation):
    evaluation.days_open = 1
    evaluation.save()
    return evaluation


def test_a_reminder_goes_to_line_once_beside_the_email(
    fake_line_api, closing_soon, learner, other_learner, django_capture_on_commit_callbacks
):
    link_line(learner, "U-learner", NoticeKind.SESSIONS)
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            services.reminders_due()
    [text] = fake_line_api.pushed_to("U-learner")
    assert f"/me/evaluations/{closing_soon.pk}/" in text and "it closes on" in text
    assert sorted(m.to[0] for m in mail.outbox) == sorted([learner.email, other_learner.email])


def test_email_off_for_reminders_sends_no_email_but_keeps_the_reminded_row(
    fake_line_api, closing_soon, learner, django_capture_on_commit_callbacks
):
    Preference.objects.create(user=learner, kind=NoticeKind.SESSIONS, email=False)
    with django_capture_on_commit_callbacks(execute=True):
        services.reminders_due()
    assert learner.email not in [m.to[0] for m in mail.outbox]
    assert Reminder.objects.get(user=learner).status == "sent"
