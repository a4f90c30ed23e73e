"""Redis stops (its own instance on another port): the web answers, check-in never half-records,
an "issue" press is recorded and says it waits for the queue.

docs/operations.md, "Redis stops". The suite's Redis is never touched: the test
starts a second redis-server, points the cache and broker at it, kills it and
starts it again on the same port. Nothing is restarted on the web side.
"""

import pytest

from django.utils import translation

from attendance import tokens
from attendance.days import session_days
from attendance.models import AttendanceRecord
from attendance.services import CheckInRefused, attendance_check_in_by_code
from certificates.models import IssuanceBatch, IssuanceItem
from certificates.services import batch_sweep
from tests.attendance.factories import session_now
from tests.baseline import ensure_baseline
from tests.certificates.factories import CertificateTemplateFactory
from tests.factories import CohortFactory, EnrolmentFactory, SessionFactory
from tests.workers import spare_redis_for_everything

pytestmark = [pytest.mark.django_db, pytest.mark.timeout(120)]


@pytest.fixture
def spare_redis(tmp_path, settings):
    with spare_redis_for_everything(tmp_path, settings) as redis:
        yield redis


def test_healthz_names_broker_and_cache_while_redis_is_down_and_recovers_by_itself(
    client, spare_redis
):
    assert client.get("/healthz").status_code == 200
    spare_redis.stop()
    response = client.get("/healthz")
    assert response.status_code == 503
    assert set(response.json()["down"]) == {"broker", "cache"}
    assert response.json()["checks"]["database"] == {"status": "ok"}

    spare_redis.start()  # same port; nothing on the web side restarted
    response = client.get("/healthz")
    assert response.status_code == 200, response.json()


def test_typed_code_check_in_says_it_could_not_and_saves_nothing_while_redis_is_down(
    client, spare_redis, cohort, learner
):
    session = session_now(cohort)
    code = tokens.short_code(session.pk, session_days(session)[0])
    client.force_login(learner)
    spare_redis.stop()

    with translation.override("en"), pytest.raises(CheckInRefused) as refused:
        attendance_check_in_by_code(code=code, user=learner)
    assert refused.value.code == "unavailable"
    (_, thai), (_, english) = refused.value.messages
    assert "nothing was saved" in english and thai != english
    response = client.post("/attendance/check-in/", {"code": code}, HTTP_ACCEPT_LANGUAGE="th")
    assert response.status_code == 503
    assert thai in response.content.decode()
    assert not AttendanceRecord.objects.filter(session=session).exists()

    spare_redis.start()
    record = attendance_check_in_by_code(code=code, user=learner)
    assert AttendanceRecord.objects.filter(session=session).get() == record


def test_qr_check_in_needs_no_redis_and_records_while_it_is_down(
    client, spare_redis, cohort, learner
):
    session = session_now(cohort)
    token = tokens.make_token(session.pk, session_days(session)[0])
    client.force_login(learner)
    spare_redis.stop()
    response = client.post(f"/attendance/check-in/{token}/")
    assert response.status_code == 200
    assert AttendanceRecord.objects.filter(session=session, enrolment__user=learner).count() == 1


@pytest.mark.django_db(transaction=True)  # the batch's messages are queued on commit
def test_the_issue_press_records_the_batch_and_says_it_waits_for_the_queue_while_redis_is_down(
    client, spare_redis, coordinator
):
    ensure_baseline()
    CertificateTemplateFactory()
    cohort = CohortFactory()
    learners = [EnrolmentFactory(cohort=cohort) for _ in range(3)]
    client.force_login(coordinator)
    spare_redis.stop()

    response = client.post(f"/admin/issued-certificates/cohort/{cohort.pk}/issue/", follow=True)
    assert response.status_code == 200  # the admin speaks the coordinator's Thai
    assert "บันทึกการออกประกาศนียบัตร 3 ฉบับไว้แล้ว" in response.content.decode()
    batch = IssuanceBatch.objects.get(cohort=cohort)
    assert batch.items.filter(status=IssuanceItem.Status.PENDING).count() == len(learners)
    response = client.post(
        f"/admin/issued-certificates/enrolment/{learners[0].pk}/issue/",
        {"override_reason": ""},
        follow=True,
    )
    assert "ระบบคิวงานยังไม่พร้อมใช้งาน" in response.content.decode()

    spare_redis.start()  # empty: the sweep (or a reconnecting worker) queues them from the rows
    assert batch_sweep() == len(learners) + 1


@pytest.mark.django_db(transaction=True)  # the change is announced on commit
def test_a_reschedule_while_redis_is_down_is_saved_and_its_notices_wait_as_pending(spare_redis):
    """The coordinator's save does not fail after its commit (the queue call used to raise
    after some 19 s): the change notices are written at once and wait for the queue."""
    import datetime as dt

    from cohorts.models import SessionNotice
    from cohorts.services import session_reschedule

    ensure_baseline()
    cohort = CohortFactory()
    learners = [EnrolmentFactory(cohort=cohort) for _ in range(3)]
    session = SessionFactory(cohort=cohort)
    spare_redis.stop()

    later = dt.timedelta(days=7)
    session_reschedule(
        session=session, starts_at=session.starts_at + later, ends_at=session.ends_at + later
    )
    notices = SessionNotice.objects.filter(session=session)
    assert sorted(notices.values_list("user_id", flat=True)) == sorted(e.user_id for e in learners)
    assert set(notices.values_list("status", flat=True)) == {SessionNotice.Status.PENDING}


@pytest.mark.django_db(transaction=True)  # the invitation is queued on commit
def test_an_invitation_made_while_redis_is_down_is_emailed_at_once(spare_redis, mailoutbox):
    """Invitations have no ledger row a sweep could find later: not queued, sent now."""
    from cohorts.services import enrolment_invite

    ensure_baseline()
    cohort = CohortFactory()
    spare_redis.stop()

    enrolment, created = enrolment_invite(cohort=cohort, email="mayor@example.go.th")
    assert created
    assert [message.to for message in mailoutbox] == [["mayor@example.go.th"]]
