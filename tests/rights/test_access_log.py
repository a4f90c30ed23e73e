"""Who exported or printed personal data, and when: every export records itself through
rights.access_log.record(), and coordinators read the log in the admin."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from rights.access_log import record
from rights.models import AccessLogEntry
from tests.attendance.factories import session_now

pytestmark = pytest.mark.django_db
LOG = "/admin/personal-data/access-log/"


def test_the_attendance_csv_is_logged_with_who_and_what(client, coordinator, cohort):
    client.force_login(coordinator)
    assert client.get(f"/cohorts/{cohort.slug}/attendance.csv").status_code == 200
    entry = AccessLogEntry.objects.get()
    assert entry.actor == coordinator and entry.action == "export"
    assert str(cohort) in entry.what and "CSV" in entry.what
    assert entry.actor_label == coordinator.get_full_name()


def test_the_xlsx_is_logged(client, coordinator, cohort):
    client.force_login(coordinator)
    client.get(reverse("attendance_admin:matrix_xlsx", args=[cohort.pk]))
    assert AccessLogEntry.objects.get().what.endswith("(XLSX)")


def test_printing_the_sign_in_sheet_is_logged(client, facilitator, cohort):
    session = session_now(cohort)
    session.facilitators.add(facilitator)
    client.force_login(facilitator)
    response = client.get(reverse("attendance_admin:sign_in_sheet", args=[session.pk]))
    assert response.status_code == 200
    entry = AccessLogEntry.objects.get()
    assert entry.action == "print" and entry.actor == facilitator


@pytest.mark.parametrize("who", ["anonymous", "learner", "other_learner", "facilitator"])
def test_a_refused_export_logs_nothing(client, request, who, cohort):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    assert client.get(f"/cohorts/{cohort.slug}/attendance.csv").status_code == 403
    assert not AccessLogEntry.objects.exists()


@pytest.mark.parametrize("who", ["anonymous", "learner", "other_learner", "facilitator"])
def test_only_coordinators_read_the_log(client, request, who, coordinator, rf):
    record(rf.get("/x"), "export", "ทำเนียบรุ่น", actor=coordinator)
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    response = client.get(LOG)
    assert response.status_code in (302, 403)
    assert "ทำเนียบรุ่น" not in response.content.decode()


def test_the_coordinator_reads_and_filters_the_log(client, coordinator, learner, rf):
    record(rf.get("/book.pdf"), "print", "ทำเนียบรุ่นที่ 1", actor=coordinator)
    record(rf.get("/me/data/"), "download", "ไฟล์ZIP-ของผู้เรียน", actor=learner)
    client.force_login(coordinator)
    html = client.get(LOG).content.decode()
    assert "ทำเนียบรุ่นที่ 1" in html and "ไฟล์ZIP-ของผู้เรียน" in html
    html = client.get(LOG, {"action": "print"}).content.decode()
    assert "ทำเนียบรุ่นที่ 1" in html and "ไฟล์ZIP-ของผู้เรียน" not in html
    html = client.get(LOG, {"action": "nonsense"}).content.decode()
    assert "ไฟล์ZIP-ของผู้เรียน" in html  # an unknown filter is ignored


def test_the_log_reads_in_the_same_queries_for_5_or_40_entries(client, coordinator, learner, rf):
    client.force_login(coordinator)

    def queries(n):
        for _ in range(n):
            record(rf.get("/x"), "export", "x", actor=learner)
        with CaptureQueriesContext(connection) as captured:
            client.get(LOG)
        return len(captured)

    assert queries(5) == queries(35)
