"""Exports of the cohort matrix (CSV, XLSX) and the paper sign-in sheet (PDF)."""

import csv
import io

from django.template.loader import render_to_string
from django.utils import translation

from attendance.selectors import Matrix
from core.dates import thai_date, thai_date_range
from core.exports import safe_row, xlsx_append

SHORT = {"present": "P", "late": "L", "excused": "E", "absent": "A", "": "-"}


def _header(matrix: Matrix) -> list[str]:
    sessions = [f"{session.number}" for session in matrix.sessions]
    return [
        "No.",
        "Name (Thai)",
        "Name (English)",
        "Email",
        "Team",
        *sessions,
        "Attended",
        "Total",
        "Required",
        "Percent",
        "Mandatory missed",
        "Standing",
    ]


def _rows(matrix: Matrix):
    for index, row in enumerate(matrix.rows, 1):
        user, standing = row.enrolment.user, row.standing
        cells = ["".join(SHORT[status] for status in cell) for cell in row.cells]
        yield [
            index,
            user.full_name_th,
            user.full_name_en,
            user.email,
            row.enrolment.team.name if row.enrolment.team else "",
            *cells,
            standing.attended_display,
            standing.total,
            standing.required,
            standing.percent,
            " ".join(str(n) for n in standing.mandatory_missed),
            standing.flag,
        ]


def _totals(matrix: Matrix) -> list:
    return ["", "Present or late", "", "", "", *matrix.column_totals]


def matrix_csv(matrix: Matrix) -> str:
    """One row per learner, one column per session (P/L/E/A per day), totals at the end."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(safe_row(_header(matrix)))
    writer.writerows(safe_row(row) for row in _rows(matrix))
    writer.writerow(safe_row(_totals(matrix)))
    return "\ufeff" + out.getvalue()  # BOM: Excel opens Thai text correctly


def matrix_xlsx(matrix: Matrix) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    fills = {"P": "C6EFCE", "L": "FFEB9C", "E": "DDEBF7", "A": "FFC7CE"}
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = matrix.cohort.slug[:31]
    xlsx_append(sheet, _header(matrix))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    first_session_column = 6
    for row in _rows(matrix):
        xlsx_append(sheet, row)
        for offset in range(len(matrix.sessions)):
            cell = sheet.cell(row=sheet.max_row, column=first_session_column + offset)
            colour = fills.get(str(cell.value or "")[:1])
            if colour:
                cell.fill = PatternFill("solid", fgColor=colour)
    xlsx_append(sheet, _totals(matrix))
    sheet.freeze_panes = "F2"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def sign_in_sheet_pdf(*, session, day, rows) -> bytes:
    """A Thai A4 sheet to sign by hand when the network or the projector fails."""
    from weasyprint import HTML

    with translation.override("th"):
        html = render_to_string(
            "attendance/pdf/sign_in_sheet.html",
            {
                "session": session,
                "day_th": thai_date(day, weekday=True),
                "dates_th": thai_date_range(session.starts_at, session.ends_at),
                "rows": rows,
            },
        )
    return HTML(string=html).write_pdf()
