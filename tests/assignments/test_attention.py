"""/me/ leads with work returned for revision and work due within 7 days."""

import datetime as dt

import pytest

from django.utils import timezone

from assignments.models import Submission

pytestmark = pytest.mark.django_db


def test_work_due_within_a_week_is_listed_with_a_link(client, learner, assignment):
    client.force_login(learner)
    html = client.get("/me/").content.decode()
    assert 'data-kind="due"' in html
    assert f'href="/me/assignments/{assignment.pk}/"' in html


def test_work_due_later_or_handed_in_is_not_listed(client, learner, assignment, team):
    assignment.due_at = timezone.now() + dt.timedelta(days=20)
    assignment.save()
    client.force_login(learner)
    assert 'data-kind="due"' not in client.get("/me/").content.decode()
    assignment.due_at = timezone.now() + dt.timedelta(days=2)
    assignment.save()
    Submission.objects.create(assignment=assignment, team=team, status="submitted")
    assert 'data-kind="due"' not in client.get("/me/").content.decode()


def test_returned_work_comes_first_with_its_link(client, learner, assignment, team):
    Submission.objects.create(assignment=assignment, team=team, status="returned")
    client.force_login(learner)
    html = client.get("/me/").content.decode()
    assert 'data-kind="revision"' in html
    assert html.index('data-kind="revision"') < html.index('id="next-session"')


def test_another_cohorts_learner_does_not_see_it(client, assignment):
    from tests.factories import CohortFactory, EnrolmentFactory

    outsider = EnrolmentFactory(cohort=CohortFactory()).user
    client.force_login(outsider)
    html = client.get("/me/").content.decode()
    assert 'data-kind="due"' not in html
