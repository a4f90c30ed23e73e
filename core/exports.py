"""Cells for the spreadsheets we hand out: text a learner typed never becomes a formula.

Every export (CSV, XLSX; those added later too) writes its rows through
safe_row() (CSV) or xlsx_append() (XLSX); Wagtail's own exports (its reports, any listing
with list_export) pass through safe_cell() too, by neutralise_wagtail_exports(). Text
that starts with = + - @, a tab or a carriage return is what Excel, LibreOffice and
Google Sheets read as a formula (OWASP "CSV injection").

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


def neutralise_wagtail_exports() -> None:
    """Wagtail's own exports (site history, page and workflow reports, any listing given
    list_export) go through the same cells: CSV values through safe_cell(), formula-like XLSX
    text as a quoted string cell. Wagtail types an XLSX "=..." cell as a string but writes its
    CSV cells as they are; a learner's name reaches them as an object's label or a user.
    Called once from CoreConfig.ready()."""
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    if getattr(SpreadsheetExportMixin, "_cells_neutralised", False):
        return
    preprocess = SpreadsheetExportMixin.preprocess_field_value
    xlsx_row = SpreadsheetExportMixin.generate_xlsx_row

    def preprocess_field_value(self, field, value, export_format):
        value = preprocess(self, field, value, export_format)
        return safe_cell(value) if export_format == self.FORMAT_CSV else value

    def generate_xlsx_row(self, worksheet, row_dict, date_format=None):
        for cell in xlsx_row(self, worksheet, row_dict, date_format):
            if is_formula_like(cell.value):
                cell.data_type = "s"
                cell.quotePrefix = True
            yield cell

    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
    SpreadsheetExportMixin.generate_xlsx_row = generate_xlsx_row
    SpreadsheetExportMixin._cells_neutralised = True
