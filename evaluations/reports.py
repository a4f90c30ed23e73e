"""An evaluation's results handed out: XLSX (neutralised cells) and a printable Thai PDF.

Neither names anyone: they hold counts, averages and comments, and nothing at all
below MIN_RESPONSES responses.
"""

import io

from openpyxl import Workbook

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from core.exports import xlsx_append
from evaluations.charts import BAR_COLOUR, bar_chart
from evaluations.selectors import Results


def results_xlsx(results: Results) -> bytes:
    book = Workbook()
    summary = book.active
    summary.title = _("Summary")[:31]
    evaluation = results.evaluation
    xlsx_append(summary, [_("Evaluation"), evaluation.title_th])
    xlsx_append(summary, [_("Cohort"), str(evaluation.cohort)])
    xlsx_append(summary, [_("Responses"), results.responses, _("Expected"), results.expected])
    xlsx_append(summary, [_("Response rate (%)"), results.rate])
    if not results.shown:
        xlsx_append(summary, [_("Fewer than 5 responses: results are not shown.")])
        return _bytes(book)
    xlsx_append(summary, [])
    xlsx_append(summary, [_("Question"), _("Answers"), _("Average"), _("Option"), _("Count")])
    for row in results.questions:
        head = [row.question.text_th, row.answered, row.average]
        if not row.bars:
            xlsx_append(summary, head)
        for index, bar in enumerate(row.bars):
            xlsx_append(summary, [*(head if index == 0 else ["", "", ""]), bar.label, bar.count])
    comments = book.create_sheet(_("Comments and suggestions")[:31])
    xlsx_append(comments, [_("Question"), _("Comment or suggestion")])
    for row in results.questions:
        for text in row.comments:
            xlsx_append(comments, [row.question.text_th, text])
    return _bytes(book)


def _bytes(book: Workbook) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def charted(results: Results) -> list[tuple]:
    """Each question with its chart (None for text questions)."""
    return [
        (row, bar_chart(row.bars, title=row.question.text_th) if row.bars else None)
        for row in results.questions
    ]


def pdf_bars(results: Results) -> list[tuple]:
    """Each question with its bars as HTML rows (label, [(count (percent), width %, colour)]),
    None for text questions. WeasyPrint draws SVG text glyph by glyph, so Thai answer labels
    (มากที่สุด) lost their vowels and tone marks in the SVG chart; Pango shapes HTML."""
    return [
        (row, [(bar.label, [(f"{bar.count} ({bar.percent}%)", bar.percent, BAR_COLOUR)])
               for bar in row.bars] if row.bars else None)
        for row in results.questions
    ]  # fmt: skip


def results_pdf_html(results: Results) -> str:
    """The report's HTML, in Thai: A4, Laksaman, lang="th" so Pango breaks Thai lines."""
    with translation.override("th"):
        return render_to_string(
            "evaluations/pdf/results.html", {"results": results, "rows": pdf_bars(results)}
        )


def results_pdf(results: Results) -> bytes:
    from weasyprint import HTML

    return HTML(string=results_pdf_html(results)).write_pdf()
