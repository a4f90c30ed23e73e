"""Reading an uploaded CSV or XLSX table, for the enrolment and attendance imports.

read_table() only reads: each import checks and applies its rows itself.
"""

import csv
import io

from django.utils.translation import gettext as _

MAX_ROWS = 2000


class ImportFileError(ValueError):
    """The file cannot be read at all (wrong type, no header, too many rows)."""


def read_table(name: str, content: bytes, *, headers: dict[str, tuple[str, ...]]) -> list[dict]:
    """Rows as dicts keyed by our field names; the first row holds the headers.

    headers maps each field name to the column titles that mean it (each import
    passes its own); an "email" column is required."""
    if name.lower().endswith(".xlsx"):
        table = _xlsx(content)
    elif name.lower().endswith(".csv"):
        table = _csv(content)
    else:
        raise ImportFileError(_("Upload a .csv or .xlsx file."))
    if not table:
        raise ImportFileError(_("The file is empty."))
    columns = [_column(header, headers) for header in table[0]]
    if "email" not in columns:
        raise ImportFileError(_("The first row must name the columns, including “email”."))
    rows = [r for r in table[1:] if any(str(c or "").strip() for c in r)]
    if len(rows) > MAX_ROWS:
        raise ImportFileError(_("At most %(max)d rows per file.") % {"max": MAX_ROWS})
    return [
        {
            col: str(cell if cell is not None else "").strip()
            for col, cell in zip(columns, r, strict=False)
            if col
        }
        for r in rows
    ]


def _column(header: object, headers: dict) -> str | None:
    text = str(header or "").strip().lower()
    return next((key for key, names in headers.items() if text in names), None)


def _csv(content: bytes) -> list[list]:
    for encoding in ("utf-8-sig", "cp874"):
        try:
            text = content.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ImportFileError(_("Save the CSV file as UTF-8."))
    try:
        return list(csv.reader(io.StringIO(text)))
    except csv.Error as error:  # e.g. a cell longer than the csv module allows
        raise ImportFileError(
            _("This CSV file cannot be read (a cell is too long or the file is damaged).")
        ) from error


def _xlsx(content: bytes) -> list[list]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a broken file
        raise ImportFileError(_("This is not a readable Excel (.xlsx) file.")) from error
    sheet = book.worksheets[0]
    return [list(row) for row in sheet.iter_rows(values_only=True)]
