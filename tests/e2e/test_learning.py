"""Issue 18's "Done when", in a browser: slides after session 7 reach cohort-2 once, the
demo learner finds them from the first screen of /me/ on a phone and downloads them, a
cohort-1 learner is refused, the coordinator sees who opened them; /me/ stays short."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from django.core import mail
from django.utils import timezone

from accounts.models import User
from cohorts.models import Enrolment, Session
from learning.models import Material
from learning.services.notices import materials_announce_due
from notifications.models import NoticeKind
from tests.assignments.factories import pdf_bytes
from tests.e2e.conftest import PHONE, log_in, screenshot
from tests.notifications.conftest import line_channel, link_line

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
SLIDES = "สไลด์ครั้งที่ 7: การเงินการคลังท้องถิ่น"
# The issue: "at most about 2,500", with an evaluation waiting too; measured 2,500 on
# 2026-12-02: the margin is for a longer Thai date or a second line in the attention list.
MAX_ME_HEIGHT = 2550
COHORT_2_LEARNERS = 32  # seed_demo's cohort-2: "the coordinator sees that 1 of 32 has opened them"


@pytest.fixture
def fake_line_api(settings):
    """The local fake of the LINE Messaging API, the platform's LINE channel pointed at it."""
    yield from line_channel(settings)


def _choose_line(emails_and_kinds: dict[str, str]) -> dict[str, str]:
    """Link a LINE account for each person, choosing LINE for that kind of notice only."""
    line_ids = {email: f"U-demo-{n}" for n, email in enumerate(emails_and_kinds)}
    for email, kind in emails_and_kinds.items():
        link_line(User.objects.get(email=email), line_ids[email], kind)
    return line_ids


def _upload_slides(page, base_url, session):
    log_in(page, base_url, "facilitator@example.org", next_url="/admin/materials/new/")
    page.select_option("select[name=session]", str(session.pk))
    page.fill("input[name=title_th]", SLIDES)
    page.select_option("select[name=kind]", "slides")
    page.set_input_files(
        "input[name=file]",
        {"name": "slides-7.pdf", "mimeType": "application/pdf", "buffer": pdf_bytes(3)},
    )
    page.locator("#main form button[type=submit]").first.click()  # not the sidebar's
    page.wait_for_load_state("networkidle")
    screenshot(page, "learning-facilitator-uploaded")
    return Material.objects.get(title_th=SLIDES)


def test_slides_after_session_7_reach_the_cohort_once_and_the_learner_downloads_them(
    page, phone, browser, demo, fake_line_api
):
    session = Session.objects.get(cohort__slug="cohort-2", number=7)
    session.facilitators.add(User.objects.get(email="facilitator@example.org"))
    learners = sorted(
        Enrolment.objects.current()
        .filter(cohort__slug="cohort-2")
        .values_list("user__email", flat=True)
    )
    assert len(learners) == COHORT_2_LEARNERS
    # The demo learner and one other chose LINE for new materials; a third chose LINE for
    # announcements only, so new materials reach them by email alone.
    on_line = _choose_line(
        {
            "learner@example.org": NoticeKind.MATERIALS,
            learners[0]: NoticeKind.MATERIALS,
            learners[1]: NoticeKind.ANNOUNCEMENTS,
        }
    )
    material = _upload_slides(page, demo.url, session)

    mail.outbox.clear()
    materials_announce_due(now=timezone.now() + dt.timedelta(minutes=61))  # the job, an hour on
    told = [m for m in mail.outbox if SLIDES in m.body]
    assert sorted(to for m in told for to in m.to) == learners  # each once, by email
    for email in ("learner@example.org", learners[0]):  # and once by LINE, who chose it
        [text] = fake_line_api.pushed_to(on_line[email])
        assert SLIDES in text and f"/me/sessions/{session.pk}/" in text
    assert fake_line_api.pushed_to(on_line[learners[1]]) == []
    assert len(fake_line_api.pushes) == 2
    materials_announce_due(now=timezone.now() + dt.timedelta(hours=3))  # the job again
    assert len([m for m in mail.outbox if SLIDES in m.body]) == len(learners)
    assert len(fake_line_api.pushes) == 2

    log_in(phone, demo.url, "learner@example.org")
    phone.goto(f"{demo.url}/me/")
    item = phone.locator('[data-kind="material"]', has_text="ครั้งที่ 7").first
    expect(item).to_be_visible()
    assert item.bounding_box()["y"] + 20 < PHONE["height"]  # in the first screen
    screenshot(phone, "learning-me-first-screen")
    item.locator("a").click()
    phone.wait_for_load_state("networkidle")
    assert phone.url.startswith(f"{demo.url}/me/sessions/{session.pk}/")
    screenshot(phone, "learning-session-page")
    with phone.expect_download() as download:
        phone.get_by_role("link", name=SLIDES).click()
    assert download.value.suggested_filename == "slides-7.pdf"

    outsider = (
        Enrolment.objects.current().filter(cohort__slug="cohort-1")
        .exclude(user__enrolments__cohort__slug="cohort-2").select_related("user").first().user
    )  # fmt: skip
    other = browser.new_context(viewport=PHONE, locale="th-TH").new_page()
    log_in(other, demo.url, outsider.email)
    assert other.goto(f"{demo.url}/me/materials/{material.pk}/").status == 403
    other.context.close()

    page.goto(f"{demo.url}/accounts/logout/")
    page.locator("form button[type=submit]").last.click()
    log_in(page, demo.url, "coordinator@example.org", next_url="/admin/materials/")
    page.goto(f"{demo.url}/admin/learning/material/{material.pk}/opens/")
    expect(page.locator(".uptake-summary")).to_contain_text(f"1 จาก {COHORT_2_LEARNERS}")
    screenshot(page, "learning-coordinator-opens")


def test_the_demo_learners_me_leads_and_stays_short_on_a_phone(phone, demo):
    log_in(phone, demo.url, "learner@example.org")
    phone.goto(f"{demo.url}/me/")
    attention = phone.locator("#attention")
    assert attention.bounding_box()["y"] < PHONE["height"] / 2
    assert phone.locator("#next-session").bounding_box()["y"] < PHONE["height"] * 1.2
    for kind in ("material", "announcement"):
        expect(phone.locator(f'[data-kind="{kind}"]').first).to_be_visible()
    for link in phone.locator(".attention-item a").all():  # each straight to where it is done
        assert link.get_attribute("href").startswith("/")
    height = phone.evaluate("document.documentElement.scrollHeight")
    print(f"/me/ for the demo learner at 390 px: {height} px tall")  # noqa: T201
    screenshot(phone, "learning-me-phone")
    assert height <= MAX_ME_HEIGHT
    phone.locator(".me-menu a[href='#schedule']").click()
    assert phone.locator(".me-menu").bounding_box()["y"] <= 1  # the menu stays at the top
