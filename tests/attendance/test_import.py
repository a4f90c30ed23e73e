"""Importing attendance from a file: preview writes nothing, clean rows only, never overwrite
silently, coordinators only."""

import datetime as dt
import io

import pytest
from openpyxl import Workbook

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from attendance.days import session_days
from attendance.imports import check_rows, parse_day
from attendance.models import AttendanceChange, AttendanceRecord, Method, Status
from attendance.selectors import standing_for
from attendance.services import AttendanceAlreadyRecorded, attendance_mark
from cohorts.models import Enrolment
from tests.attendance.factories import AttendanceRecordFactory
from tests.factories import BANGKOK, EnrolmentFactory, SessionFactory, UserFactory, bangkok_morning


@pytest.fixture
def session(cohort, facilitator):
    """One day, this morning: an import records a day, not an open check-in window
    (a session running now crosses midnight when the suite runs near it)."""
    session = SessionFactory(cohort=cohort, starts_at=bangkok_morning(0))
    session.facilitators.add(facilitator)
    return session


pytestmark = pytest.mark.django_db


def import_url(session):
    return reverse("attendance_admin:import", args=[session.pk])


def csv_file(rows, header=("email", "status"), name="sheet.csv") -> SimpleUploadedFile:
    lines = [",".join(header)] + [",".join(row) for row in rows]
    return SimpleUploadedFile(name, ("\n".join(lines) + "\n").encode("utf-8-sig"))


def xlsx_file(rows, header) -> SimpleUploadedFile:
    book = Workbook()
    sheet = book.active
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("sheet.xlsx", buffer.getvalue())


def upload(client, session, file, day=None):
    day = day or session_days(session)[0]
    return client.post(import_url(session), {"file": file, "day": day.isoformat()})


def confirm(client, session, response, **data):
    batch = response.context["confirm"].initial["batch"]
    return client.post(import_url(session), {"action": "confirm", "batch": batch, **data})


def problems(response) -> dict[int, str]:
    return {row.line: " ".join(row.problems) for row in response.context["rows"]}


@pytest.fixture
def staff(client, coordinator):
    client.force_login(coordinator)
    return client


# --- who may -----------------------------------------------------------------


def test_anonymous_is_sent_to_login(client, session):
    response = client.get(import_url(session))
    assert response.status_code == 302 and "login" in response["Location"]


@pytest.mark.parametrize("who", ["learner", "other_learner", "facilitator"])
def test_only_coordinators_may_import_even_the_sessions_facilitator(
    client, session, learner, who, request
):
    client.force_login(request.getfixturevalue(who))
    assert client.get(import_url(session)).status_code in (302, 403)
    response = upload(client, session, csv_file([[learner.email, "present"]]))
    assert response.status_code in (302, 403)
    assert not AttendanceRecord.objects.exists()


def test_the_facilitator_is_turned_away_and_sees_no_import_button(client, session, facilitator):
    client.force_login(facilitator)
    response = client.get(import_url(session))
    # Wagtail turns PermissionDenied into a redirect to the dashboard with a message.
    assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))
    grid = client.get(reverse("attendance_admin:grid", args=[session.pk]))
    assert import_url(session) not in grid.content.decode()


def test_the_coordinator_finds_the_screen_beside_the_grid(staff, session):
    grid = staff.get(reverse("attendance_admin:grid", args=[session.pk]))
    assert import_url(session) in grid.content.decode()
    response = staff.get(import_url(session))
    assert response.status_code == 200 and "นำเข้าการเข้าร่วม" in response.content.decode()


# --- preview and apply -------------------------------------------------------


def test_preview_lists_every_row_and_writes_nothing(staff, session, learner, other_learner):
    response = upload(
        staff, session, csv_file([[learner.email, "present"], [other_learner.email, "late"]])
    )
    assert response.status_code == 200
    assert "import-preview" in response.content.decode()
    assert response.context["counts"] == {"new": 2, "unchanged": 0, "conflict": 0, "error": 0}
    assert not AttendanceRecord.objects.exists()


def test_applying_records_import_rows_by_the_coordinator(
    staff, session, coordinator, learner, other_learner
):
    file = csv_file([[learner.email, "present"], [other_learner.email.upper(), " late "]])
    response = confirm(staff, session, upload(staff, session, file))
    assert response.status_code == 302
    records = {r.enrolment.user: r for r in AttendanceRecord.objects.select_related("enrolment")}
    assert {user: r.status for user, r in records.items()} == {
        learner: Status.PRESENT,
        other_learner: Status.LATE,
    }
    assert {(r.method, r.recorded_by) for r in records.values()} == {(Method.IMPORT, coordinator)}
    assert "บันทึกใหม่ 2" in staff.get(response["Location"]).content.decode()


def test_importing_the_same_file_twice_changes_nothing(staff, session, learner, other_learner):
    rows = [[learner.email, "excused", "ประชุมสภาเทศบาล"], [other_learner.email, "absent", ""]]
    header = ("email", "status", "excuse_reason")
    confirm(staff, session, upload(staff, session, csv_file(rows, header)))
    before = list(AttendanceRecord.objects.values_list("pk", "status", "updated_at"))
    second = upload(staff, session, csv_file(rows, header))
    assert second.context["counts"] == {"new": 0, "unchanged": 2, "conflict": 0, "error": 0}
    assert "import-confirm" not in second.content.decode()  # nothing to import
    assert list(AttendanceRecord.objects.values_list("pk", "status", "updated_at")) == before
    assert not AttendanceChange.objects.exists()


def test_xlsx_with_thai_headers_statuses_and_buddhist_era_days(staff, cohort, learner):
    starts_at = dt.datetime(2026, 7, 14, 9, 0, tzinfo=BANGKOK)
    visit = SessionFactory(
        cohort=cohort, starts_at=starts_at, ends_at=starts_at + dt.timedelta(days=2, hours=7)
    )
    header = ("อีเมล", "สถานะ", "วันที่", "เหตุผลการลา", "หมายเหตุ")
    rows = [
        (learner.email, "มา", "14/07/2569", "", ""),
        (learner.email, "สาย", "2026-07-15", "", "รถติด"),
        (learner.email, "ลา", dt.datetime(2026, 7, 16), "ป่วย", ""),
    ]
    response = upload(staff, visit, xlsx_file(rows, header))
    assert response.context["counts"]["new"] == 3, problems(response)
    confirm(staff, visit, response)
    assert dict(AttendanceRecord.objects.values_list("day", "status")) == {
        dt.date(2026, 7, 14): Status.PRESENT,
        dt.date(2026, 7, 15): Status.LATE,
        dt.date(2026, 7, 16): Status.EXCUSED,
    }
    assert AttendanceRecord.objects.get(status=Status.EXCUSED).excuse_reason == "ป่วย"


def test_rows_without_a_day_go_to_the_day_chosen_on_the_form(staff, cohort, learner):
    starts_at = dt.datetime(2026, 7, 14, 9, 0, tzinfo=BANGKOK)
    visit = SessionFactory(
        cohort=cohort, starts_at=starts_at, ends_at=starts_at + dt.timedelta(days=1, hours=7)
    )
    confirm(
        staff,
        visit,
        upload(staff, visit, csv_file([[learner.email, "ขาด"]]), day=dt.date(2026, 7, 15)),
    )
    assert AttendanceRecord.objects.get().day == dt.date(2026, 7, 15)


def test_every_problem_is_shown_in_thai_and_only_clean_rows_are_applied(
    staff, session, cohort, learner, other_learner, outsider
):
    withdrawn = EnrolmentFactory(cohort=cohort, status=Enrolment.Status.WITHDRAWN).user
    UserFactory(email="nobody-enrolled@example.org")
    header = ("email", "status", "day", "excuse_reason")
    today = session_days(session)[0]
    response = upload(
        staff,
        session,
        csv_file(
            [
                [learner.email, "present", "", ""],  # 2: clean
                ["ghost@example.org", "present", "", ""],  # 3: unknown email
                ["nobody-enrolled@example.org", "มา", "", ""],  # 4: not in this cohort
                [outsider.email, "มา", "", ""],  # 5: another cohort's learner
                [withdrawn.email, "มา", "", ""],  # 6: withdrawn
                [other_learner.email, "sleeping", "", ""],  # 7: invalid status
                [other_learner.email, "ลา", "", ""],  # 8: excused without a reason
                [other_learner.email, "ขาด", "01/01/2500", ""],  # 9: not a day of the session
                [other_learner.email, "ขาด", "tomorrow", ""],  # 10: unreadable day
                [learner.email, "late", today.isoformat(), ""],  # 11: same learner and day as 2
                ["", "มา", "", ""],  # 12: no email
            ],
            header,
        ),
    )
    found = problems(response)
    assert found[2] == ""
    assert "ไม่พบผู้ใช้ที่มีอีเมล" in found[3]
    assert "ไม่ได้ลงทะเบียนในรุ่นนี้" in found[4] and "ไม่ได้ลงทะเบียนในรุ่นนี้" in found[5]
    assert "ไม่ได้เป็นผู้เรียนของรุ่นนี้แล้ว" in found[6]
    assert "ไม่รู้จักสถานะ “sleeping”" in found[7]
    assert "การลาต้องระบุเหตุผล" in found[8]
    assert "ไม่ใช่วันของกิจกรรมนี้" in found[9]
    assert "อ่านวันที่ “tomorrow” ไม่ได้" in found[10]
    assert "ซ้ำกับบรรทัดที่ 2" in found[11]
    assert "ไม่มีอีเมล" in found[12]
    assert response.context["counts"]["error"] == 10
    confirm(staff, session, response)
    assert list(AttendanceRecord.objects.values_list("enrolment__user", flat=True)) == [learner.pk]


# --- existing records are never overwritten silently -------------------------


@pytest.fixture
def checked_in(session, enrolment):
    """The learner checked in by QR before the sheet was typed up."""
    return AttendanceRecordFactory(
        enrolment=enrolment, session=session, status=Status.PRESENT, method=Method.QR
    )


def test_a_different_status_is_a_conflict_kept_without_the_box(staff, session, learner, checked_in):
    response = upload(staff, session, csv_file([[learner.email, "absent"]]))
    assert response.context["counts"]["conflict"] == 1
    assert "มีบันทึกอยู่แล้วว่า มา (สแกน QR)" in response.content.decode()
    confirm(staff, session, response)
    checked_in.refresh_from_db()
    assert (checked_in.status, checked_in.method) == (Status.PRESENT, Method.QR)
    assert not AttendanceChange.objects.exists()


def test_the_box_needs_a_reason(staff, session, learner, checked_in):
    response = upload(staff, session, csv_file([[learner.email, "absent"]]))
    response = confirm(staff, session, response, change_existing="on", reason=" ")
    assert response.status_code == 200
    assert "ระบุเหตุผลที่เปลี่ยน" in response.content.decode()
    checked_in.refresh_from_db()
    assert checked_in.status == Status.PRESENT


def test_with_the_box_and_a_reason_the_change_is_audited(
    staff, session, learner, coordinator, checked_in
):
    header = ("email", "status", "note")
    response = upload(staff, session, csv_file([[learner.email, "late", "ลงชื่อ 10:05"]], header))
    reason = "ใบลงชื่อกระดาษแสดงว่ามาสาย"
    confirm(staff, session, response, change_existing="on", reason=reason)
    checked_in.refresh_from_db()
    assert checked_in.status == Status.LATE
    change = AttendanceChange.objects.get()
    assert (change.old_status, change.new_status, change.changed_by) == (
        Status.PRESENT,
        Status.LATE,
        coordinator,
    )
    assert change.reason == f"{reason} (ลงชื่อ 10:05)"


def test_a_check_in_made_after_the_preview_is_never_overwritten(staff, session, learner, enrolment):
    response = upload(staff, session, csv_file([[learner.email, "absent"]]))
    assert response.context["counts"]["new"] == 1
    qr = AttendanceRecordFactory(enrolment=enrolment, session=session, method=Method.QR)
    confirm(staff, session, response, change_existing="on", reason="ตามใบลงชื่อ")
    qr.refresh_from_db()
    assert qr.status == Status.PRESENT and not AttendanceChange.objects.exists()


def test_marking_without_overwrite_keeps_an_existing_record(
    session, enrolment, coordinator, checked_in
):
    with pytest.raises(AttendanceAlreadyRecorded):
        attendance_mark(
            session=session,
            enrolment=enrolment,
            day=checked_in.day,
            status=Status.ABSENT,
            by=coordinator,
            overwrite=False,
        )
    checked_in.refresh_from_db()
    assert checked_in.status == Status.PRESENT


# --- bad files ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("file", "message"),
    [
        (SimpleUploadedFile("sheet.pdf", b"%PDF-1.4"), "csv"),
        (SimpleUploadedFile("sheet.xlsx", b"not a zip"), "Excel"),
        (SimpleUploadedFile("sheet.csv", b""), "ไฟล์"),
        (SimpleUploadedFile("sheet.csv", b"name,status\nx,y\n"), "email"),
        (SimpleUploadedFile("sheet.csv", b"email,note\na@example.org,x\n"), "status"),
        (SimpleUploadedFile("sheet.csv", b"email,status\n"), "ไม่มีแถว"),
        (SimpleUploadedFile("sheet.csv", b'email,status\n"' + b"x" * 200_000 + b'",y\n'), "CSV"),
        (SimpleUploadedFile("sheet.csv", b"email,status\n" + b"a,b\n" * 2001), "2000"),
        (SimpleUploadedFile("sheet.csv", b"x" * (2 * 1024 * 1024 + 1)), "2 MB"),
    ],
)
def test_a_bad_file_is_a_form_error_not_a_crash(staff, session, file, message):
    response = upload(staff, session, file)
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors["file"])
    assert message in errors
    assert "rows" not in response.context


def test_an_expired_preview_asks_for_the_file_again(staff, session):
    response = staff.post(import_url(session), {"action": "confirm", "batch": "gone"})
    assert response.status_code == 302 and response["Location"] == import_url(session)


# --- the learner's standing follows ------------------------------------------


def test_completion_standing_counts_the_imported_day(staff, session, learner, enrolment):
    assert standing_for(enrolment).attended == 0
    confirm(staff, session, upload(staff, session, csv_file([[learner.email, "มา"]])))
    standing = standing_for(enrolment)
    assert standing.attended == 1 and standing.met


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2026-07-15", dt.date(2026, 7, 15)),
        ("2026-07-15 00:00:00", dt.date(2026, 7, 15)),
        ("15/07/2569", dt.date(2026, 7, 15)),
        ("15/7/2026", dt.date(2026, 7, 15)),
        ("", None),
    ],
)
def test_days_are_read_in_iso_and_thai_forms(text, day):
    assert parse_day(text) == day


def test_checking_a_sheet_takes_three_queries_whatever_its_length(
    session, cohort, django_assert_num_queries
):
    emails = [EnrolmentFactory(cohort=cohort).user.email for _ in range(15)]
    records = [{"email": email, "status": "มา"} for email in emails]
    with django_assert_num_queries(3):
        rows = check_rows(session=session, records=records, default_day=session_days(session)[0])
    assert {row.action for row in rows} == {"new"}
