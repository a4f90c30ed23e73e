"""Reading an uploaded CSV or XLSX table, for the enrolment and attendance imports.

read_table() only reads: each import checks and applies its rows itself. Reading
stops one row past MAX_ROWS, so a sheet of 170,000 rows is refused after 2,001 of
them (benchmarks/imports.py prints the time).
"""

import csv
import io
import zipfile
from collections.abc import Iterable
from xml.etree.ElementTree import iterparse  # noqa: S405 - expat limits entity expansion

from django.utils.translation import gettext as _

MAX_ROWS = 2000
MAX_COLUMNS = 50  # our sheets have a dozen; more is read as empty


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
    rows = table[1:]
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


def _filled(row) -> bool:
    return any(str(cell or "").strip() for cell in row)


def _header_and_rows(rows: Iterable) -> list[list]:
    """The header and the non-empty rows after it, at most one past the limit."""
    table: list[list] = []
    for row in rows:
        if table and not _filled(row):
            continue
        table.append(list(row))
        if len(table) > MAX_ROWS + 1:
            break
    return table


def _column(header, headers: dict) -> str | None:
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
        return _header_and_rows(csv.reader(io.StringIO(text)))
    except csv.Error as error:  # e.g. a cell longer than the csv module allows
        raise ImportFileError(
            _("This CSV file cannot be read (a cell is too long or the file is damaged).")
        ) from error


def _xlsx(content: bytes) -> list[list]:
    from openpyxl import load_workbook

    unreadable = _("This is not a readable Excel (.xlsx) file.")
    try:
        if _xlsx_rows_over_limit(content):
            raise ImportFileError(_("At most %(max)d rows per file.") % {"max": MAX_ROWS})
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except ImportFileError:
        raise
    except Exception as error:  # openpyxl raises many kinds for a broken file
        raise ImportFileError(unreadable) from error
    try:
        rows = book.worksheets[0].iter_rows(values_only=True, max_col=MAX_COLUMNS)
        return _header_and_rows(rows)
    except Exception as error:  # damaged XML further down the sheet
        raise ImportFileError(unreadable) from error
    finally:
        book.close()


def _xlsx_rows_over_limit(content: bytes) -> bool:
    """Count the first sheet's filled rows, streaming, and stop one past the limit.

    openpyxl reads the whole of a sheet that lacks a <dimension> element (as many
    generators write it) before it returns the first row: 22 s for 170,000 rows.
    This look-ahead stops at row 2,001 (or at 10 × MAX_ROWS rows, filled or not)."""
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
        if not sheets:
            return False
        first = min(sheets, key=lambda n: (len(n), n))  # sheet1.xml before sheet10.xml
        with archive.open(first) as sheet:
            filled = seen = 0
            for _event, element in iterparse(sheet):  # noqa: S314
                if element.tag.endswith("}row"):
                    seen += 1
                    filled += any(len(cell) for cell in element)  # a cell with a value
                    if filled > MAX_ROWS + 1 or seen > 10 * MAX_ROWS:
                        return True
                    element.clear()
    return False
