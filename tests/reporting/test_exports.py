"""The dashboard's XLSX and the funder's Thai PDF: the same figures, nobody named."""

import io
import shutil
import subprocess

import pytest
from openpyxl import load_workbook

from reporting import report
from reporting.selectors import programme_dashboard

pytestmark = pytest.mark.django_db


def test_the_workbook_has_a_sheet_per_chart_with_the_tables_figures(programme):
    book = load_workbook(io.BytesIO(report.dashboard_xlsx(programme_dashboard())))
    assert len(book.sheetnames) == 10
    targets = list(book.worksheets[0].iter_rows(values_only=True))
    assert targets[1][1:3] == (23, 2000) and targets[3][1:3] == (10, 300)
    provinces = list(book.worksheets[3].iter_rows(values_only=True))
    assert len(provinces) == 78  # a heading and the 77 provinces


def test_text_in_the_workbook_never_becomes_a_formula(programme):
    cohort = programme["cohorts"][0]
    cohort.title_th = "=HYPERLINK(1)"
    cohort.save()
    book = load_workbook(io.BytesIO(report.dashboard_xlsx(programme_dashboard())))
    cell = book.worksheets[1]["A2"]
    assert cell.value == "=HYPERLINK(1)" and cell.data_type == "s"


def test_the_pdf_report_is_thai_and_names_nobody(programme):
    pdf = report.dashboard_pdf(programme_dashboard())
    assert pdf.startswith(b"%PDF-")
    if shutil.which("pdftotext"):
        command = [shutil.which("pdftotext"), "-", "-"]
        text = subprocess.run(command, input=pdf, capture_output=True, check=True).stdout.decode()
        assert "77" in text and "2000" in text
        for enrolment in programme["enrolments"]:
            assert enrolment.user.first_name not in text


def test_the_map_shades_each_province_in_the_step_its_legend_says():
    from reporting.charts import SCALE, shade

    top = 9  # legend: 0, ≤ 1, ≤ 3, ≤ 5, ≤ 7, ≤ 9
    assert [shade(v / top if v else None) for v in (0, 1, 2, 3, 5, 7, 9)] == [
        SCALE[0], SCALE[1], SCALE[2], SCALE[2], SCALE[3], SCALE[4], SCALE[5]
    ]  # fmt: skip
