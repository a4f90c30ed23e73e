"""LINE messages beside the emails: once each, retried, never in the email's way."""

import datetime as dt

import pytest

from django.core import mail
from django.utils import timezone

from learning.models import Announcement, LearningNotice, Material
from learning.services import announcement_publish, material_save
from learning.services.notices import materials_announce_due
from notifications.models import LineMessage, NoticeKind, Preference
from notifications.services import line_message_deliver
from notifications.tasks import sweep_line_messages
from tests.learning.conftest import slides
from tests.notifications.conftest import link_line

pytestmark = pytest.mark.django_db


def _mail_to(user):
    return [m for m in mail.outbox if user.email in m.to]


def _upload_slides_and_announce(session, facilitator, capture):
    material_save(
        material=Material(session=session, title_th="สไลด์ครั้งที่ 7", kind=Material.Kind.SLIDES),
        by=facilitator,
        upload=slides(),
    )
    with capture(execute=True):
        return materials_announce_due(now=timezone.now() + dt.timedelta(minutes=61))


def test_slides_reach_line_choosers_by_line_and_email_and_others_by_email_only(
    fake_line_api,
    session,
    facilitator,
    learner,
    other_learner,
    outsider,
    django_capture_on_commit_callbacks,
):
    link_line(learner, "U-learner", NoticeKind.MATERIALS)
    _upload_slides_and_announce(session, facilitator, django_capture_on_commit_callbacks)

    [text] = fake_line_api.pushed_to("U-learner")
    assert "สไลด์ครั้งที่ 7" in text and f"/me/sessions/{session.pk}/" in text
    assert text.index("เอกสารประกอบการเรียนใหม่") < text.index("New learning materials")
    [push] = fake_line_api.pushes
    assert push.headers["authorization"] == "Bearer test-channel-access-token"
    assert push.body["messages"] == [{"type": "text", "text": text}]
    assert len(_mail_to(learner)) == 1 and len(_mail_to(other_learner)) == 1
    assert not _mail_to(outsider)
    assert LineMessage.objects.get(user=learner).status == "sent"
    assert not LineMessage.objects.filter(user=other_learner).exists()


def test_a_line_server_error_is_retried_and_sent_once(
    eager_retries, fake_line_api, session, facilitator, learner, django_capture_on_commit_callbacks
):
    link_line(learner, "U-learner")
    fake_line_api.fail_next(500, 429)
    _upload_slides_and_announce(session, facilitator, django_capture_on_commit_callbacks)

    statuses = [r.status for r in fake_line_api.requests]
    assert statuses == [500, 429, 200]
    keys = {r.headers["x-line-retry-key"] for r in fake_line_api.requests}
    assert len(keys) == 1  # the same retry key: LINE would not deliver a retried push twice
    assert len(fake_line_api.pushed_to("U-learner")) == 1
    assert len(_mail_to(learner)) == 1


def test_line_down_for_good_leaves_the_email_sent_and_the_line_message_for_the_sweep(
    eager_retries, fake_line_api, session, facilitator, learner, django_capture_on_commit_callbacks
):
    link_line(learner, "U-learner")
    fake_line_api.fail_next(*[503] * 6)  # the first try and all five retries
    _upload_slides_and_announce(session, facilitator, django_capture_on_commit_callbacks)
    assert [r.status for r in fake_line_api.requests] == [503] * 6

    assert len(_mail_to(learner)) == 1
    assert LearningNotice.objects.get(user=learner).status == "sent"
    message = LineMessage.objects.get(user=learner)
    assert message.status == "pending"
    LineMessage.objects.filter(pk=message.pk).update(
        created_at=timezone.now() - dt.timedelta(hours=1)
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert sweep_line_messages() == 1
    assert len(fake_line_api.pushed_to("U-learner")) == 1
    assert len(_mail_to(learner)) == 1  # the email is not repeated


def test_a_refusal_marks_the_message_failed_and_is_not_tried_again(
    fake_line_api, session, facilitator, learner, django_capture_on_commit_callbacks
):
    link_line(learner, "U-learner")
    fake_line_api.fail_next(403)
    _upload_slides_and_announce(session, facilitator, django_capture_on_commit_callbacks)

    message = LineMessage.objects.get(user=learner)
    assert message.status == "failed" and "403" in message.error
    assert line_message_deliver(message_id=message.pk) is False
    assert len(fake_line_api.requests) == 1
    assert len(_mail_to(learner)) == 1


def test_a_message_delivered_twice_goes_once(
    fake_line_api, session, facilitator, learner, django_capture_on_commit_callbacks
):
    link_line(learner, "U-learner")
    _upload_slides_and_announce(session, facilitator, django_capture_on_commit_callbacks)
    message = LineMessage.objects.get(user=learner)
    assert line_message_deliver(message_id=message.pk) is False
    assert len(fake_line_api.requests) == 1


def test_email_turned_off_leaves_only_line(
    fake_line_api, session, facilitator, learner, other_learner, django_capture_on_commit_callbacks
):
    link_line(learner, "U-learner")
    Preference.objects.filter(user=learner, kind=NoticeKind.MATERIALS).update(email=False)
    _upload_slides_and_announce(session, facilitator, django_capture_on_commit_callbacks)

    assert not _mail_to(learner) and len(_mail_to(other_learner)) == 1
    assert len(fake_line_api.pushed_to("U-learner")) == 1


def test_line_chosen_for_another_kind_only_sends_no_line_for_materials(
    fake_line_api, session, facilitator, learner, django_capture_on_commit_callbacks
):
    link_line(learner, "U-learner", NoticeKind.ANNOUNCEMENTS)
    _upload_slides_and_announce(session, facilitator, django_capture_on_commit_callbacks)
    assert fake_line_api.requests == [] and len(_mail_to(learner)) == 1


def test_without_a_line_channel_nothing_goes_to_line_and_email_works(
    settings, session, facilitator, learner, django_capture_on_commit_callbacks
):
    settings.LINE_CHANNEL_ACCESS_TOKEN = ""
    settings.LINE_CHANNEL_SECRET = ""
    link_line(learner, "U-learner")
    _upload_slides_and_announce(session, facilitator, django_capture_on_commit_callbacks)
    assert not LineMessage.objects.exists()
    assert len(_mail_to(learner)) == 1


def test_an_announcement_goes_to_line_once_even_when_edited(
    fake_line_api, cohort, learner, coordinator, django_capture_on_commit_callbacks
):
    link_line(learner, "U-learner", NoticeKind.ANNOUNCEMENTS)
    announcement = Announcement(audience="cohort", cohort=cohort, title_th="งดเรียน", body_th="x")
    with django_capture_on_commit_callbacks(execute=True):
        announcement_publish(announcement=announcement, by=coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        announcement.body_th = "แก้ไข"
        announcement_publish(announcement=announcement, by=coordinator)
    [text] = fake_line_api.pushed_to("U-learner")
    assert "งดเรียน" in text and f"/me/announcements/{announcement.pk}/" in text
    assert len(_mail_to(learner)) == 1


def test_an_unlinked_person_gets_no_line_message_already_queued(
    fake_line_api, learner, django_capture_on_commit_callbacks
):
    from notifications.services import line_queue, line_unlink

    link_line(learner, "U-learner")
    with django_capture_on_commit_callbacks(execute=False):
        [message_id] = line_queue(
            user_ids=[learner.pk], kind=NoticeKind.SESSIONS, key="k", text="สวัสดี"
        )
    line_unlink(user=learner)
    assert line_message_deliver(message_id=message_id) is False
    assert LineMessage.objects.get(pk=message_id).status == "failed"
    assert fake_line_api.requests == []


def test_a_long_text_is_cut_to_lines_limit(
    fake_line_api, learner, django_capture_on_commit_callbacks
):
    from notifications.services import line_queue

    link_line(learner, "U-learner")
    with django_capture_on_commit_callbacks(execute=True):
        line_queue(user_ids=[learner.pk], kind=NoticeKind.SESSIONS, key="k", text="ก" * 6000)
    [text] = fake_line_api.pushed_to("U-learner")
    assert len(text) == 5000 and text.endswith("…")
