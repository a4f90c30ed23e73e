"""The Wagtail admin reads in Thai for a coordinator, Wagtail's own strings included:
config/locale fills in what Wagtail's Thai catalogue leaves in English, for both
the server-rendered screens and the JavaScript catalogue (the sidebar)."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import log_in, screenshot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _text(page) -> str:
    """All the text of the page, the screen-reader-only parts included."""
    return page.locator("body").text_content()


def _assert_thai(page, pairs):
    text = _text(page)
    for english, thai in pairs:
        assert not re.search(rf"\b{re.escape(english)}\b", text), f"{english!r} is in English"
        assert thai in text, f"{thai!r} is missing"


def test_the_dashboard_and_sidebar_are_in_thai(page, demo):
    log_in(page, demo.url, "coordinator@example.org", next_url="/admin/")
    expect(page).to_have_url(re.compile(r"/admin/$"))
    _assert_thai(
        page,
        [
            ("Skip to main content", "ข้ามไปยังเนื้อหาหลัก"),
            ("Reports", "รายงาน"),
            ("Help", "ความช่วยเหลือ"),
            ("editor guide", "คู่มือผู้แก้ไขเนื้อหา"),
        ],
    )
    expect(page.get_by_placeholder("ค้นหาทุกหน้า…")).to_be_visible()
    # The sidebar is drawn by JavaScript, from Wagtail's jsi18n catalogue.
    expect(page.locator("[aria-label='เมนูหลัก']")).to_have_count(1)
    expect(page.locator("[aria-label='Main menu']")).to_have_count(0)
    screenshot(page, "admin-thai-dashboard")


@pytest.mark.parametrize(
    "url, pairs",
    [
        (
            "/admin/pages/",
            [
                ("Pages created here will not be accessible", "หน้าที่สร้างที่นี่จะไม่มี URL ให้เข้าถึง"),
                ("Exploring", "กำลังดู"),
            ],
        ),
        (
            "/admin/images/",
            [
                ("Sort by", "เรียงตาม"),
                ("Newest", "ใหม่สุด"),
                ("Oldest", "เก่าสุด"),
                ("File size", "ขนาดไฟล์"),
                ("Usage count", "จำนวนที่ใช้งาน"),
            ],
        ),
    ],
    ids=["page-explorer", "images"],
)
def test_the_page_explorer_and_images_listing_are_in_thai(page, demo, url, pairs):
    log_in(page, demo.url, "coordinator@example.org", next_url=url)
    _assert_thai(page, pairs)
    screenshot(page, f"admin-thai-{url.strip('/').replace('/', '-')}")


def test_the_default_certificate_template_is_ticked_not_true(page, demo):
    log_in(page, demo.url, "coordinator@example.org", next_url="/admin/certificate_templates/")
    table = page.locator("table.listing")
    expect(table.locator("svg.icon-check")).to_have_count(1)
    assert "True" not in table.text_content()
    screenshot(page, "admin-thai-certificate-templates")
