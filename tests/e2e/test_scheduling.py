"""A coordinator builds and changes a cohort's schedule.

The learner sees it on /me/ and in the feed.
"""

import datetime as dt
import re

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

from django.utils import timezone

from cohorts.models import Cohort, Session
from core.dates import thai_date
from tests.e2e.conftest import log_in, screenshot
from tests.factories import EnrolmentFactory, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
PASSWORD = "pms-demo-2565"


@pytest.fixture
def new_cohort(demo):
    first_day = timezone.localdate() + dt.timedelta(days=30)
    # The demo has cohort-3 already (admissions' open intake): this test sets its dates.
    cohort, _ = Cohort.objects.update_or_create(
        slug="cohort-3",
        defaults=dict(
            number=3,
            title_th="พมส. รุ่นที่ 3",
            starts_on=first_day,
            ends_on=first_day + dt.timedelta(days=400),
            status=Cohort.Status.ENROLLING,
        ),
    )
    learner = UserFactory(email="mayor3@example.org", roles=["Learner"], first_name="สมใจ")
    learner.set_password(PASSWORD)
    learner.save()
    EnrolmentFactory(cohort=cohort, user=learner)
    return cohort, first_day


def _fill_date(page, selector, value):
    page.fill(selector, value)
    page.keyboard.press("Escape")


def test_coordinator_generates_and_reschedules_and_the_learner_sees_the_new_time(
    page, phone, demo, new_cohort
):
    cohort, first_day = new_cohort
    log_in(page, demo.url, "coordinator@example.org", next_url="/admin/")
    page.goto(f"{demo.url}/admin/cohorts/cohorts/")
    row = page.locator("tr", has_text="พมส. รุ่นที่ 3")
    row.locator("button[data-w-dropdown-target=toggle]").click()
    page.locator("a:visible", has_text="สร้างตารางกิจกรรม").click()
    expect(page.locator("h1")).to_contain_text("สร้างตารางกิจกรรม")
    page.fill("input[name=count]", "14")
    _fill_date(page, "input[name=first_day]", first_day.isoformat())
    page.fill("input[name=days_each]", "2")
    page.click("button[value=preview]")
    expect(page.locator("#generate-preview tbody tr")).to_have_count(14)
    screenshot(page, "scheduling-generate-preview")
    # Every other day for 14 sessions meets weekends: the coordinator is warned and decides.
    expect(page.locator(".help-warning")).to_contain_text("วันหยุด")
    page.check("input[name=save_despite_conflicts]")
    page.click("button[value=create]")
    expect(page.locator(".messages")).to_contain_text("14")
    assert cohort.sessions.count() == 14

    session = cohort.sessions.get(number=1)
    new_day = first_day + dt.timedelta(days=3)
    page.goto(f"{demo.url}/admin/cohort-tools/session/{session.pk}/reschedule/")
    _fill_date(page, "input[name=starts_at]", f"{new_day.isoformat()} 13:00")
    _fill_date(page, "input[name=ends_at]", f"{new_day.isoformat()} 16:30")
    page.fill("textarea[name=note]", "เลื่อนเป็นช่วงบ่าย")
    screenshot(page, "scheduling-reschedule-form")
    page.click("button[value=save]")
    expect(page.locator(".messages")).to_contain_text("ครั้งที่ 1")
    session.refresh_from_db()
    assert session.status == Session.Status.RESCHEDULED and session.sequence == 1

    log_in(phone, demo.url, "mayor3@example.org", password=PASSWORD)
    # A new person accepts the demo's privacy notice at first login (#20 item 3).
    expect(phone).to_have_url(re.compile(r"/me/privacy/accept/"))
    phone.check("input[name=accept]")
    phone.click("#main form button[type=submit] >> nth=0")
    expect(phone).to_have_url(re.compile(r"/me/$"))
    card = phone.locator("#next-session")
    expect(card).to_contain_text(thai_date(new_day))
    expect(card).to_contain_text("13:00 น.")
    expect(card).to_contain_text("เลื่อนเป็นช่วงบ่าย")
    screenshot(phone, "scheduling-learner-me-phone")

    feed_url = phone.locator("#feed-url").input_value()
    response = phone.request.get(feed_url)
    assert response.ok
    events = Calendar.from_ical(response.body()).walk("VEVENT")
    first = next(e for e in events if str(e["UID"]).startswith(f"pms-session-{session.pk}@"))
    assert first.decoded("DTSTART").date() == new_day
    assert first.decoded("DTSTART").hour == 13 and first["SEQUENCE"] == 1


def test_demo_learner_sees_the_changed_plan_on_a_phone(phone, demo):
    log_in(phone, demo.url, "learner@example.org")
    expect(phone.locator(".schedule-item.is-cancelled")).to_have_count(1)
    expect(phone.locator(".schedule-item.is-rescheduled")).to_have_count(1)
    screenshot(phone, "scheduling-demo-learner-phone")
