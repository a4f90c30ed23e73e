"""A real Celery worker on Redis sends the review email once, after commit."""

import pytest

from django.core import mail

from assignments import services
from assignments.models import Review
from tests.assignments.factories import AssignmentFactory
from tests.baseline import ensure_baseline
from tests.factories import CohortFactory, EnrolmentFactory, TeamFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_worker_emails_the_team_exactly_once(real_worker):
    import time

    ensure_baseline()
    advisor = UserFactory(roles=["Facilitator"])
    cohort = CohortFactory()
    team = TeamFactory(cohort=cohort, advisor=advisor)
    learner = EnrolmentFactory(cohort=cohort, team=team).user
    assignment = AssignmentFactory(cohort=cohort)
    submission = services.submission_submit(
        assignment=assignment, user=learner, text="งาน"
    ).submission
    review = services.review_record(
        submission=submission,
        reviewer=advisor,
        feedback="ดี",
        decision="accepted",
        levels={c.id: 0 for c in assignment.criteria},
    )
    for _ in range(100):
        review.refresh_from_db()
        if review.notification == Review.Notification.SENT:
            break
        time.sleep(0.2)
    assert review.notification == Review.Notification.SENT
    # A retry or a second worker finds nothing left to claim.
    assert services.review_notify(review_id=review.pk) is False
    assert [m.to for m in mail.outbox] == [[learner.email]]
