"""A visitor on a phone reads the programme, a module and the Khon Kaen visit in Thai and
English and finds them through Thai search; axe-core finds no serious accessibility issue."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import screenshot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
PAGES = {
    "home": "/",
    "programme": "/programme/",
    "module": "/programme/bcg-circular-economy/",
    "site-visit": "/programme/khon-kaen-bcg/",
    "search": "/search/?q=หมุนเวียน",
}


# Renditions are generated on the first view of each page: allow for a slow, shared CI machine.
SLOW_FIRST_VIEW_MS = 60_000


CONTRAST = (Path(__file__).parent / "contrast.js").read_text()


def serious_violations(page) -> list[str]:
    """axe-core's serious and critical violations, plus the contrast faults axe leaves
    "incomplete" (same colour as the background, text over a gradient): contrast.js."""
    # Evaluated by the browser's debugger, not as a <script>: the CSP refuses inline scripts.
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        "async () => await axe.run(document, {resultTypes: ['violations', 'incomplete']})"
    )
    problems = [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    return problems + [
        f"color-contrast: {p}" for p in page.evaluate(CONTRAST, result["incomplete"])
    ]


def public_paths() -> list[str]:
    """One live page of every page type in each language, and the public screens beside them."""
    from wagtail.models import Page

    seen, paths = set(), []
    for page in Page.objects.live().public().filter(depth__gt=1).specific().order_by("path"):
        key = (type(page), page.locale_id)
        url = page.get_url()
        if key in seen or not url:
            continue
        seen.add(key)
        paths.append(url)
    return paths + [
        "/search/?q=หมุนเวียน",
        "/en/search/?q=circular",
        "/verify/",
        "/en/verify/",
        "/accounts/login/",
        "/no-such-page/",
    ]


def test_a_phone_visitor_reads_the_programme_and_finds_the_khon_kaen_visit(phone, demo):
    phone.set_default_timeout(SLOW_FIRST_VIEW_MS)
    phone.goto(demo.url + "/")
    phone.get_by_role("link", name="หลักสูตร", exact=True).first.click()
    expect(phone.locator("h1")).to_contain_text("นักพัฒนาเมืองระดับสูง")
    expect(phone.locator("#cohorts")).to_be_visible()
    expect(phone.locator("table")).to_contain_text("พมส. รุ่นที่ 1")
    screenshot(phone, "programme-thai-phone")

    phone.get_by_role("link", name="เศรษฐกิจ BCG และเศรษฐกิจหมุนเวียน", exact=True).click()
    expect(phone.locator("h1")).to_have_text("เศรษฐกิจ BCG และเศรษฐกิจหมุนเวียน")
    expect(phone.locator("body")).to_contain_text("พมส. 105")
    screenshot(phone, "module-thai-phone")

    phone.goto(demo.url + "/search/")
    phone.fill("input[name=q]", "ขอนแก่น")
    phone.get_by_role("button", name="ค้นหา").click()
    expect(phone.locator(".search-results mark").first).to_have_text("ขอนแก่น")
    phone.get_by_role("link", name=re.compile("ศึกษาดูงาน ขอนแก่น")).click()
    expect(phone.locator("h1")).to_contain_text("ศึกษาดูงาน ขอนแก่น")
    expect(phone.locator("#agenda")).to_be_visible()
    expect(phone.locator("body")).to_contain_text("8 ธันวาคม 2565")
    screenshot(phone, "site-visit-thai-phone")

    phone.click("a[data-lang=en]")
    expect(phone).to_have_url(re.compile(r"/en/programme/khon-kaen-bcg/$"))
    expect(phone.locator("h1")).to_contain_text("Khon Kaen study visit")
    expect(phone.locator("body")).to_contain_text("8 December 2022")
    screenshot(phone, "site-visit-english-phone")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, "the page scrolls sideways on a phone"


def test_public_pages_have_no_serious_accessibility_violations(page, phone, demo):
    page.set_default_timeout(SLOW_FIRST_VIEW_MS)
    phone.set_default_timeout(SLOW_FIRST_VIEW_MS)
    found = {}
    paths = public_paths()
    assert len(paths) > 15, paths
    # Every page on a desktop; the home page (the one with a hero) on a phone too.
    for browser_page, path in [(page, path) for path in paths] + [(phone, "/"), (phone, "/en/")]:
        browser_page.goto(demo.url + path)
        problems = serious_violations(browser_page)
        if problems:
            found[path] = problems
    assert found == {}
