"""The admin's slug field keeps Thai vowels and tone marks as an editor types a title (#14 item 2).

Wagtail's w-slug controller dropped them (ศึกษาดูงาน became ศกษาดงาน); static/cms/js/thai-slug.js
replaces it, and this checks it in a real browser.
"""

import pytest
from playwright.sync_api import expect

from tests.conftest import PASSWORD
from tests.curriculum.factories import build_site
from tests.e2e.conftest import log_in, screenshot
from tests.factories import UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_thai_title_fills_in_a_readable_slug(page, live_server):
    # The `page` fixture fails the test on anything the Content-Security-Policy blocked:
    # the editor's chooser scripts carry the nonce (core/csp.py).
    home = build_site()["home"]
    coordinator = UserFactory(roles=["Coordinator"])
    log_in(page, live_server.url, coordinator.email, PASSWORD, next_url="/admin/")
    page.goto(f"{live_server.url}/admin/pages/add/cms/standardpage/{home.pk}/")
    page.fill("#id_title", "ศึกษาดูงาน ขอนแก่น: การจัดการน้ำ")
    page.locator("#id_title").blur()
    slug = page.locator("#id_slug")
    expect(slug).to_have_value("ศึกษาดูงาน-ขอนแก่น-การจัดการน้ำ")
    # the slug keeps following the title while the page is new
    page.fill("#id_title", "ศึกษาดูงาน ขอนแก่น รุ่นที่ 2")
    page.locator("#id_title").blur()
    expect(slug).to_have_value("ศึกษาดูงาน-ขอนแก่น-รุ่นที่-2")
    screenshot(page, "admin-thai-slug")
