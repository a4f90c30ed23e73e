"""Generating sessions warns about weekends and Thai public holidays, like a clash, from a
holiday calendar coordinators keep in the admin (seeded with the official holidays)."""

import datetime as dt

import pytest

from django.utils import translation

from cohorts.models import PublicHoliday
from cohorts.services import session_calendar_warnings
from tests.baseline import ensure_baseline
from tests.factories import BANGKOK, CohortFactory

pytestmark = pytest.mark.django_db
URL = "/admin/cohort-tools/{}/generate/"


def _data(**extra):
    return {
        "count": "3",
        "first_day": "2026-12-05",
        "every": "1",
        "unit": "weeks",
        "days_each": "1",
        "start_time": "09:00",
        "end_time": "16:00",
        "kind": "classroom",
        "title_th": "กิจกรรม",
        "title_en": "Session",
        **extra,
    }


def test_the_official_holidays_are_seeded_for_2025_to_2027(db):
    ensure_baseline()  # a transactional test earlier in the run may have flushed them
    days = set(PublicHoliday.objects.values_list("date", flat=True))
    for day in ("2025-04-13", "2026-03-03", "2026-12-05", "2026-12-07", "2026-12-10", "2027-02-21"):
        assert dt.date.fromisoformat(day) in days, day
    assert {d.year for d in days} == {2025, 2026, 2027}


def test_the_computed_2570_holidays_say_they_are_provisional(client, coordinator):
    ensure_baseline()
    notes = dict(PublicHoliday.objects.filter(date__year=2027).values_list("date", "note"))
    provisional = {day for day, note in notes.items() if note.startswith("ยังไม่ยืนยัน")}
    assert provisional == {
        dt.date.fromisoformat(day)
        for day in (
            "2027-02-21",  # Makha Bucha
            "2027-02-22",
            "2027-05-20",  # Visakha Bucha
            "2027-07-18",  # Asalha Bucha
            "2027-07-19",  # Khao Phansa
            "2027-07-20",
            "2027-10-25",
            "2027-12-06",
        )
    }
    assert notes[dt.date(2027, 4, 6)] == ""  # Chakri Day: fixed by law
    client.force_login(coordinator)
    html = client.get("/admin/cohorts/holidays/?q=มาฆบูชา").content.decode()
    assert "Provisional: the lunar-calendar date as computed" in html


def test_weekend_and_holiday_days_are_named(db):
    PublicHoliday.objects.update_or_create(
        date=dt.date(2026, 12, 10),
        defaults={"name_th": "วันรัฐธรรมนูญ", "name_en": "Constitution Day"},
    )
    start = dt.datetime(2026, 12, 10, 9, 0, tzinfo=BANGKOK)
    warnings = session_calendar_warnings(starts_at=start, ends_at=start + dt.timedelta(days=2))
    assert warnings == [
        "วันพฤหัสบดีที่ 10 ธันวาคม 2569 เป็นวันหยุดราชการ: วันรัฐธรรมนูญ",
        "วันเสาร์ที่ 12 ธันวาคม 2569 เป็นวันหยุดสุดสัปดาห์",
    ]
    with translation.override("en"):
        warnings = session_calendar_warnings(starts_at=start, ends_at=start)
    assert warnings == ["Thu 10 Dec 2026 is a public holiday: Constitution Day."]


def test_a_weekday_that_is_no_holiday_has_no_warning(db):
    start = dt.datetime(2026, 12, 8, 9, 0, tzinfo=BANGKOK)  # Tuesday
    assert session_calendar_warnings(starts_at=start, ends_at=start + dt.timedelta(hours=7)) == []


def test_generating_warns_of_weekends_and_holidays_and_needs_a_tick(client, coordinator):
    PublicHoliday.objects.update_or_create(
        date=dt.date(2026, 12, 5), defaults={"name_th": "วันพ่อแห่งชาติ"}
    )
    cohort = CohortFactory()
    client.force_login(coordinator)
    response = client.post(URL.format(cohort.pk), _data(action="create"))
    page = response.content.decode()
    assert response.status_code == 200 and not cohort.sessions.exists()
    assert "วันเสาร์ที่ 5 ธันวาคม 2569 เป็นวันหยุดราชการ: วันพ่อแห่งชาติ" in page
    assert "วันเสาร์ที่ 12 ธันวาคม 2569 เป็นวันหยุดสุดสัปดาห์" in page
    response = client.post(
        URL.format(cohort.pk), _data(action="create", save_despite_conflicts="on")
    )
    assert response.status_code == 302 and cohort.sessions.count() == 3


def test_weekdays_without_holidays_create_at_once(client, coordinator):
    cohort = CohortFactory()
    client.force_login(coordinator)
    response = client.post(URL.format(cohort.pk), _data(action="create", first_day="2026-12-08"))
    assert response.status_code == 302 and cohort.sessions.count() == 3


@pytest.mark.parametrize("who", ["learner", "other_learner", "facilitator"])
def test_only_coordinators_reach_the_holiday_calendar(client, request, who):
    client.force_login(request.getfixturevalue(who))
    assert client.get("/admin/cohorts/holidays/").status_code in (302, 403)
    assert client.post("/admin/cohorts/holidays/new/", {"date": "2026-12-24"}).status_code in (
        302,
        403,
    )
    assert not PublicHoliday.objects.filter(date=dt.date(2026, 12, 24)).exists()


def test_anonymous_is_sent_to_log_in_for_the_holiday_calendar(client):
    assert client.get("/admin/cohorts/holidays/").status_code == 302


def test_a_coordinator_adds_a_holiday_in_the_admin(client, coordinator):
    client.force_login(coordinator)
    assert client.get("/admin/cohorts/holidays/").status_code == 200
    response = client.post(
        "/admin/cohorts/holidays/new/",
        {"date": "2026-12-24", "name_th": "วันหยุดพิเศษ", "name_en": "Special holiday"},
    )
    assert response.status_code == 302
    assert PublicHoliday.objects.get(date=dt.date(2026, 12, 24)).name_th == "วันหยุดพิเศษ"
