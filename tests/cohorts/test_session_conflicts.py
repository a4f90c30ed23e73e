"""Conflicts: a venue double-booked, a facilitator in two places, a cohort overlapping."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from cohorts.models import Session
from cohorts.services import session_conflicts
from tests.factories import CohortFactory, SessionFactory, VenueFactory

pytestmark = pytest.mark.django_db
BANGKOK = ZoneInfo("Asia/Bangkok")
START = dt.datetime(2026, 12, 8, 9, 0, tzinfo=BANGKOK)


def _check(cohort, *, venue=None, facilitators=(), start=START, hours=3, exclude_id=None):
    return session_conflicts(
        cohort=cohort,
        starts_at=start,
        ends_at=start + dt.timedelta(hours=hours),
        venue=venue,
        facilitators=facilitators,
        exclude_id=exclude_id,
    )


def test_same_venue_at_overlapping_time_is_a_conflict(cohort):
    existing = SessionFactory(starts_at=START)
    problems = _check(cohort, venue=existing.venue)
    assert len(problems) == 1 and existing.venue.name_th in problems[0]


def test_facilitator_in_two_places_is_a_conflict(cohort, facilitator):
    existing = SessionFactory(starts_at=START)
    existing.facilitators.add(facilitator)
    problems = _check(cohort, venue=VenueFactory(), facilitators=[facilitator])
    assert len(problems) == 1 and facilitator.get_full_name() in problems[0]


def test_cohort_with_overlapping_sessions_is_a_conflict(cohort):
    SessionFactory(cohort=cohort, starts_at=START)
    problems = _check(cohort, venue=VenueFactory())
    assert len(problems) == 1


def test_back_to_back_sessions_do_not_conflict(cohort):
    existing = SessionFactory(cohort=cohort, starts_at=START)
    assert _check(cohort, venue=existing.venue, start=existing.ends_at) == []


def test_cancelled_sessions_do_not_conflict(cohort):
    existing = SessionFactory(cohort=cohort, starts_at=START, status=Session.Status.CANCELLED)
    assert _check(cohort, venue=existing.venue) == []


def test_a_session_does_not_conflict_with_itself(cohort):
    existing = SessionFactory(cohort=cohort, starts_at=START)
    assert _check(cohort, venue=existing.venue, exclude_id=existing.pk) == []


def test_another_cohort_elsewhere_is_fine(cohort):
    SessionFactory(cohort=CohortFactory(), starts_at=START)
    assert _check(cohort, venue=VenueFactory()) == []
