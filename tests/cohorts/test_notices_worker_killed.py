"""Session change notices survive a real worker killed with SIGKILL in the middle of sending.

The worker (tests/workers.py) writes its emails to files; the test kills the whole
worker while notices are still queued, starts a new one under the same name, and
reads the files: every person has exactly one message, nobody none, nobody two.
"""

import datetime as dt
import email
import os
import signal
import time
from collections import Counter
from pathlib import Path

import pytest

from django.db import connection

from cohorts.models import SessionNotice
from cohorts.services import session_reschedule
from tests.baseline import ensure_baseline
from tests.factories import CohortFactory, EnrolmentFactory, SessionFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.timeout(600)]
N = 40
DEADLINE = 90  # seconds, per wait


def _recipients(mail_dir: Path) -> Counter:
    """One count per message the worker wrote (the filebased backend's files)."""
    counts: Counter = Counter()
    for path in mail_dir.iterdir():
        for raw in path.read_text().split("-" * 79):
            if raw.strip():
                counts[email.message_from_string(raw.strip())["To"]] += 1
    return counts


def _statements_in_flight() -> int:
    """Statements other connections to this database are still running."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
            " AND state = 'active' AND pid <> pg_backend_pid()"
        )
        return cursor.fetchone()[0]


def _stop_between_sends(worker, process, session):
    """SIGSTOP the pool child once some went out and none is half-sent."""
    (child,) = worker.pool_children(process)
    notices = SessionNotice.objects.filter(session=session)

    def stopped():
        if notices.filter(status=SessionNotice.Status.SENT).count() < 5:
            return False
        os.kill(child, signal.SIGSTOP)
        # A claim the child sent just before it stopped still commits on the server:
        # look only once nothing of its is running there (seen under load in CI).
        deadline = time.monotonic() + 10
        while _statements_in_flight() and time.monotonic() < deadline:
            time.sleep(0.05)
        if notices.filter(status=SessionNotice.Status.SENDING).exists():
            os.kill(child, signal.SIGCONT)
            return False
        return True

    worker.wait_for(stopped, "five notices sent", DEADLINE)


def test_each_person_gets_one_change_notice_when_the_worker_is_killed_mid_send(worker, tmp_path):
    ensure_baseline()
    cohort = CohortFactory()
    for _ in range(N):
        EnrolmentFactory(cohort=cohort)
    session = SessionFactory(cohort=cohort)
    mail_dir = tmp_path / "mail"
    mail_dir.mkdir()
    worker.env["PMS_TEST_EMAIL_DIR"] = str(mail_dir)
    process = worker.start("notices")

    later = dt.timedelta(days=7)
    session_reschedule(
        session=session, starts_at=session.starts_at + later, ends_at=session.ends_at + later
    )
    _stop_between_sends(worker, process, session)
    worker.kill(process)
    notices = SessionNotice.objects.filter(session=session)
    assert notices.filter(status=SessionNotice.Status.PENDING).exists()  # killed mid-send

    worker.start("notices")  # as a process manager restarts it
    worker.wait_for(
        lambda: not notices.exclude(status=SessionNotice.Status.SENT).exists(),
        "every notice sent",
        DEADLINE,
    )
    expected = Counter(notices.values_list("user__email", flat=True))
    assert len(expected) >= N
    assert _recipients(mail_dir) == expected
