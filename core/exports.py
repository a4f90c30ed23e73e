"""Cells for the spreadsheets we hand out: text a learner typed never becomes a formula.

Every export (CSV, XLSX; those added later too) writes its rows through
safe_row() (CSV) or xlsx_append() (XLSX). Text that starts with = + - @, a tab or a
carriage return is what Excel, LibreOffice and Google Sheets read as a formula (OWASP
"CSV injection").

- CSV has no types, so such text gets a leading apostrophe: spreadsheets show it as
  text and run nothing.
- XLSX has types: the cell is written as a string cell (never a formula) with Excel's
  quote prefix, so editing it later does not turn it into a formula either; its text
  is unchanged.

Numbers and dates pass unchanged (-3 stays a number); so does a bare run of dashes,
which no spreadsheet reads as a formula (the matrix uses "-" for "no record").
"""

from collections.abc import Iterable
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(value: object) -> bool:
    """True for text a spreadsheet would evaluate."""
    return isinstance(value, str) and value.startswith(FORMULA_STARTS) and value.strip("-") != ""


def safe_cell(value: Any) -> Any:
    """The value to write to a CSV: formula-like text gets a leading apostrophe."""
    return "'" + value if is_formula_like(value) else value


def safe_row(row: Iterable) -> list:
    """One CSV row, every cell through safe_cell(); for csv.writer.writerow()."""
    return [safe_cell(value) for value in row]


def xlsx_append(sheet: Any, row: Iterable) -> None:
    """Append a row to an openpyxl sheet; text cells are string cells, never formulas.

    openpyxl makes any str starting with "=" a formula cell; here every str is typed
    "s" after appending, and formula-like text also gets the quote prefix.
    """
    sheet.append(list(row))
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"
            if is_formula_like(cell.value):
                cell.quotePrefix = True
