"""seed_demo schedules both cohorts fully, with a changed plan in cohort-2."""

import os

import pytest

from django.core.management import call_command

from cohorts.models import Cohort, Session

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(demo_data, db):
    """The demo, seeded once for this module (tests/conftest.py)."""


def test_both_cohorts_have_fourteen_or_more_sessions_and_a_multi_day_visit(demo):
    for cohort in Cohort.objects.filter(slug__in=["cohort-1", "cohort-2"]):
        sessions = list(cohort.sessions.all())
        assert len(sessions) >= 14
        assert any((s.ends_at - s.starts_at).days >= 1 for s in sessions)
        assert cohort.teams.exists()


def test_venues_span_several_provinces(demo):
    provinces = set(Session.objects.exclude(venue=None).values_list("venue__province", flat=True))
    assert len(provinces) >= 4


def test_cohort_two_has_a_rescheduled_and_a_cancelled_session(demo):
    cohort = Cohort.objects.get(slug="cohort-2")
    statuses = set(cohort.sessions.values_list("status", flat=True))
    assert {Session.Status.RESCHEDULED, Session.Status.CANCELLED} <= statuses
    assert not cohort.sessions.filter(status=Session.Status.RESCHEDULED, sequence=0).exists()


def test_seeding_twice_does_not_move_the_rescheduled_session_again(demo):
    moved = Session.objects.get(cohort__slug="cohort-2", status=Session.Status.RESCHEDULED)
    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    again = Session.objects.get(pk=moved.pk)
    assert (again.starts_at, again.sequence) == (moved.starts_at, moved.sequence)
