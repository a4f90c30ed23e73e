"""Generating a cohort's sessions from a pattern, and renumbering (ครั้งที่ N)."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from cohorts.services import SessionPattern, session_create, session_delete, sessions_generate
from tests.factories import VenueFactory

pytestmark = pytest.mark.django_db
BANGKOK = ZoneInfo("Asia/Bangkok")


def _pattern(**kwargs):
    defaults = dict(count=14, first_day=dt.date(2026, 6, 5), every=1, unit="months", days_each=2)
    return SessionPattern(**{**defaults, **kwargs})


def test_fourteen_monthly_two_day_sessions_are_generated_in_order(cohort):
    created = sessions_generate(cohort=cohort, pattern=_pattern(venue=VenueFactory()))
    assert [s.number for s in created] == list(range(1, 15))
    first, last = created[0], created[-1]
    assert first.starts_at == dt.datetime(2026, 6, 5, 9, 0, tzinfo=BANGKOK)
    assert first.ends_at == dt.datetime(2026, 6, 6, 16, 0, tzinfo=BANGKOK)
    assert last.starts_at.astimezone(BANGKOK).date() == dt.date(2027, 7, 5)
    assert first.title_th == "กิจกรรมหลักสูตร พมส."


def test_month_end_start_days_are_clamped_to_short_months(cohort):
    created = sessions_generate(
        cohort=cohort, pattern=_pattern(count=2, first_day=dt.date(2027, 1, 31), days_each=1)
    )
    assert created[1].starts_at.astimezone(BANGKOK).date() == dt.date(2027, 2, 28)


def test_weekly_pattern(cohort):
    created = sessions_generate(
        cohort=cohort, pattern=_pattern(count=3, unit="weeks", every=2, days_each=1)
    )
    days = [s.starts_at.astimezone(BANGKOK).date() for s in created]
    assert days == [dt.date(2026, 6, 5), dt.date(2026, 6, 19), dt.date(2026, 7, 3)]


def test_cohort_dates_stretch_to_cover_generated_sessions(cohort):
    sessions_generate(cohort=cohort, pattern=_pattern())
    cohort.refresh_from_db()
    assert cohort.ends_on == dt.date(2027, 7, 6)


def test_adding_a_session_between_others_renumbers_the_rest(cohort):
    sessions_generate(cohort=cohort, pattern=_pattern(count=3, days_each=1))
    extra = session_create(
        cohort=cohort,
        title_th="เพิ่มเติม",
        starts_at=dt.datetime(2026, 6, 20, 9, 0, tzinfo=BANGKOK),
        ends_at=dt.datetime(2026, 6, 20, 16, 0, tzinfo=BANGKOK),
    )
    assert extra.number == 2
    numbers = list(cohort.sessions.order_by("starts_at").values_list("number", flat=True))
    assert numbers == [1, 2, 3, 4]


def test_removing_a_session_closes_the_gap(cohort):
    created = sessions_generate(cohort=cohort, pattern=_pattern(count=4, days_each=1))
    session_delete(session=created[1])
    numbers = list(cohort.sessions.order_by("starts_at").values_list("number", "title_th"))
    assert [n for n, _title in numbers] == [1, 2, 3]


def test_generating_more_appends_after_existing_sessions(cohort):
    sessions_generate(cohort=cohort, pattern=_pattern(count=2, days_each=1))
    later = sessions_generate(
        cohort=cohort, pattern=_pattern(count=2, days_each=1, first_day=dt.date(2027, 1, 5))
    )
    assert [s.number for s in later] == [3, 4]
