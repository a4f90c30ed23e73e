"""Exports of the cohort matrix (CSV, XLSX) and the paper sign-in sheet (PDF)."""

import csv
import io

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext, pgettext_lazy

from attendance.models import Status
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
            " ".join(str(n) for n in standing.mandatory_not_met),
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


FILLS = {"present": "C6EFCE", "late": "FFEB9C", "excused": "DDEBF7", "absent": "FFC7CE"}
# Excel's Thai Buddhist calendar (calendar 07, locale 041E): 12 ก.ค. 2569.
THAI_DATE_FORMAT = "[$-107041E]d mmm yyyy"
LEARNER_LABELS = [
    pgettext_lazy("attendance export", "No."),
    pgettext_lazy("attendance export", "Name (Thai)"),
    pgettext_lazy("attendance export", "Name (English)"),
    pgettext_lazy("attendance export", "Email"),
    pgettext_lazy("attendance export", "Team"),
]
LEARNER_COLUMNS = len(LEARNER_LABELS)


def _xlsx_header(matrix: Matrix) -> tuple[list, list]:
    """Two header rows: what each column is, then each session's date as a real date."""
    names = [str(label) for label in LEARNER_LABELS]
    sessions, dates = [], []
    for session in matrix.sessions:
        label = _("Session %(number)s") % {"number": session.number}
        if session.is_mandatory:
            label += " *"
        if session.is_cancelled:
            label += " " + _("(cancelled)")
        sessions.append(label)
        dates.append(timezone.localtime(session.starts_at).date())
    totals = [
        _("Sessions attended"),
        _("Sessions in the cohort"),
        _("Sessions required"),
        _("Percent attended"),
        _("Mandatory sessions not attended in person"),
        pgettext("attendance export", "Standing"),
    ]
    first = [*names, *sessions, *totals]
    second = [""] * LEARNER_COLUMNS + dates + [""] * len(totals)
    return first, second


def _xlsx_cell(cell: list[str], session) -> str:
    if session.is_cancelled:
        return str(_("Cancelled"))
    labels = dict(Status.choices)
    return " / ".join(str(labels[status]) if status else "-" for status in cell)


def _xlsx_rows(matrix: Matrix):
    for index, row in enumerate(matrix.rows, 1):
        user, standing = row.enrolment.user, row.standing
        yield [
            index,
            user.full_name_th,
            user.full_name_en,
            user.email,
            row.enrolment.team.name if row.enrolment.team else "",
            *(_xlsx_cell(cell, s) for cell, s in zip(row.cells, matrix.sessions, strict=True)),
            float(standing.attended_display),
            standing.total,
            standing.required,
            standing.percent,
            ", ".join(str(n) for n in standing.mandatory_not_met),
            str(standing.flag_label),
        ]


def matrix_xlsx(matrix: Matrix) -> bytes:
    """The matrix as a coordinator uses it in Excel: headers in the active language (Thai
    first), session dates as dates, figures as numbers, a totals row, the header frozen."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = matrix.cohort.slug[:31]
    first, second = _xlsx_header(matrix)
    xlsx_append(sheet, first)
    xlsx_append(sheet, second)
    bold = Font(bold=True)
    for cell in (*sheet[1], *sheet[2]):
        cell.font = bold
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if hasattr(cell.value, "year"):
            cell.number_format = THAI_DATE_FORMAT
    sessions = matrix.sessions
    for row, values in zip(matrix.rows, _xlsx_rows(matrix), strict=True):
        xlsx_append(sheet, values)
        for offset, (cell_statuses, session) in enumerate(zip(row.cells, sessions, strict=True)):
            colour = None if session.is_cancelled else FILLS.get(cell_statuses[0])
            if colour:
                cell = sheet.cell(row=sheet.max_row, column=LEARNER_COLUMNS + 1 + offset)
                cell.fill = PatternFill("solid", fgColor=colour)
        sheet.cell(
            row=sheet.max_row, column=LEARNER_COLUMNS + len(sessions) + 1
        ).number_format = "0.0"
    totals = [_("Present or late"), "", "", "", ""] + [
        None if session.is_cancelled else total for total, session in matrix.totals_by_session
    ]
    xlsx_append(sheet, [str(value) if isinstance(value, str) else value for value in totals])
    for cell in sheet[sheet.max_row]:
        cell.font = bold
    sheet.freeze_panes = sheet.cell(row=3, column=LEARNER_COLUMNS + 1)
    widths = {1: 6, 2: 28, 3: 24, 4: 28, 5: 22}
    for column in range(1, len(first) + 1):
        sheet.column_dimensions[get_column_letter(column)].width = widths.get(column, 13)
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
