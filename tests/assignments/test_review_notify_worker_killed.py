"""Review emails survive a real worker killed with SIGKILL in the middle of sending them.

A facilitator reviews N teams' work in a row; each review's email is queued for a real
`celery worker` (tests/workers.py) that writes its emails to files. The test kills the
whole worker (SIGKILL, its pool child too) while some emails went out and the rest are
still queued, starts a new one under the same name, and reads the files: every learner
has exactly one message about their review, nobody none, nobody two.
"""

import os
import signal
from collections import Counter

import pytest

from assignments import services
from assignments.models import Review
from tests.assignments.factories import AssignmentFactory
from tests.baseline import ensure_baseline
from tests.cohorts.test_notices_worker_killed import _recipients
from tests.factories import CohortFactory, EnrolmentFactory, TeamFactory, UserFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.timeout(600)]
N = 30
DEADLINE = 90  # seconds, per wait


def _stop_between_sends(worker, process, reviews):
    """SIGSTOP the pool child once some went out and none is half-sent."""
    (child,) = worker.pool_children(process)

    def stopped():
        if reviews.filter(notification=Review.Notification.SENT).count() < 5:
            return False
        os.kill(child, signal.SIGSTOP)
        if reviews.filter(notification=Review.Notification.SENDING).exists():
            os.kill(child, signal.SIGCONT)
            return False
        return True

    worker.wait_for(stopped, "five review emails sent", DEADLINE)


def test_each_learner_gets_one_review_email_when_the_worker_is_killed_mid_send(worker, tmp_path):
    ensure_baseline()
    advisor = UserFactory(roles=["Facilitator"])
    cohort = CohortFactory()
    assignment = AssignmentFactory(cohort=cohort)
    submissions = []
    for _ in range(N):
        team = TeamFactory(cohort=cohort, advisor=advisor)
        learner = EnrolmentFactory(cohort=cohort, team=team).user
        submissions.append(
            services.submission_submit(
                assignment=assignment, user=learner, text="งาน", notify=False
            ).submission
        )
    mail_dir = tmp_path / "mail"
    mail_dir.mkdir()
    worker.env["PMS_TEST_EMAIL_DIR"] = str(mail_dir)
    worker.env["PMS_TEST_TASK_PAUSE"] = "0.2"  # the drill's polls see it between sends
    process = worker.start("reviews")

    for submission in submissions:  # each review queues its email after commit
        services.review_record(
            submission=submission,
            reviewer=advisor,
            feedback="ดี",
            decision="accepted",
            levels={c.id: 0 for c in assignment.criteria},
        )
    reviews = Review.objects.filter(submission__assignment=assignment)
    _stop_between_sends(worker, process, reviews)
    worker.kill(process)
    assert reviews.filter(notification=Review.Notification.PENDING).exists()  # killed mid-send

    worker.start("reviews")  # as a process manager restarts it; no beat, no sweep
    worker.wait_for(
        lambda: not reviews.exclude(notification=Review.Notification.SENT).exists(),
        "every review email sent",
        DEADLINE,
    )
    expected = Counter(s.team.members.get().user.email for s in submissions)
    assert len(expected) == N
    worker.wait_for(lambda: sum(_recipients(mail_dir).values()) >= N, "every email file", 30)
    assert _recipients(mail_dir) == expected
