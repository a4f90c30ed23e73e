"""A Thai coordinator picks a session's new day in the admin's date picker (#13).

The picker shows the Buddhist Era (กรกฎาคม 2569) over the real calendar, the field reads
2569-…, and the day picked is the day saved: 2026, not the year 2569 CE.
"""

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from django.utils import timezone

from cohorts.models import Session
from tests.e2e.conftest import log_in, screenshot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _pick_day(page, field: str, day: dt.date):
    """Open the picker of a field, go to the day's month and click the day."""
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
    screenshot(page, f"admin-date-picker-{field}")
    cell = picker.locator(
        f"td.xdsoft_date[data-date='{day.day}'][data-month='{day.month - 1}']"
        f"[data-year='{day.year}']"
    )
    cell.click()
    page.keyboard.press("Escape")


def test_a_thai_coordinator_picks_a_day_in_buddhist_era_and_it_is_saved(page, demo):
    session = (
        Session.objects.filter(starts_at__gt=timezone.now(), status=Session.Status.SCHEDULED)
        .order_by("starts_at")
        .first()
    )
    start = timezone.localtime(session.starts_at)
    # A Wednesday a few weeks on: no weekend warning for this move.
    day = start.date() + dt.timedelta(days=21)
    day += dt.timedelta(days=(2 - day.weekday()) % 7)
    log_in(page, demo.url, "coordinator@example.org", next_url="/admin/")
    page.goto(f"{demo.url}/admin/cohorts/sessions/edit/{session.pk}/")
    starts = page.locator("#id_starts_at")
    expect(starts).to_have_value(re.compile(rf"^{start.year + 543}-"))
    expect(page.locator("[data-buddhist-era-hint]").first).to_contain_text("พุทธศักราช")

    _pick_day(page, "starts_at", day)
    expect(starts).to_have_value(re.compile(rf"^{day.year + 543}-{day:%m-%d} "))
    _pick_day(page, "ends_at", day)
    page.locator("button[type=submit]", has_text="บันทึก").first.click()
    if page.locator("input[name=save_despite_conflicts]").count():
        # Another session of the demo may share the venue that day: the coordinator decides.
        page.check("input[name=save_despite_conflicts]")
        page.locator("button[type=submit]", has_text="บันทึก").first.click()
    expect(page.locator(".messages")).to_be_visible()
    screenshot(page, "admin-date-picker-saved")

    session.refresh_from_db()
    saved = timezone.localtime(session.starts_at)
    assert saved.date() == day
    assert (saved.hour, saved.minute) == (start.hour, start.minute)
    page.goto(f"{demo.url}/admin/cohorts/sessions/edit/{session.pk}/")
    expect(starts).to_have_value(re.compile(rf"^{day.year + 543}-{day:%m-%d} "))
