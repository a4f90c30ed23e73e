"""New materials are told once per learner, batched; announcements once per person."""

import datetime as dt

import pytest

from django.core import mail
from django.utils import timezone

from learning.models import Announcement, LearningNotice, Material
from learning.services import announcement_publish, material_save
from learning.services.notices import materials_announce_due, notice_deliver
from tests.learning.conftest import slides

pytestmark = pytest.mark.django_db


def _mail_to(user):
    return [m for m in mail.outbox if user.email in m.to]


def test_three_files_in_an_hour_are_one_notice_per_learner(
    material,
    session,
    facilitator,
    learner,
    other_learner,
    outsider,
    django_capture_on_commit_callbacks,
):
    for n in (2, 3):
        material_save(
            material=Material(session=session, title_th=f"เอกสาร {n}"),
            by=facilitator,
            upload=slides(f"d{n}.pdf"),
        )
    with django_capture_on_commit_callbacks(execute=True):
        assert materials_announce_due() == []  # not an hour yet: more may come
        ids = materials_announce_due(now=timezone.now() + dt.timedelta(minutes=61))
    assert len(ids) == 2  # the two learners of the cohort, not the outsider
    [message] = _mail_to(learner)
    assert "สไลด์ครั้งที่ 7" in message.body and "เอกสาร 3" in message.body
    assert f"/me/sessions/{session.pk}/" in message.body
    assert message.body.index("เรียน") < message.body.index("Dear")
    assert not _mail_to(outsider)
    with django_capture_on_commit_callbacks(execute=True):
        assert materials_announce_due(now=timezone.now() + dt.timedelta(hours=3)) == []
    assert len(_mail_to(learner)) == 1


def test_a_notice_delivered_twice_goes_once(material, learner, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        ids = materials_announce_due(now=timezone.now() + dt.timedelta(hours=2))
    notice = LearningNotice.objects.get(user=learner)
    assert notice.pk in ids and notice.status == "sent" and notice.kind == "materials"
    assert notice_deliver(notice_id=notice.pk) is False
    assert len(_mail_to(learner)) == 1


def test_an_announcement_to_a_team_reaches_that_team_once(
    cohort, team, learner, other_learner, coordinator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        announcement = announcement_publish(
            announcement=Announcement(
                audience="team", team=team, title_th="นัดทีม", body_th="ประชุมทีมวันศุกร์"
            ),
            by=coordinator,
        )
    assert announcement.cohort == cohort
    assert len(_mail_to(learner)) == 1 and not _mail_to(other_learner)
    assert "ประชุมทีมวันศุกร์" in _mail_to(learner)[0].body
    with django_capture_on_commit_callbacks(execute=True):
        announcement.body_th = "แก้ไขเวลา"
        announcement_publish(announcement=announcement, by=coordinator)
    assert len(_mail_to(learner)) == 1  # an edit is not a second notice
    assert LearningNotice.objects.get(user=learner).kind == "announcement"
