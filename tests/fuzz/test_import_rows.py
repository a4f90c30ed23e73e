"""Property-based tests of the import readers and row checks (core.tables, enrolment and
attendance imports): any file is read or refused with ImportFileError, and checking any rows
reports problems without writing a thing."""

import csv
import io

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from django.db import connection

from attendance.imports import check_rows as check_attendance_rows
from attendance.imports import read_attendance_table
from cohorts.imports import HEADERS as ENROLMENT_HEADERS
from cohorts.imports import check_rows as check_enrolment_rows
from cohorts.imports import read_enrolment_table
from core.tables import ImportFileError
from tests.attendance.factories import session_now
from tests.fuzz.strategies import fuzz, short_text

pytestmark = pytest.mark.django_db

ENROLMENT_COLUMNS = list(ENROLMENT_HEADERS)
ATTENDANCE_COLUMNS = ["email", "status", "day", "excuse_reason", "note"]


def _csv(columns: list[str], rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def _rows(width: int, at_least: int = 0):
    return st.lists(
        st.lists(short_text, min_size=width, max_size=width), min_size=at_least, max_size=8
    )


def _writes() -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0)"
            " FROM pg_stat_xact_user_tables WHERE relname <> 'django_session'"
        )
        return cursor.fetchone()[0]


@fuzz
@given(
    content=st.binary(max_size=3000),
    name=st.sampled_from(["rows.csv", "rows.xlsx", "rows.txt"]),
)
@example(content=b"email\n\x00@example.org\n", name="rows.csv")
@example(content=b"PK\x03\x04" + b"\x00" * 100, name="rows.xlsx")
@example(content="อีเมล,ชื่อ\n".encode("utf-16"), name="rows.csv")
def test_any_file_is_read_or_refused_with_a_reason(content, name):
    for read in (read_enrolment_table, read_attendance_table):
        try:
            records = read(name, content)
        except ImportFileError as refusal:
            assert str(refusal)
        else:
            assert all(isinstance(value, str) for r in records for value in r.values())


@fuzz
@given(rows=_rows(len(ENROLMENT_COLUMNS)))
@example(rows=[['=HYPERLINK("http://evil.example")'] * len(ENROLMENT_COLUMNS)])
@example(rows=[["a@example.org", "นาย", "\u202eสมชาย", "\x00", "", "", "", "", "", "", ""]])
def test_checking_any_enrolment_rows_writes_nothing(cohort, postgres, rows):
    records = read_enrolment_table("rows.csv", _csv(ENROLMENT_COLUMNS, rows))
    before = _writes()
    checked = check_enrolment_rows(cohort=cohort, records=records)
    assert len(checked) == len(records)
    assert all(row.problems or row.action in ("new", "enrol", "unchanged") for row in checked)
    assert _writes() == before


@pytest.fixture
def session(cohort, learner):
    return session_now(cohort)


@fuzz
@given(rows=_rows(len(ATTENDANCE_COLUMNS), at_least=1))
@example(rows=[["\x00", "present", "31/02/2569", "", ""]])
@example(rows=[["x@example.org", "มา", "๑/๑๒/๒๕๖๙", "=cmd", "@SUM(A1)"]])
def test_checking_any_attendance_rows_writes_nothing(session, postgres, rows):
    try:
        records = read_attendance_table("rows.csv", _csv(ATTENDANCE_COLUMNS, rows))
    except ImportFileError as refusal:  # blank rows only: refused on reading, with a reason
        assert str(refusal)
        return
    before = _writes()
    checked = check_attendance_rows(
        session=session, records=records, default_day=session.starts_at.date()
    )
    assert len(checked) == len(records)
    assert _writes() == before
