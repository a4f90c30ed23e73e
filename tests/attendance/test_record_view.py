"""The record page: its trail, and corrections that must say why."""

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from attendance.days import session_days
from attendance.models import AttendanceChange
from attendance.services import attendance_mark

pytestmark = pytest.mark.django_db


@pytest.fixture
def record(session, enrolment, facilitator):
    return attendance_mark(
        session=session,
        enrolment=enrolment,
        day=session_days(session)[0],
        status="absent",
        by=facilitator,
    )


def url(record):
    return reverse("attendance_admin:record", args=[record.pk])


@pytest.mark.parametrize("who", ["learner", "other_learner", "other_facilitator"])
def test_only_staff_of_the_session_see_the_record(client, record, who, request):
    client.force_login(request.getfixturevalue(who))
    assert client.get(url(record)).status_code in (302, 403)


def test_excusing_with_a_reason_and_document_shows_in_the_trail(client, record, coordinator):
    client.force_login(coordinator)
    response = client.post(
        url(record),
        {
            "status": "excused",
            "excuse_reason": "ติดภารกิจราชการ",
            "reason": "มีหนังสือแจ้งล่วงหน้า",
            "excuse_document": SimpleUploadedFile(
                "letter.pdf", b"%PDF-1.4 letter", "application/pdf"
            ),
        },
    )
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.status == "excused" and record.excuse_document
    page = client.get(url(record)).content.decode()
    assert "มีหนังสือแจ้งล่วงหน้า" in page and "ติดภารกิจราชการ" in page
    change = AttendanceChange.objects.get()
    assert (change.old_status, change.new_status, change.changed_by) == (
        "absent",
        "excused",
        coordinator,
    )
    download = client.get(reverse("attendance_admin:excuse_document", args=[record.pk]))
    assert b"".join(download.streaming_content) == b"%PDF-1.4 letter"


def test_a_correction_without_a_reason_is_refused_and_changes_nothing(client, record, coordinator):
    client.force_login(coordinator)
    response = client.post(url(record), {"status": "present", "reason": ""})
    assert response.status_code == 200
    assert "เก็บไว้ในประวัติ" in response.content.decode()  # ... it is kept in the trail.
    record.refresh_from_db()
    assert record.status == "absent"
    assert not AttendanceChange.objects.exists()


def test_excusing_without_the_excuse_reason_is_refused(client, record, coordinator):
    client.force_login(coordinator)
    response = client.post(url(record), {"status": "excused", "reason": "แก้ไข"})
    assert "การลาต้องระบุเหตุผล" in response.content.decode()  # An excused absence needs a reason.
    record.refresh_from_db()
    assert record.status == "absent"
