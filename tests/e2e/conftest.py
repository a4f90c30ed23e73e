"""Browser tests: Playwright driving Debian's Chromium against a live server.

Screenshots go to test-artifacts/e2e/ so a person can look at what the test saw.
"""

import os
import shutil
from pathlib import Path

import pytest

from django.core.management import call_command

from tests.baseline import ensure_baseline

# Playwright's sync API runs an event loop in this thread; Django's ORM calls
# from the test body are still synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "e2e"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def browser(chromium_path_session):
    """One Chromium per test module, stopped after it: Playwright's sync API keeps an event
    loop running in this thread while it is open, and a pytest-xdist worker may run, after
    the browser tests, tests that call asyncio.run() (the PAdES signing of certificates)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path_session, args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def chromium_path_session():
    from tests.conftest import CHROMIUM, require_service

    require_service(shutil.which(CHROMIUM) is not None, f"Chromium at {CHROMIUM}")
    return CHROMIUM


@pytest.fixture
def demo(live_server):
    """The demo data, loaded into the live server's database."""
    ensure_baseline()
    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    return live_server


def _new_page(browser, request, viewport):
    context = browser.new_context(viewport=viewport, locale="th-TH", timezone_id="Asia/Bangkok")
    page = context.new_page()
    page.set_default_timeout(15000)
    blocked = []  # what the Content-Security-Policy refused: the page would be broken
    page.on(
        "console",
        lambda message: (
            blocked.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    yield page
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{request.node.name}-final.png"), full_page=True)
    context.close()
    assert not blocked, "The Content-Security-Policy blocked: " + "\n".join(blocked)


@pytest.fixture
def page(browser, request):
    yield from _new_page(browser, request, {"width": 1280, "height": 900})


@pytest.fixture
def phone(browser, request):
    yield from _new_page(browser, request, PHONE)


def screenshot(page, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def log_in(page, base_url: str, email: str, password: str = "pms-demo-2565", next_url: str = ""):
    suffix = f"?next={next_url}" if next_url else ""
    page.goto(f"{base_url}/accounts/login/{suffix}")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", password)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_load_state("networkidle")
