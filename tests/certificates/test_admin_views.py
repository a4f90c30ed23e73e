"""Coordinator screens: eligibility with reasons, issuing, progress, revoke, preview."""

import datetime as dt

import pytest

from django.utils import timezone

from certificates import lookups, selectors
from certificates.models import Certificate, IssuanceBatch, LookupCount

pytestmark = pytest.mark.django_db
BASE = "/admin/issued-certificates"


@pytest.mark.parametrize("who", ["learner", "other_learner", "facilitator"])
def test_only_coordinators_see_the_certificate_screens(client, cohort, request, who):
    client.force_login(request.getfixturevalue(who))
    response = client.get(f"{BASE}/cohort/{cohort.pk}/")
    assert response.status_code in (302, 403)


@pytest.fixture
def screens(cohort, certificate, template):
    """Every coordinator screen: (method, url)."""
    from certificates import services

    batch = services.batch_start(cohort=cohort)
    return [
        ("get", f"{BASE}/"),
        ("get", f"{BASE}/cohort/{cohort.pk}/"),
        ("get", f"{BASE}/batch/{batch.pk}/progress/"),
        ("get", f"{BASE}/certificate/{certificate.pk}/"),
        ("get", f"{BASE}/template/{template.pk}/preview/"),
        ("post", f"{BASE}/cohort/{cohort.pk}/issue/"),
        ("post", f"{BASE}/certificate/{certificate.pk}/revoke/"),
    ]


@pytest.mark.parametrize("who", ["anonymous", "learner", "other_learner", "facilitator"])
def test_nobody_but_coordinators_reaches_any_certificate_screen(
    client, request, who, screens, certificate
):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    batches = IssuanceBatch.objects.count()
    for method, url in screens:
        response = getattr(client, method)(url, {"reason": "ไม่ควรทำได้"} if method == "post" else {})
        assert response.status_code in (302, 403), url
        assert certificate.holder.full_name_th not in response.content.decode(), url
    certificate.refresh_from_db()
    assert certificate.status == "valid" and IssuanceBatch.objects.count() == batches


def test_an_unknown_change_to_a_certificate_is_not_found_and_changes_nothing(
    client, coordinator, certificate
):
    client.force_login(coordinator)
    response = client.post(f"{BASE}/certificate/{certificate.pk}/delete/", {"reason": "x"})
    assert response.status_code == 404
    certificate.refresh_from_db()
    assert certificate.status == "valid" and certificate.superseded_by is None


def test_anonymous_visitors_are_sent_to_log_in(client, cohort):
    response = client.get(f"{BASE}/cohort/{cohort.pk}/")
    assert response.status_code == 302


def test_the_coordinator_sees_who_is_eligible_and_why_not(
    client, coordinator, cohort, enrolment, other_learner, completion_rule, template
):
    completion_rule.add(other_learner.enrolments.get().pk)
    client.force_login(coordinator)
    html = client.get(f"{BASE}/cohort/{cohort.pk}/").content.decode()
    assert enrolment.user.full_name_th in html and other_learner.full_name_th in html
    assert "Attended 8 of 15 sessions; 12 are required." in html
    assert 'name="override_reason"' in html


def test_issuing_the_cohort_shows_progress_and_a_report(
    client, coordinator, cohort, enrolment, template, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{BASE}/cohort/{cohort.pk}/issue/")
    assert response.status_code == 302
    batch = IssuanceBatch.objects.get()
    html = client.get(f"{BASE}/batch/{batch.pk}/progress/").content.decode()
    assert "<progress" in html and 'id="batch-report"' in html
    assert Certificate.objects.filter(enrolment=enrolment).exists()


def test_the_poll_that_sees_the_batch_finish_also_refreshes_the_cohort_table(
    client, coordinator, cohort, enrolment, template, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{BASE}/cohort/{cohort.pk}/issue/")
    batch, certificate = IssuanceBatch.objects.get(), Certificate.objects.get()
    url = f"{BASE}/batch/{batch.pk}/progress/"
    polled = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert 'id="eligibility" hx-swap-oob="true"' in polled and certificate.serial_label in polled
    issue_all = polled[polled.index('<form id="issue-all"') :]
    assert 'hx-swap-oob="true"' in issue_all.split(">", 1)[0] and "disabled" not in issue_all
    assert 'id="eligibility"' not in client.get(url).content.decode()
    page = client.get(f"{BASE}/cohort/{cohort.pk}/").content.decode()
    assert 'id="batch-report"' in page and "hx-swap-oob" not in page


def test_a_running_batch_polls_for_progress(client, coordinator, cohort, enrolment, template):
    from certificates import services

    batch = services.batch_start(cohort=cohort)  # not run yet: still running
    client.force_login(coordinator)
    html = client.get(f"{BASE}/batch/{batch.pk}/progress/").content.decode()
    assert 'hx-trigger="every 1s"' in html and "0 / 1" in html
    page = client.get(f"{BASE}/cohort/{cohort.pk}/").content.decode()
    issue_all = page[
        page.index('<form id="issue-all"') : page.index("</form>", page.index("issue-all"))
    ]
    assert "disabled" in issue_all and "กำลังออกประกาศนียบัตรอยู่" in issue_all


def test_issuing_one_non_eligible_learner_without_reason_is_refused_with_a_message(
    client, coordinator, enrolment, completion_rule, template
):
    completion_rule.add(enrolment.pk)
    client.force_login(coordinator)
    response = client.post(
        f"{BASE}/enrolment/{enrolment.pk}/issue/", {"override_reason": ""}, follow=True
    )
    assert not Certificate.objects.exists()
    assert "reason" in response.content.decode().lower() or "เหตุผล" in response.content.decode()


def test_revoking_from_the_admin_needs_a_reason(client, coordinator, certificate):
    client.force_login(coordinator)
    client.post(f"{BASE}/certificate/{certificate.pk}/revoke/", {"reason": ""})
    certificate.refresh_from_db()
    assert certificate.status == "valid"
    client.post(f"{BASE}/certificate/{certificate.pk}/revoke/", {"reason": "ออกผิดคน"})
    certificate.refresh_from_db()
    assert certificate.status == "revoked" and certificate.revocation_reason == "ออกผิดคน"


def test_the_certificate_page_tells_when_and_by_whom_it_was_issued_and_revoked(
    client, coordinator, enrolment, template, completion_rule
):
    from certificates import services

    completion_rule.add(enrolment.pk)
    certificate, _ = services.certificate_issue(
        enrolment=enrolment, issued_by=coordinator, override_reason="ป่วยช่วงครั้งที่ 6"
    )
    client.force_login(coordinator)
    html = client.get(f"{BASE}/certificate/{certificate.pk}/").content.decode()
    assert str(certificate.completed_on.year + 543) in html  # the Thai date
    assert coordinator.get_full_name() in html and "ยังไม่ได้ส่ง" in html  # not emailed yet
    assert "ป่วยช่วงครั้งที่ 6" in html and template.name in html
    assert 'data-confirm="' in html  # revoking asks first (static/js/behaviours.js)
    services.certificate_revoke(certificate=certificate, reason="ออกผิดคน", revoked_by=coordinator)
    html = client.get(f"{BASE}/certificate/{certificate.pk}/").content.decode()
    assert "ออกผิดคน" in html and "เพิกถอนเมื่อ" in html and "data-confirm" not in html


def test_revoking_from_the_admin_records_the_public_category(client, coordinator, certificate):
    client.force_login(coordinator)
    client.post(
        f"{BASE}/certificate/{certificate.pk}/revoke/",
        {"reason": "ผู้เรียนไม่ได้เข้าร่วม", "category": "replaced"},
    )
    certificate.refresh_from_db()
    assert certificate.status == "revoked" and certificate.revocation_category == "replaced"
    assert certificate.revocation_reason == "ผู้เรียนไม่ได้เข้าร่วม"


def test_reissuing_from_the_admin_supersedes(
    client, coordinator, certificate, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{BASE}/certificate/{certificate.pk}/reissue/", {"reason": "แก้ชื่อ"})
    certificate.refresh_from_db()
    assert certificate.status == "superseded" and certificate.superseded_by.status == "valid"


def test_a_template_preview_is_a_one_page_pdf_with_sample_data(client, coordinator, template):
    from io import BytesIO

    from pypdf import PdfReader

    client.force_login(coordinator)
    response = client.get(f"{BASE}/template/{template.pk}/preview/")
    reader = PdfReader(BytesIO(response.content))
    assert response["Content-Type"] == "application/pdf" and len(reader.pages) == 1
    assert "สมชาย" in reader.pages[0].extract_text()


def test_the_coordinator_sees_lookup_counts_by_period_with_readable_names(
    client, coordinator, certificate
):
    client.get(f"/verify/{certificate.short_code}/")
    client.get("/verify/XXXX-XXXX-XXXX/")
    client.get(f"/api/v1/certificates/{certificate.short_code}")
    lookups.lookups_flush()
    old = LookupCount.objects.filter(channel="api")
    old.update(day=timezone.localdate() - dt.timedelta(days=40))
    client.force_login(coordinator)
    html = client.get(f"{BASE}/").content.decode()
    table = html[html.index('id="lookup-counts"') :]
    # Thai labels, not the stored codes; per period: 7 days, 30 days, all time.
    assert "not-found" not in table and "ไม่พบ" in table and "หน้าตรวจสอบ" in table
    rows = {(r.channel, r.result): r for r in selectors.lookup_counts()}
    assert (rows["page", "valid"].last_7_days, rows["page", "valid"].total) == (1, 1)
    api = rows["api", "valid"]
    assert (api.last_7_days, api.last_30_days, api.total) == (0, 0, 1)


def test_lookup_counts_take_one_query(django_assert_num_queries, certificate):
    for channel in LookupCount.Channel.values:
        LookupCount.objects.create(
            day=timezone.localdate(), channel=channel, result="valid", certificate=certificate
        )
    with django_assert_num_queries(1):
        assert len(selectors.lookup_counts()) == len(LookupCount.Channel.values)


def test_the_template_editor_lists_templates_with_a_preview_link(client, coordinator, template):
    client.force_login(coordinator)
    html = client.get("/admin/certificate_templates/").content.decode()
    assert template.name in html and f"{BASE}/template/{template.pk}/preview/" in html
