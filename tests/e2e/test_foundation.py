import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import log_in, screenshot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_the_coordinator_logs_in_and_reaches_the_wagtail_dashboard(page, demo):
    page.goto(f"{demo.url}/admin/")
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next=/admin/"))
    log_in(page, demo.url, "coordinator@example.org", next_url="/admin/")
    expect(page).to_have_url(re.compile(r"/admin/$"))
    expect(page.locator("body")).to_contain_text("พมส.")
    screenshot(page, "coordinator-dashboard")


def test_the_learner_logs_in_on_a_phone_and_reaches_me(phone, demo):
    log_in(phone, demo.url, "learner@example.org")
    expect(phone).to_have_url(re.compile(r"/me/$"))
    expect(phone.locator("h1")).to_contain_text("ยินดีต้อนรับ")
    screenshot(phone, "learner-me-phone")


def test_a_visitor_switches_from_thai_to_english(phone, demo):
    phone.goto(demo.url + "/")
    expect(phone.locator("html")).to_have_attribute("lang", "th")
    expect(phone.locator("h1")).to_contain_text("นักพัฒนาเมืองระดับสูง")
    screenshot(phone, "home-thai-phone")
    phone.click("a[data-lang=en]")
    expect(phone).to_have_url(re.compile(r"/en/$"))
    expect(phone.locator("html")).to_have_attribute("lang", "en")
    expect(phone.locator("h1")).to_contain_text("Senior Urban Developer")
    screenshot(phone, "home-english-phone")
