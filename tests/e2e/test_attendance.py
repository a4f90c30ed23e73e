"""A learner checks in from a phone with the projector's link; the coordinator's grid updates."""

import re

import pytest
from playwright.sync_api import expect

from django.utils import timezone

from attendance.days import session_days
from cohorts.models import Session
from tests.e2e.conftest import log_in, screenshot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_learner_checks_in_on_a_phone_and_the_coordinator_sees_it(phone, page, demo):
    session = Session.objects.filter(cohort__slug="cohort-2").order_by("-number").first()
    start = timezone.now() - timezone.timedelta(minutes=2)
    Session.objects.filter(pk=session.pk).update(
        starts_at=start, ends_at=start + timezone.timedelta(hours=3)
    )
    day = session_days(Session.objects.get(pk=session.pk))[0]

    log_in(page, demo.url, "coordinator@example.org", next_url="/admin/")
    page.goto(f"{demo.url}/admin/attendance/session/{session.pk}/?day={day.isoformat()}")
    page.goto(f"{demo.url}/admin/attendance/session/{session.pk}/projector/")
    link = page.locator("[data-check-in-url]").get_attribute("data-check-in-url")
    screenshot(page, "attendance-projector")
    page.goto(f"{demo.url}/admin/attendance/session/{session.pk}/?day={day.isoformat()}")

    phone.goto(link)
    expect(phone).to_have_url(re.compile(r"/accounts/login/"))
    phone.fill("input[name=login]", "learner@example.org")
    phone.fill("input[name=password]", "pms-demo-2565")
    phone.locator("form button[type=submit]").last.click()
    phone.get_by_role("button", name="ยืนยันการลงชื่อเข้าร่วม").click()
    expect(phone.locator("h1")).to_contain_text("ลงชื่อเข้าร่วมเรียบร้อยแล้ว")
    screenshot(phone, "attendance-checked-in-phone")

    from cohorts.models import Enrolment

    enrolment = Enrolment.objects.get(user__email="learner@example.org", cohort=session.cohort)
    row = page.locator(f"#row-{enrolment.pk}")
    expect(row).to_have_attribute("data-status", "present", timeout=15000)
    expect(row.locator('button[data-status="present"]')).to_have_attribute("aria-pressed", "true")
    screenshot(page, "attendance-grid-updated")
