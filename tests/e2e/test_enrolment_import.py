"""A coordinator imports 40 learners from a spreadsheet, catching a broken row in the preview."""

import io

import pytest
from openpyxl import Workbook
from playwright.sync_api import expect

from accounts.models import Organisation
from cohorts.models import Cohort, Enrolment
from tests.e2e.conftest import log_in, screenshot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _spreadsheet(organisation: str) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(["อีเมล", "คำนำหน้า", "ชื่อ", "นามสกุล", "ตำแหน่ง", "หน่วยงาน", "บทบาท"])
    for n in range(40):
        sheet.append(
            [
                f"mayor{n}@example.org",
                "นาย",
                f"ทดสอบ{n}",
                "นำเข้า",
                "นายกเทศมนตรี",
                organisation,
                "ผู้บริหาร",
            ]
        )
    sheet.append(["broken-at-example.org", "นาง", "", "", "", "เทศบาลที่ไม่มีจริง", ""])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_coordinator_imports_forty_learners_and_the_broken_row_is_caught(page, demo):
    cohort = Cohort.objects.get(slug="cohort-2")
    organisation = Organisation.objects.first()
    before = Enrolment.objects.filter(cohort=cohort).count()
    log_in(page, demo.url, "coordinator@example.org", next_url="/admin/")
    page.goto(f"{demo.url}/admin/cohort-tools/{cohort.pk}/import/")
    page.set_input_files(
        "input[name=file]",
        files=[
            {
                "name": "learners.xlsx",
                "buffer": _spreadsheet(organisation.name_th),
                "mimeType": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            }
        ],
    )
    page.click("button[value=save]")
    expect(page.locator("#import-preview tbody tr")).to_have_count(41)
    broken = page.locator("tr.import-error")
    expect(broken).to_have_count(1)
    expect(broken).to_contain_text("อีเมลไม่ถูกต้อง")
    expect(broken).to_contain_text("ไม่พบหน่วยงาน")
    screenshot(page, "import-preview-with-broken-row")
    assert Enrolment.objects.filter(cohort=cohort).count() == before

    page.click("button[value=confirm]", timeout=60000)  # 40 people created in one request
    expect(page.locator("#import-result")).to_be_visible(timeout=60000)
    screenshot(page, "import-result")
    assert Enrolment.objects.filter(cohort=cohort).count() == before + 40
