"""The matrix body built in Python: 6,000 cells through the template language cost seconds."""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

LETTERS = {"present": "P", "late": "L", "excused": "E", "absent": "A", "": "·"}


def _cell(statuses: list[str], cancelled: bool) -> str:
    if cancelled:
        return f'<td class="att-cancelled" title="{escape(_("Cancelled"))}">×</td>'
    marks = "".join(
        f'<span class="att att-{status or "none"}">{LETTERS[status]}</span>' for status in statuses
    )
    return f"<td>{marks}</td>"


def matrix_cells_html(row, sessions) -> SafeString:
    """The <td> cells of one learner's row; statuses are our own choice values, names escaped.
    A cancelled session's cell is marked as such, not as unrecorded."""
    cells = (
        _cell(cell, session.is_cancelled) for cell, session in zip(row.cells, sessions, strict=True)
    )
    return mark_safe("".join(cells))  # noqa: S308


def learner_cell_html(row) -> SafeString:
    user = row.enrolment.user
    return mark_safe(f'<th scope="row">{escape(user.full_name_th or user.email)}</th>')  # noqa: S308
