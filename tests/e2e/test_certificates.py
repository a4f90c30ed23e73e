"""A graduate downloads and shares; an employer verifies; a coordinator issues."""

import pytest

from cohorts import completion
from cohorts.completion import CheckResult
from cohorts.models import Cohort, Enrolment
from tests.e2e.conftest import log_in, screenshot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


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
    assert employer.locator(".badge-ok").count() == 1
    screenshot(employer, "certificates-verify-upload-genuine")
    code = employer.locator("dd code").inner_text()
    employer.goto(f"{demo.url}/en/verify/{code}/")
    assert "genuine and valid" in employer.content()
    employer.context.close()


def test_a_coordinator_issues_a_cohort_and_watches_the_progress(demo, page):
    cohort = Cohort.objects.get(slug="cohort-2")
    chosen = set(
        Enrolment.objects.filter(cohort=cohort).order_by("pk").values_list("pk", flat=True)[:3]
    )

    def two_teams_only(enrolment):
        met = enrolment.pk in chosen
        return CheckResult("e2e", met, "e2e", [] if met else ["Attendance below the minimum."])

    # Only this test's rule decides here: the demo's real attendance and assignment
    # checks would leave nobody in the running cohort-2 eligible.
    with completion.override_checks(two_teams_only):
        log_in(page, demo.url, "coordinator@example.org", next_url="/admin/")
        page.goto(f"{demo.url}/admin/issued-certificates/cohort/{cohort.pk}/")
        assert page.locator("#eligibility").get_by_text("Attendance below the minimum.").count() > 0
        page.get_by_role("button", name="ออกประกาศนียบัตรให้ผู้มีสิทธิ์ทุกคน").click()
        page.wait_for_selector("#batch-progress progress")
        page.wait_for_selector("#batch-report", timeout=120000)
        screenshot(page, "certificates-admin-batch-finished")
        assert "3 / 3" in page.locator("#batch-progress").inner_text()


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
