"""Every custom admin screen keeps its address and name, and lives in its app's admin_views.

Each app writes its screens' URLs in <app>/admin_urls.py and mounts the module from
its wagtail_hooks.py (docs/architecture.md, "Admin screens").
"""

import pytest

from django.urls import resolve, reverse

SCREENS = [
    ("accounts_admin:stuck_work", [], "/admin/stuck-work/"),
    ("accounts_privacy:index", [], "/admin/privacy-notices/"),
    ("accounts_privacy:new", [], "/admin/privacy-notices/new/"),
    ("rights_admin:erasures", [], "/admin/personal-data/erasures/"),
    ("rights_admin:erasure", [5], "/admin/personal-data/erasures/5/"),
    ("rights_admin:access_log", [], "/admin/personal-data/access-log/"),
    (
        "accounts_admin:stuck_retry",
        ["session-notice", 7],
        "/admin/stuck-work/session-notice/7/retry/",
    ),
    ("cohorts_admin_generate", [1], "/admin/cohort-tools/1/generate/"),
    ("cohorts_admin_invite", [1], "/admin/cohort-tools/1/invite/"),
    ("cohorts_admin_import", [1], "/admin/cohort-tools/1/import/"),
    ("cohorts_admin_reschedule", [2], "/admin/cohort-tools/session/2/reschedule/"),
    ("cohorts_admin_cancel", [2], "/admin/cohort-tools/session/2/cancel/"),
    ("cohorts_admin_reopen", [2], "/admin/cohort-tools/session/2/reopen/"),
    ("cohorts_admin_withdraw", [3], "/admin/cohort-tools/enrolment/3/withdraw/"),
    ("cohorts_admin_transfer", [3], "/admin/cohort-tools/enrolment/3/transfer/"),
    ("attendance_admin:index", [], "/admin/attendance/"),
    ("attendance_admin:grid", [2], "/admin/attendance/session/2/"),
    ("attendance_admin:mark", [2], "/admin/attendance/session/2/mark/"),
    ("attendance_admin:statuses", [2], "/admin/attendance/session/2/statuses/"),
    ("attendance_admin:grid_row", [2, 3], "/admin/attendance/session/2/row/3/"),
    ("attendance_admin:close_day", [2], "/admin/attendance/session/2/close/"),
    ("attendance_admin:projector", [2], "/admin/attendance/session/2/projector/"),
    ("attendance_admin:projector_code", [2], "/admin/attendance/session/2/projector/code/"),
    ("attendance_admin:import", [2], "/admin/attendance/session/2/import/"),
    ("attendance_admin:sign_in_sheet", [2], "/admin/attendance/session/2/sign-in.pdf"),
    ("attendance_admin:record", [4], "/admin/attendance/record/4/"),
    ("attendance_admin:excuse_document", [4], "/admin/attendance/record/4/document/"),
    ("attendance_admin:matrix", [1], "/admin/attendance/cohort/1/"),
    ("attendance_admin:matrix_xlsx", [1], "/admin/attendance/cohort/1/attendance.xlsx"),
    ("assignment_admin:copy", [], "/admin/assignments/copy/"),
    ("evaluations_admin:index", [], "/admin/evaluations/"),
    ("evaluations_admin:copy", [], "/admin/evaluations/copy/"),
    ("evaluations_admin:results", [8], "/admin/evaluations/results/8/"),
    ("evaluations_admin:remind", [8], "/admin/evaluations/results/8/remind/"),
    ("evaluations_admin:results_xlsx", [8], "/admin/evaluations/results/8/results.xlsx"),
    ("evaluations_admin:results_pdf", [8], "/admin/evaluations/results/8/report.pdf"),
    ("evaluations_admin:cohort", [1], "/admin/evaluations/cohort/1/"),
    ("evaluations_admin:facilitator", [9], "/admin/evaluations/facilitator/9/"),
    ("reporting_admin:dashboard", [], "/admin/reporting/"),
    ("reporting_admin:dashboard_xlsx", [], "/admin/reporting/dashboard.xlsx"),
    ("reporting_admin:dashboard_pdf", [], "/admin/reporting/report.pdf"),
    ("admissions_admin:index", [], "/admin/admissions/"),
    ("admissions_admin:screening", [3], "/admin/admissions/intake/3/"),
    ("admissions_admin:bulk_status", [3], "/admin/admissions/intake/3/status/"),
    ("admissions_admin:enrol", [3], "/admin/admissions/intake/3/enrol/"),
    ("admissions_admin:application", [5], "/admin/admissions/application/5/"),
    ("admissions_admin:letter", [5], "/admin/admissions/application/5/letter/"),
    ("learning_admin:material_uptake", [8], "/admin/learning/material/8/opens/"),
    ("learning_admin:announcement_uptake", [9], "/admin/learning/announcement/9/reads/"),
    ("certificates_admin:index", [], "/admin/issued-certificates/"),
    ("certificates_admin:cohort", [1], "/admin/issued-certificates/cohort/1/"),
    ("certificates_admin:cohort_issue", [1], "/admin/issued-certificates/cohort/1/issue/"),
    ("certificates_admin:cohort_template", [1], "/admin/issued-certificates/cohort/1/template/"),
    ("certificates_admin:enrolment_issue", [3], "/admin/issued-certificates/enrolment/3/issue/"),
    ("certificates_admin:batch_progress", [5], "/admin/issued-certificates/batch/5/progress/"),
    ("certificates_admin:certificate", [6], "/admin/issued-certificates/certificate/6/"),
    (
        "certificates_admin:certificate_change",
        [6, "revoke"],
        "/admin/issued-certificates/certificate/6/revoke/",
    ),
    (
        "certificates_admin:template_preview",
        [7],
        "/admin/issued-certificates/template/7/preview/",
    ),
]


@pytest.mark.parametrize(("name", "args", "path"), SCREENS, ids=[s[0] for s in SCREENS])
def test_the_screen_keeps_its_address_and_its_view_lives_in_admin_views(name, args, path):
    assert reverse(name, args=args) == path
    view = resolve(path).func
    app = name.split("_")[0].replace("assignment", "assignments")
    assert view.__module__ == f"{app}.admin_views"
