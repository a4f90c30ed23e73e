"""Stuck work: what a dead worker left claimed is shown to coordinators, and retried once."""

import datetime as dt

import pytest

from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cohorts.models import SessionNotice
from tests.factories import EnrolmentFactory, SessionFactory

pytestmark = pytest.mark.django_db
URL = "/admin/stuck-work/"


@pytest.fixture
def stuck_notice(cohort):
    """A change notice claimed 20 minutes ago by a worker that never came back."""
    enrolment = EnrolmentFactory(cohort=cohort)
    notice = SessionNotice.objects.create(
        session=SessionFactory(cohort=cohort),
        user=enrolment.user,
        kind="change-1",
        status=SessionNotice.Status.SENDING,
    )
    claimed = timezone.now() - dt.timedelta(minutes=20)
    SessionNotice.objects.filter(pk=notice.pk).update(claimed_at=claimed, created_at=claimed)
    return notice


@pytest.mark.parametrize("who", ["anonymous", "learner", "other_learner", "facilitator"])
def test_nobody_but_coordinators_sees_or_retries_stuck_work(client, request, who, stuck_notice):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    assert client.get(URL).status_code in (302, 403)
    response = client.post(f"{URL}session-notice/{stuck_notice.pk}/retry/")
    assert response.status_code in (302, 403)
    stuck_notice.refresh_from_db()
    assert stuck_notice.status == SessionNotice.Status.SENDING
    assert mail.outbox == []


def test_the_coordinator_sees_a_notice_claimed_past_its_stale_time(
    client, coordinator, stuck_notice
):
    client.force_login(coordinator)
    page = client.get(URL).content.decode()
    assert stuck_notice.user.email in page
    assert f"session-notice/{stuck_notice.pk}/retry/" in page


def test_a_notice_claimed_a_moment_ago_is_not_stuck(client, coordinator, stuck_notice):
    SessionNotice.objects.filter(pk=stuck_notice.pk).update(claimed_at=timezone.now())
    client.force_login(coordinator)
    assert stuck_notice.user.email not in client.get(URL).content.decode()


def test_retry_sends_the_stuck_notice_once_and_it_leaves_the_screen(
    client, coordinator, stuck_notice, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{URL}session-notice/{stuck_notice.pk}/retry/")
        again = client.post(f"{URL}session-notice/{stuck_notice.pk}/retry/")
    assert response.status_code == again.status_code == 302
    stuck_notice.refresh_from_db()
    assert stuck_notice.status == SessionNotice.Status.SENT
    assert [m.to for m in mail.outbox] == [[stuck_notice.user.email]]
    assert stuck_notice.user.email not in client.get(URL).content.decode()


def test_an_unknown_kind_is_not_found(client, coordinator):
    client.force_login(coordinator)
    assert client.post(f"{URL}no-such-kind/1/retry/").status_code == 404


def test_the_screen_reads_the_same_number_of_queries_for_one_or_many_stuck(
    client, coordinator, stuck_notice, django_assert_num_queries
):
    client.force_login(coordinator)
    client.get(URL)
    with CaptureQueriesContext(connection) as one:
        client.get(URL)
    for _ in range(3):
        stuck_notice.pk = None
        stuck_notice.kind = f"change-{SessionNotice.objects.count() + 1}"
        stuck_notice.save()
    SessionNotice.objects.update(claimed_at=timezone.now() - dt.timedelta(minutes=20))
    with django_assert_num_queries(len(one)):
        assert client.get(URL).content.decode().count("/retry/") == 4
