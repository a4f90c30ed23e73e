"""A graduate downloads and shares; an employer verifies; a coordinator issues."""

import re
import socket
import time

import pytest
from playwright.sync_api import expect

from certificates.models import Certificate, IssuanceBatch
from cohorts import completion
from cohorts.completion import CheckResult
from cohorts.models import Cohort, Enrolment
from tests.attendance.factories import AttendanceRecordFactory
from tests.baseline import ensure_baseline
from tests.certificates.factories import CertificateTemplateFactory
from tests.conftest import PASSWORD
from tests.e2e.conftest import log_in, screenshot
from tests.factories import (
    CohortFactory,
    EnrolmentFactory,
    SessionFactory,
    UserFactory,
    bangkok_morning,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
LEARNERS = 40
ISSUE_ALL = "ออกประกาศนียบัตรให้ผู้มีสิทธิ์ทุกคน"


def test_a_graduate_downloads_the_pdf_and_an_employer_finds_it_genuine(demo, page, browser):
    log_in(page, demo.url, "graduate@example.org", next_url="/me/")
    panel = page.locator("#certificates")
    assert "Add to LinkedIn" in panel.inner_text() or "LinkedIn" in panel.inner_text()
    screenshot(page, "certificates-me-panel")
    with page.expect_download() as download:
        panel.get_by_role("link", name="PDF").first.click()
    path = download.value.path()

    employer = browser.new_context(locale="th-TH").new_page()
    employer.goto(f"{demo.url}/verify/")
    employer.set_input_files("input[type=file]", path)
    employer.locator("form[enctype] button[type=submit]").click()
    employer.wait_for_load_state("networkidle")
    assert employer.locator(".verify-banner.verify-valid").count() == 1
    assert employer.locator(".verify-upload").count() == 1  # says what was checked
    badge = employer.locator("img.verify-badge")
    assert badge.evaluate("img => img.complete && img.naturalWidth") == 600
    screenshot(employer, "certificates-verify-upload-genuine")
    code = employer.locator("dd code").inner_text()
    employer.goto(f"{demo.url}/en/verify/{code}/")
    assert "genuine and valid" in employer.content()
    employer.context.close()


def _e2e_result(met: bool) -> CheckResult:
    return CheckResult("e2e", met, "e2e", [] if met else ["Attendance below the minimum."])


def test_a_coordinator_issues_a_cohort_and_watches_the_progress(demo, page):
    cohort = Cohort.objects.get(slug="cohort-2")
    chosen = set(
        Enrolment.objects.filter(cohort=cohort).order_by("pk").values_list("pk", flat=True)[:3]
    )

    def two_teams_only(enrolments):
        return {e.pk: _e2e_result(e.pk in chosen) for e in enrolments}

    # Only this test's rule decides here: the demo's real attendance and assignment
    # checks would leave nobody in the running cohort-2 eligible.
    with completion.override_checks(two_teams_only):
        log_in(page, demo.url, "coordinator@example.org", next_url="/admin/")
        page.goto(f"{demo.url}/admin/issued-certificates/cohort/{cohort.pk}/")
        assert page.locator("#eligibility").get_by_text("Attendance below the minimum.").count() > 0
        page.get_by_role("button", name=ISSUE_ALL).click()
        page.wait_for_selector("#batch-progress progress")
        page.wait_for_selector("#batch-report", timeout=120000)
        screenshot(page, "certificates-admin-batch-finished")
        assert "3 / 3" in page.locator("#batch-progress").inner_text()


@pytest.fixture
def cohort_of_40(live_server):
    """40 learners who attended the cohort's one session: eligible by the real rules.

    The worker is another process and decides eligibility again from the
    database, as in production; completion.override_checks here would not reach it.
    """
    ensure_baseline()
    CertificateTemplateFactory()
    cohort = CohortFactory()
    session = SessionFactory(cohort=cohort, starts_at=bangkok_morning(-7))
    for _ in range(LEARNERS):
        AttendanceRecordFactory(enrolment=EnrolmentFactory(cohort=cohort), session=session)
    return cohort


def _watch_the_bar(page, total: int, timeout: float = 60) -> list[int]:
    """The bar's values as htmx refreshes it, until the report shows; one screenshot mid-run."""
    seen: list[int] = []
    deadline = time.monotonic() + timeout
    while not page.locator("#batch-report").count():
        assert time.monotonic() < deadline, f"no report after {timeout} s; bar values: {seen}"
        value = int(page.locator("#batch-progress progress").get_attribute("value"))
        if 0 < value < total and not any(0 < v < total for v in seen):
            screenshot(page, "certificates-admin-batch-running")
        seen.append(value)
        page.wait_for_timeout(200)
    return seen


def test_a_coordinator_issues_40_certificates_that_a_real_worker_makes_while_the_bar_moves(
    cohort_of_40, worker, live_server, page
):
    cohort = cohort_of_40
    coordinator = UserFactory(roles=["Coordinator"])
    name = "e2e-batch"
    process = worker.start(name, concurrency=2, wait=False)  # boots while the page loads
    log_in(page, live_server.url, coordinator.email, PASSWORD, next_url="/admin/")
    page.goto(f"{live_server.url}/admin/issued-certificates/cohort/{cohort.pk}/")
    table = page.locator("#eligibility")
    expect(table.locator(".w-status--primary")).to_have_count(LEARNERS)
    worker.wait_until_ready(process)

    page.get_by_role("button", name=ISSUE_ALL).click()
    expect(page.locator("#batch-progress progress")).to_be_visible()
    seen = _watch_the_bar(page, LEARNERS)
    assert any(0 < value < LEARNERS for value in seen), seen
    progress = page.locator("#batch-progress")
    expect(progress.locator("progress")).to_have_attribute("value", str(LEARNERS))
    expect(progress).to_contain_text(f"{LEARNERS} / {LEARNERS}")
    expect(progress).to_contain_text(f"ออกแล้ว {LEARNERS} มีอยู่แล้ว 0 ไม่สำเร็จ 0")
    progress.get_by_text("รายงานรายคน").click()
    expect(progress.locator("#batch-report tr").filter(has_text="ออกแล้ว")).to_have_count(LEARNERS)
    screenshot(page, "certificates-admin-batch-of-40-finished")
    # The table below is brought up to date too: a serial for each, nothing left to issue.
    serial = re.compile(r"^พมส\. \d+\/\d{4}$")
    expect(table.get_by_role("link", name=serial)).to_have_count(LEARNERS)
    expect(table.get_by_role("button", name="ออกประกาศนียบัตร", exact=True)).to_have_count(0)
    batch = IssuanceBatch.objects.get(cohort=cohort)
    assert (batch.total, batch.issued, batch.skipped, batch.failed) == (LEARNERS, LEARNERS, 0, 0)
    node = f"{name}@{socket.gethostname()}"
    assert set(batch.items.values_list("claimed_by", flat=True)) == {node}  # not run inline

    certificates = Certificate.objects.filter(cohort=cohort, status=Certificate.Status.VALID)
    serials = sorted(certificates.values_list("serial_number", flat=True))
    assert serials == list(range(1, LEARNERS + 1))
    assert certificates.values("enrolment").distinct().count() == LEARNERS
    assert all(c.pdf and c.pdf.storage.exists(c.pdf.name) for c in certificates)
    # Emails are queued behind the issuing and sent by the worker (its own locmem outbox).
    worker.wait_for(lambda: not certificates.filter(emailed_at=None).exists(), "every email")
    sent = r"certificates\.email_certificate\[[^\]]+\] succeeded in [\d.]+s: True"
    worker.wait_for(lambda: len(re.findall(sent, worker.log())) >= LEARNERS, "the emails sent")
    assert len(re.findall(sent, worker.log())) == LEARNERS


def test_a_coordinator_chooses_a_cohorts_template_and_previews_it(demo, page):
    from certificates.models import CertificateTemplate, CohortCertificateSettings

    cohort = Cohort.objects.get(slug="cohort-2")
    special = CertificateTemplate.objects.create(name="พมส. รุ่นพิเศษ (e2e)")
    log_in(page, demo.url, "coordinator@example.org", next_url="/admin/")
    page.goto(f"{demo.url}/admin/issued-certificates/cohort/{cohort.pk}/")
    section = page.locator("#cohort-template")
    section.get_by_label("แม่แบบประกาศนียบัตร").select_option(label=special.name)
    section.get_by_role("button", name="เปลี่ยนแม่แบบ").click()
    page.wait_for_selector(".messages .success")
    assert special.name in page.locator(".messages").inner_text()
    preview = page.locator("#template-preview")
    assert preview.get_attribute("href").endswith(f"/template/{special.pk}/preview/")
    screenshot(page, "certificates-admin-cohort-template")
    assert CohortCertificateSettings.objects.get(cohort=cohort).template == special
