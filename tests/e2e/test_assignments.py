"""A team hands in from a phone, is returned with feedback, resubmits and is accepted."""

import re

import pytest
from playwright.sync_api import expect

from django.urls import reverse

from assignments.models import Assignment
from tests.assignments.factories import pdf_bytes, png_bytes
from tests.e2e.conftest import log_in, screenshot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
REPORT = "รายงานวิจัยฉบับสมบูรณ์"
TEAM = "ทีมเทศบาลตำบลลำพญา"


def pdf(name):
    return {"name": name, "mimeType": "application/pdf", "buffer": pdf_bytes()}


def hand_in(phone, text, file):
    phone.fill("textarea[name=text]", text)
    phone.set_input_files("input[name=files]", file)
    phone.click("button[value=submit]")
    phone.wait_for_load_state("networkidle")


def review(page, base_url, level, feedback, decision):
    page.goto(f"{base_url}/review/")
    page.locator(f"tr:has-text('{TEAM}')").filter(has_text=REPORT).locator("a").first.click()
    for radio in page.locator(f"input[name^='criterion-'][value='{level}']").all():
        radio.check()
    page.fill("textarea[name=feedback]", feedback)
    page.check(f"input[name=decision][value={decision}]")
    page.click("text=ส่งผลการตรวจ")
    page.wait_for_load_state("networkidle")


def test_submit_return_resubmit_accept(phone, page, demo):
    report = Assignment.objects.get(cohort__slug="cohort-2", title_th=REPORT)
    log_in(phone, demo.url, "learner@example.org")
    # /me/ lists the three nearest deadlines; the report is further off: "All my assignments"
    phone.locator(f"a[href='{reverse('assignments:mine')}']").first.click()
    phone.get_by_role("link", name=REPORT).first.click()
    expect(phone.locator("h1")).to_contain_text(REPORT)

    # A file whose name lies about its content is refused, clearly, in Thai.
    hand_in(
        phone,
        "ร่างรายงาน",
        {"name": "report.pdf", "mimeType": "application/pdf", "buffer": png_bytes()},
    )
    expect(phone.locator("#submit-errors")).to_contain_text("ไม่ตรงกับเนื้อหาจริง")
    screenshot(phone, "assignment-refused-false-extension-phone")

    hand_in(phone, "รายงานฉบับแรกของทีม", pdf("รายงาน-v1.pdf"))
    expect(phone.locator(".messages")).to_contain_text("ส่งฉบับที่ 1 แล้ว")
    expect(phone.locator("[data-version='1']")).to_contain_text("รายงาน-v1.pdf")
    screenshot(phone, "assignment-v1-submitted-phone")

    log_in(page, demo.url, "facilitator@example.org")
    review(page, demo.url, 2, "ขอให้เพิ่มข้อเสนอเชิงนโยบายที่ทำได้จริง", "returned")
    expect(page.locator(".messages")).to_contain_text("กลับให้ปรับปรุง")

    phone.goto(f"{demo.url}/me/assignments/{report.pk}/")
    expect(phone.locator("[data-version='1'] .review")).to_contain_text("ขอให้เพิ่มข้อเสนอเชิงนโยบาย")
    expect(phone.locator("[data-version='1'] tfoot")).to_contain_text("6 / 12")
    screenshot(phone, "assignment-returned-with-feedback-phone")
    hand_in(phone, "ฉบับปรับปรุงตามข้อเสนอแนะ", pdf("รายงาน-v2.pdf"))
    expect(phone.locator("[data-version='2']")).to_contain_text("รายงาน-v2.pdf")
    expect(phone.locator("[data-version='1']")).to_contain_text("รายงาน-v1.pdf")

    review(page, demo.url, 0, "รายงานสมบูรณ์ ผ่าน", "accepted")
    screenshot(page, "assignment-review-queue-after-accept")

    phone.goto(f"{demo.url}/me/assignments/{report.pk}/")
    expect(phone.locator("main")).to_contain_text("งานนี้ผ่านการยอมรับแล้ว")
    with phone.expect_download() as download:
        phone.click("[data-version='1'] a:has-text('รายงาน-v1.pdf')")
    assert download.value.suggested_filename == "รายงาน-v1.pdf"
    screenshot(phone, "assignment-accepted-phone")
    phone.goto(f"{demo.url}/me/")
    expect(phone.locator("[data-check='assignments']")).to_be_visible()
    expect(phone).to_have_url(re.compile(r"/me/$"))
    screenshot(phone, "me-with-assignments-phone")
