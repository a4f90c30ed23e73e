"""core.delivery on PostgreSQL.

Two claimers send once, a failure releases, the sweep finds lost work.
"""

import datetime as dt
import threading

import pytest

from django.db import connection
from django.utils import timezone

from cohorts.models import SessionNotice
from core import delivery
from tests.factories import SessionFactory, UserFactory

NOTICES = delivery.Outbox.for_status(SessionNotice)


def _notice():
    return SessionNotice.objects.create(
        session=SessionFactory(), user=UserFactory(), kind=SessionNotice.REMINDER_1D
    )


@pytest.mark.django_db(transaction=True)
def test_two_claimers_at_once_send_one_message(postgres):
    notice = _notice()
    sent, barrier = [], threading.Barrier(2)

    def claimer():
        try:
            barrier.wait()
            delivery.deliver_once(NOTICES, pk=notice.pk, send=sent.append)
        finally:
            connection.close()

    threads = [threading.Thread(target=claimer) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(sent) == 1
    notice.refresh_from_db()
    assert notice.status == SessionNotice.Status.SENT and notice.sent_at is not None


@pytest.mark.django_db
def test_a_second_delivery_of_a_sent_notice_sends_nothing(postgres):
    notice = _notice()
    sent = []
    assert delivery.deliver_once(NOTICES, pk=notice.pk, send=sent.append)
    assert not delivery.deliver_once(NOTICES, pk=notice.pk, send=sent.append)
    assert len(sent) == 1


@pytest.mark.django_db
def test_a_failed_send_releases_the_claim_for_the_retry(postgres):
    notice = _notice()

    def mail_server_down(_row):
        raise OSError("connection refused")

    with pytest.raises(OSError):
        delivery.deliver_once(NOTICES, pk=notice.pk, send=mail_server_down)
    notice.refresh_from_db()
    assert notice.status == SessionNotice.Status.PENDING and notice.claimed_at is None
    sent = []
    assert delivery.deliver_once(NOTICES, pk=notice.pk, send=sent.append)
    assert sent == [notice]


@pytest.mark.django_db
def test_the_stale_sweep_finds_pending_rows_whose_task_was_lost(postgres):
    lost, fresh, sent = _notice(), _notice(), _notice()
    delivery.deliver_once(NOTICES, pk=sent.pk, send=lambda _row: None)
    old = timezone.now() - delivery.STALE_AFTER - dt.timedelta(minutes=1)
    SessionNotice.objects.filter(pk__in=[lost.pk, sent.pk]).update(created_at=old)
    assert delivery.stale_ids(NOTICES) == [lost.pk]
    assert fresh.pk not in delivery.stale_ids(NOTICES)


@pytest.mark.django_db
def test_a_claim_left_by_a_dead_worker_is_not_sent_again(postgres):
    notice = _notice()
    assert delivery.claim(NOTICES, pk=notice.pk)  # the worker died before it finished
    old = timezone.now() - delivery.STALE_AFTER - dt.timedelta(hours=1)
    SessionNotice.objects.filter(pk=notice.pk).update(created_at=old, claimed_at=old)
    assert delivery.stale_ids(NOTICES) == []
    assert not delivery.deliver_once(NOTICES, pk=notice.pk, send=pytest.fail)


@pytest.mark.django_db
def test_a_timestamp_ledger_claims_once_and_releases_on_failure(postgres):
    from attendance.models import DigestLog
    from tests.factories import CohortFactory

    digests = delivery.Outbox.for_timestamp(DigestLog, field_name="sent_at")
    log = DigestLog.objects.create(cohort=CohortFactory(), week="2026-W49")

    def fail(_row):
        raise OSError

    with pytest.raises(OSError):
        delivery.deliver_once(digests, pk=log.pk, send=fail)
    log.refresh_from_db()
    assert log.sent_at is None
    assert delivery.deliver_once(digests, pk=log.pk, send=lambda _row: None)
    assert not delivery.deliver_once(digests, pk=log.pk, send=pytest.fail)
