"""An export whose task was lost (a worker died mid-build, a message never arrived) is not
left "being prepared" for ever: the periodic sweep queues it again, then fails it, and the
person is told and may ask again."""

import datetime as dt

import pytest

from django.utils import timezone

from core.schedules import periodic_jobs
from rights import services
from rights.models import DataExport

pytestmark = pytest.mark.django_db

LONG_AGO = dt.timedelta(minutes=16)  # past DATA_EXPORT_STALE_MINUTES (15)


def _stuck(user, *, attempts=1, status=DataExport.Status.BUILDING) -> DataExport:
    """An export whose build started 16 minutes ago and whose worker is gone."""
    export = DataExport.objects.create(user=user)
    then = timezone.now() - LONG_AGO
    DataExport.objects.filter(pk=export.pk).update(
        status=status, claimed_at=then if status == "building" else None, queued_at=then,
        attempts=attempts,
    )  # fmt: skip
    return export


def test_a_lost_build_is_queued_again_and_built(
    learner, django_capture_on_commit_callbacks, mailoutbox
):
    export = _stuck(learner)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.exports_sweep() == {"requeued": 1, "failed": 0}
    export.refresh_from_db()
    assert export.status == DataExport.Status.READY and export.attempts == 2
    assert len(mailoutbox) == 1  # the link arrives after all


def test_a_build_that_was_lost_twice_fails_and_the_person_is_told(client, learner):
    export = _stuck(learner, attempts=2)
    assert services.exports_sweep() == {"requeued": 0, "failed": 1}
    export.refresh_from_db()
    assert export.status == DataExport.Status.FAILED
    client.force_login(learner)
    page = client.get("/me/data/").content.decode()
    assert "ไม่สามารถจัดเตรียมสำเนานี้ได้" in page  # "we could not prepare this copy"
    assert 'action="/me/data/export/"' in page  # and may ask again


def test_a_request_that_never_reached_a_worker_is_queued_again(
    learner, django_capture_on_commit_callbacks
):
    export = _stuck(learner, attempts=0, status=DataExport.Status.PENDING)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.exports_sweep() == {"requeued": 1, "failed": 0}
    export.refresh_from_db()
    assert export.status == DataExport.Status.READY


def test_a_build_still_within_its_time_is_left_alone(learner, django_capture_on_commit_callbacks):
    export = DataExport.objects.create(user=learner)
    DataExport.objects.filter(pk=export.pk).update(
        status=DataExport.Status.BUILDING, claimed_at=timezone.now() - dt.timedelta(minutes=5)
    )
    with django_capture_on_commit_callbacks(execute=True) as queued:
        assert services.exports_sweep() == {"requeued": 0, "failed": 0}
    assert queued == []
    export.refresh_from_db()
    assert export.status == DataExport.Status.BUILDING


def test_asking_again_while_one_is_stuck_starts_a_new_copy(
    client, learner, django_capture_on_commit_callbacks
):
    stuck = _stuck(learner)
    client.force_login(learner)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/me/data/export/", follow=True)
    assert "กำลังจัดเตรียมข้อมูลของท่าน" in response.content.decode()  # "we are preparing"
    stuck.refresh_from_db()
    assert stuck.status == DataExport.Status.FAILED
    newest = DataExport.objects.filter(user=learner).latest("created_at")
    assert newest.pk != stuck.pk and newest.status == DataExport.Status.READY


def test_the_sweep_runs_from_beat_every_ten_minutes():
    job = next(j for j in periodic_jobs() if j.task == "rights.sweep_exports")
    assert job.every == dt.timedelta(minutes=10)
