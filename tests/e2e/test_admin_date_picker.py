"""A Thai coordinator picks a session's new day in the admin's date picker (#13).

The picker shows the Buddhist Era (กรกฎาคม 2569) over the real calendar, the field reads
2569-…, and the day picked is the day saved: 2026, not the year 2569 CE. Reopened, the
picker marks the saved day (Wagtail's own check read 2569 as 2569 CE and unmarked it).
"""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from django.utils import timezone

from cohorts.models import Session
from tests.e2e.conftest import log_in, screenshot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _open_at(page, field: str, day: dt.date):
    """Open the picker of a field and go to the day's month; return the picker."""
    page.click(f"#id_{field}")
    picker = page.locator(".xdsoft_datetimepicker:visible")
    expect(picker).to_have_count(1)
    label = picker.locator(".xdsoft_label.xdsoft_year > span")
    for _ in range(24):
        shown = picker.locator("td.xdsoft_date").nth(10)  # a day of the month shown
        year, month = int(shown.get_attribute("data-year")), int(shown.get_attribute("data-month"))
        if (year, month + 1) == (day.year, day.month):
            break
        step = "next" if (year, month + 1) < (day.year, day.month) else "prev"
        picker.locator(f".xdsoft_monthpicker button.xdsoft_{step}").click()
        # The picker draws the new month a moment after the click: read it only once it
        # is there (reading the old month clicked once too often, and the loop swung).
        expect(shown).not_to_have_attribute("data-month", str(month))
    expect(label).to_have_text(str(day.year + 543))
    return picker


def _cell(picker, day: dt.date):
    return picker.locator(
        f"td.xdsoft_date[data-date='{day.day}'][data-month='{day.month - 1}']"
        f"[data-year='{day.year}']"
    )


def _close(page, field: str):
    """Close the picker, as a click elsewhere would (the page's header lies over it)."""
    page.keyboard.press("Escape")
    page.locator(f"#id_{field}").evaluate("el => window.jQuery(el).datetimepicker('hide')")
    expect(page.locator(".xdsoft_datetimepicker:visible")).to_have_count(0)


def _expect_marked(page, field: str, day: dt.date):
    """Reopened, the picker marks the field's day as the chosen one, and no other day."""
    picker = _open_at(page, field, day)
    expect(_cell(picker, day)).to_have_class(re.compile(r"\bxdsoft_current\b"))
    others = picker.locator("td.xdsoft_date.xdsoft_current:not(.xdsoft_today)")
    expect(others).to_have_count(1)
    screenshot(page, f"admin-date-picker-marked-{field}-{day:%Y%m%d}")
    _close(page, field)


def _pick_day(page, field: str, day: dt.date):
    """Open the picker of a field, go to the day's month and click the day."""
    picker = _open_at(page, field, day)
    screenshot(page, f"admin-date-picker-{field}")
    _cell(picker, day).click()
    _close(page, field)


# Fixed days, whatever today is: a Wednesday in December 2569 moved to a Wednesday in
# January 2570, across the year (the picker once swung past a next-January target).
SAVED = dt.datetime(2026, 12, 16, 9, 0, tzinfo=ZoneInfo("Asia/Bangkok"))
TARGET = dt.date(2027, 1, 13)


def test_a_thai_coordinator_picks_a_day_in_buddhist_era_and_it_is_saved(page, demo):
    session = Session.objects.filter(status=Session.Status.SCHEDULED).order_by("pk").first()
    Session.objects.filter(pk=session.pk).update(
        starts_at=SAVED, ends_at=SAVED + dt.timedelta(hours=7)
    )
    log_in(page, demo.url, "coordinator@example.org", next_url="/admin/")
    page.goto(f"{demo.url}/admin/cohorts/sessions/edit/{session.pk}/")
    starts = page.locator("#id_starts_at")
    expect(starts).to_have_value("2569-12-16 09:00")
    expect(page.locator("[data-buddhist-era-hint]").first).to_contain_text("พุทธศักราช")
    _expect_marked(page, "starts_at", SAVED.date())

    _pick_day(page, "starts_at", TARGET)
    expect(starts).to_have_value("2570-01-13 09:00")
    _pick_day(page, "ends_at", TARGET)
    expect(page.locator("#id_ends_at")).to_have_value("2570-01-13 16:00")
    _expect_marked(page, "starts_at", TARGET)
    page.locator("button[type=submit]", has_text="บันทึก").first.click()
    if page.locator("input[name=save_despite_conflicts]").count():
        # Another session of the demo may share the venue that day: the coordinator decides.
        page.check("input[name=save_despite_conflicts]")
        page.locator("button[type=submit]", has_text="บันทึก").first.click()
    expect(page.locator(".messages")).to_be_visible()
    screenshot(page, "admin-date-picker-saved")

    session.refresh_from_db()
    saved = timezone.localtime(session.starts_at)
    assert (saved.date(), saved.hour, saved.minute) == (TARGET, 9, 0)
    page.goto(f"{demo.url}/admin/cohorts/sessions/edit/{session.pk}/")
    expect(starts).to_have_value("2570-01-13 09:00")
    _expect_marked(page, "starts_at", TARGET)
    _expect_marked(page, "ends_at", TARGET)
