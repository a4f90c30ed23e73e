"""Importing learners from CSV or XLSX: dry-run preview, valid rows only, idempotent."""

import io

import pytest
from openpyxl import Workbook

from django.core import mail
from django.utils import translation

from accounts.models import User
from cohorts.imports import apply_rows, check_rows
from cohorts.imports import read_enrolment_table as read_table
from cohorts.models import Enrolment
from core.tables import ImportFileError
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db
HEADER = ["email", "title", "first_name_th", "last_name_th", "position", "organisation", "role"]


@pytest.fixture(autouse=True)
def english():
    """Problems are read here in English; the Thai wording is checked at the end of this file."""
    with translation.override("en"):
        yield


@pytest.fixture
def organisation(db):
    return OrganisationFactory(name_th="เทศบาลนครขอนแก่น")


def _csv(rows, header=HEADER) -> bytes:
    lines = [",".join(header)] + [",".join(row) for row in rows]
    return ("\n".join(lines) + "\n").encode("utf-8-sig")


def _xlsx(rows, header=HEADER) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _good(n):
    return [
        f"mayor{n}@example.org",
        "นาย",
        f"สมศักดิ์{n}",
        "ใจดี",
        "นายกเทศมนตรี",
        "เทศบาลนครขอนแก่น",
        "executive",
    ]


def test_forty_clean_rows_from_excel_are_all_ready(cohort, organisation):
    records = read_table("learners.xlsx", _xlsx([_good(n) for n in range(40)]))
    rows = check_rows(cohort=cohort, records=records)
    assert len(rows) == 40 and {row.action for row in rows} == {"new"}


def test_preview_lists_every_problem_and_writes_nothing(cohort, organisation):
    bad = [
        ["not-an-email", "นาย", "ก", "ข", "", "เทศบาลนครขอนแก่น", ""],
        ["x@example.org", "นาย", "", "", "", "เทศบาลที่ไม่มีอยู่", ""],
        _good(1),
        _good(1),
        ["y@example.org", "นาย", "ค", "ง", "", "", "พ่อครัว"],
    ]
    rows = check_rows(cohort=cohort, records=read_table("f.csv", _csv(bad)))
    problems = {row.line: " ".join(row.problems) for row in rows}
    assert "Bad email" in problems[2]
    assert "Missing Thai" in problems[3] and "Unknown organisation" in problems[3]
    assert problems[4] == ""
    assert "Duplicate person" in problems[5]
    assert "Unknown role" in problems[6]
    assert not User.objects.filter(email="x@example.org").exists()


def test_confirming_imports_only_the_valid_rows_and_invites_them(
    cohort, organisation, django_capture_on_commit_callbacks
):
    records = read_table("f.csv", _csv([_good(1), ["bad", "นาย", "ก", "ข", "", "", ""], _good(2)]))
    with django_capture_on_commit_callbacks(execute=True):
        counts = apply_rows(cohort=cohort, rows=check_rows(cohort=cohort, records=records))
    assert counts == {"new": 2, "enrol": 0, "unchanged": 0, "error": 1}
    person = User.objects.get(email="mayor1@example.org")
    assert not person.has_usable_password()
    assert person.emailaddress_set.get().verified
    enrolment = Enrolment.objects.get(cohort=cohort, user=person)
    assert enrolment.position_snapshot == "นายกเทศมนตรี"
    assert enrolment.organisation_snapshot == organisation
    assert len(mail.outbox) == 2


def test_the_same_file_imported_twice_changes_nothing(
    cohort, organisation, django_capture_on_commit_callbacks
):
    content = _xlsx([_good(n) for n in range(5)])
    with django_capture_on_commit_callbacks(execute=True):
        apply_rows(
            cohort=cohort, rows=check_rows(cohort=cohort, records=read_table("a.xlsx", content))
        )
    sent = len(mail.outbox)
    rows = check_rows(cohort=cohort, records=read_table("a.xlsx", content))
    assert {row.action for row in rows} == {"unchanged"}
    with django_capture_on_commit_callbacks(execute=True):
        counts = apply_rows(cohort=cohort, rows=rows)
    assert counts["unchanged"] == 5 and Enrolment.objects.filter(cohort=cohort).count() == 5
    assert len(mail.outbox) == sent


def test_an_existing_person_is_enrolled_without_touching_their_profile(cohort, organisation):
    person = UserFactory(email="mayor1@example.org", first_name="เดิม")
    rows = check_rows(cohort=cohort, records=read_table("f.csv", _csv([_good(1)])))
    assert rows[0].action == "enrol"
    apply_rows(cohort=cohort, rows=rows)
    person.refresh_from_db()
    assert person.first_name == "เดิม" and person.has_usable_password()
    assert Enrolment.objects.filter(cohort=cohort, user=person).exists()


def test_thai_headers_are_understood(cohort, organisation):
    header = ["อีเมล", "คำนำหน้า", "ชื่อ", "นามสกุล", "ตำแหน่ง", "หน่วยงาน", "บทบาท"]
    records = read_table("f.csv", _csv([_good(1)[:-1] + ["นักวิจัย"]], header=header))
    assert check_rows(cohort=cohort, records=records)[0].action == "new"


def test_other_file_types_are_refused_with_a_clear_message(db):
    with pytest.raises(ImportFileError):
        read_table("learners.pdf", b"%PDF")


def test_a_broken_excel_file_is_refused(db):
    with pytest.raises(ImportFileError):
        read_table("learners.xlsx", b"not a zip")


def test_a_file_without_an_email_column_is_refused(db):
    with pytest.raises(ImportFileError):
        read_table("f.csv", _csv([["a"]], header=["name"]))


def test_problems_are_reported_in_thai_by_default(cohort, organisation):
    with translation.override("th"):
        rows = check_rows(
            cohort=cohort, records=read_table("f.csv", _csv([["x", "", "", "", "", "", ""]]))
        )
    assert "อีเมลไม่ถูกต้อง" in rows[0].problems[0]
    assert "ไม่มีชื่อหรือนามสกุลภาษาไทย" in rows[0].problems


def _damaged_after(rows: int, keep: float) -> bytes:
    """An XLSX of `rows` learners (no <dimension>, as write-only generators make it)
    whose sheet XML is cut off after the first `keep` of its bytes."""
    import zipfile

    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(HEADER)
    for n in range(rows):
        sheet.append(_good(n))
    whole = io.BytesIO()
    book.save(whole)
    damaged = io.BytesIO()
    with zipfile.ZipFile(whole) as source, zipfile.ZipFile(damaged, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data[: int(len(data) * keep)]
            target.writestr(item, data)
    return damaged.getvalue()


def test_reading_stops_at_the_row_limit_and_never_reaches_the_rest_of_the_sheet():
    # 3,000 rows, damaged after about 2,700: refused for its length, read no further.
    with translation.override("th"), pytest.raises(ImportFileError) as refused:
        read_table("learners.xlsx", _damaged_after(3000, 0.9))
    assert "2000" in str(refused.value)


def test_a_sheet_damaged_within_the_limit_is_refused_as_unreadable_not_a_crash():
    with pytest.raises(ImportFileError) as refused:
        read_table("learners.xlsx", _damaged_after(100, 0.5))
    assert "readable" in str(refused.value)


def test_blank_rows_between_learners_do_not_count_towards_the_limit():
    rows = [_good(n) if n % 2 else [""] * len(HEADER) for n in range(3000)]
    assert len(read_table("learners.xlsx", _xlsx(rows))) == 1500


@pytest.mark.parametrize(
    ("cell", "problem"),
    [("สมศักดิ์\x00", "NUL"), ("=HYPERLINK(1)", "cannot start"), ("สมศักดิ์😀", "😀")],
)
def test_a_row_with_a_name_the_profile_form_would_refuse_is_not_imported(
    cohort, organisation, cell, problem
):
    # As read_table() gives them (a CSV with NUL is refused whole; XLSX cannot hold one).
    record = {"email": "mayor1@example.org", "first_name": cell, "last_name": "ใจดี"}
    rows = check_rows(cohort=cohort, records=[record])
    assert rows[0].action == "error"
    assert any(problem in text for text in rows[0].problems)
