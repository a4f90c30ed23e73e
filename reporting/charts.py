"""The dashboard's charts, drawn on the server as SVG (they print and need no script).

Each sits beside a table of the same figures in the template, for screen readers and
for copying, so the SVGs carry a <title> and are hidden from screen readers there.
Every label is escaped; the numbers are ours. Bars and trends reuse evaluations.charts.
"""

import math
from collections.abc import Sequence

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from reporting.geography import GRID_COLUMNS, GRID_ROWS, REGION_OF, TILES

FONT = 'font-family="Laksaman, sans-serif"'
DARK, LIGHT, TRACK = "#1f6f8b", "#9cc9d9", "#eef2f5"
# Light to dark: no data, then five steps of the share (a sequential scale that prints).
SCALE = ["#f1f4f6", "#d4e8ef", "#9cc9d9", "#5ea6bf", "#2d7f9c", "#10506a"]
STATUS_COLOURS = ["#17663a", "#1f6f8b", "#c77c02", "#9aa5ad", "#d9dee2"]


def _svg(width: int, height: int, title: str, body: Sequence[str], size: int = 12) -> SafeString:
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" class="dashboard-chart" {FONT} font-size="{size}">'
        f"<title>{escape(title)}</title>"
    )
    return mark_safe(head + "".join(body) + "</svg>")  # noqa: S308  # labels escaped by callers


def _short(label: str, limit: int = 26) -> str:
    return escape(label if len(label) <= limit else label[: limit - 1] + "…")


def shade(share: float | None) -> str:
    """The colour of a share from 0 to 1 (None: nothing to show)."""
    if share is None or share <= 0:
        return SCALE[0]
    return SCALE[min(5, max(1, math.ceil(share * 5 - 1e-9)))]  # (0, .2] is step 1


def progress(value: int, part: int, target: int, *, title: str) -> SafeString:
    """One bar toward a target: ``value`` reached (light), ``part`` of it done (dark)."""
    width, bar = 520, 440
    full = max(target, value, 1)
    reached = round(bar * value / full)
    done = round(bar * part / full)
    marker = round(bar * target / full)
    body = [
        f'<rect x="0" y="6" width="{bar}" height="22" fill="{TRACK}"/>',
        f'<rect x="0" y="6" width="{reached}" height="22" fill="{LIGHT}"/>',
        f'<rect x="0" y="6" width="{done}" height="22" fill="{DARK}"/>',
        f'<line x1="{marker}" x2="{marker}" y1="2" y2="32" stroke="#333" stroke-width="2"/>',
        f'<text x="{bar + 8}" y="22">{value:,} / {target:,}</text>',
    ]
    return _svg(width, 36, title, body)


def funnel(rows: Sequence[tuple[str, int, int, int]], *, title: str) -> SafeString:
    """Per cohort three bars: enrolled, eligible, certified (``(label, e, el, c)`` rows)."""
    left, bar, step = 130, 300, 64
    top = max((max(r[1:]) for r in rows), default=0) or 1
    body = []
    for index, (label, *values) in enumerate(rows):
        y = 4 + index * step
        body.append(
            f'<text x="{left - 8}" y="{y + 30}" text-anchor="end">{_short(label, 18)}</text>'
        )
        for n, (value, colour) in enumerate(zip(values, (LIGHT, "#5ea6bf", DARK), strict=True)):
            length = round(bar * value / top)
            body.append(
                f'<rect x="{left}" y="{y + n * 19}" width="{length}" height="16" fill="{colour}"/>'
                f'<text x="{left + length + 6}" y="{y + n * 19 + 13}">{value}</text>'
            )
    return _svg(
        left + bar + 60,
        max(len(rows), 1) * step + 30,
        title,
        [
            *body,
            _legend(
                [(LIGHT, _("Enrolled")), ("#5ea6bf", _("Eligible")), (DARK, _("Certified"))],
                y=max(len(rows), 1) * step + 12,
            ),
        ],
    )


def _legend(items: Sequence[tuple[str, str]], *, y: int, x: int = 0) -> str:
    parts = []
    for index, (colour, label) in enumerate(items):
        left = x + index * 130
        parts.append(
            f'<rect x="{left}" y="{y - 10}" width="12" height="12" fill="{colour}"/>'
            f'<text x="{left + 16}" y="{y}">{_short(str(label), 16)}</text>'
        )
    return "".join(parts)


def heatmap(rows: Sequence[tuple[str, list[tuple[str, int | None]]]], *, title: str) -> SafeString:
    """Cohorts down, sessions across, each cell shaded by its attendance rate (%)."""
    left, cell = 90, 34
    columns = max((len(cells) for _label, cells in rows), default=1) or 1
    body = []
    for r, (label, cells) in enumerate(rows):
        y = 20 + r * cell
        body.append(
            f'<text x="{left - 8}" y="{y + 21}" text-anchor="end">{_short(label, 12)}</text>'
        )
        for c, (name, rate) in enumerate(cells):
            x = left + c * cell
            colour = shade(None if rate is None else rate / 100)
            text = "—" if rate is None else str(rate)
            ink = "#fff" if rate is not None and rate >= 60 else "#222"
            body.append(
                f'<rect x="{x}" y="{y}" width="{cell - 2}" height="{cell - 2}" fill="{colour}">'
                f"<title>{escape(label)} · {escape(name)}: {text}%</title></rect>"
                f'<text x="{x + (cell - 2) / 2}" y="{y + 20}" text-anchor="middle" '
                f'font-size="10" fill="{ink}">{text}</text>'
            )
    for c in range(columns):
        body.append(
            f'<text x="{left + c * cell + 16}" y="14" text-anchor="middle" font-size="10">'
            f"{c + 1}</text>"
        )
    return _svg(left + columns * cell + 8, 26 + max(len(rows), 1) * cell, title, body)


def stacked(
    rows: Sequence[tuple[str, list[int]]], legend: Sequence[str], *, title: str
) -> SafeString:
    """One bar per row split into parts (research projects by theme, by status)."""
    left, bar, step = 210, 300, 26
    top = max((sum(parts) for _label, parts in rows), default=0) or 1
    body = []
    for index, (label, parts) in enumerate(rows):
        y = 4 + index * step
        body.append(
            f'<text x="{left - 8}" y="{y + 15}" text-anchor="end">{_short(label, 30)}</text>'
        )
        x = left
        for n, value in enumerate(parts):
            length = round(bar * value / top)
            body.append(
                f'<rect x="{x}" y="{y + 2}" width="{length}" height="18" '
                f'fill="{STATUS_COLOURS[n]}"/>'
            )
            x += length
        body.append(f'<text x="{x + 6}" y="{y + 15}">{sum(parts)}</text>')
    height = 4 + len(rows) * step
    items = list(zip(STATUS_COLOURS, legend, strict=False))
    lines = [
        _legend(items[i : i + 4], y=height + 16 + 18 * (i // 4)) for i in range(0, len(items), 4)
    ]
    return _svg(left + bar + 50, height + 24 + 18 * ((len(items) - 1) // 4), title, body + lines)


def columns(
    rows: Sequence[tuple[str, int, int]], legend: tuple[str, str], *, title: str
) -> SafeString:
    """Two columns a month (certificates issued, verification lookups)."""
    bottom, height, slot = 40, 170, 46
    top = max((max(a, b) for _label, a, b in rows), default=0) or 1
    body = []
    for index, (label, first, second) in enumerate(rows):
        x = 30 + index * slot
        for n, (value, colour) in enumerate(((first, DARK), (second, LIGHT))):
            length = round((height - 20) * value / top)
            y = height - length
            body.append(
                f'<rect x="{x + n * 18}" y="{y}" width="16" height="{length}" fill="{colour}">'
                f"<title>{escape(label)}: {value}</title></rect>"
                f'<text x="{x + n * 18 + 8}" y="{y - 3}" text-anchor="middle" font-size="9">'
                f"{value}</text>"
            )
        body.append(
            f'<text x="{x + 17}" y="{height + 14}" text-anchor="middle" font-size="10">'
            f"{escape(label)}</text>"
        )
    width = max(30 + len(rows) * slot + 10, 280)
    if any(legend):
        body.append(_legend([(DARK, legend[0]), (LIGHT, legend[1])], y=height + bottom - 6, x=30))
    return _svg(width, height + bottom, title, body)


def province_map(counts: dict[str, int], names: dict[str, str], *, title: str) -> SafeString:
    """The 77 provinces as a tile grid, each shaded by its people reached."""
    cell = 30
    top = max(counts.values(), default=0) or 1
    body = []
    for code, (column, row) in TILES.items():
        value = counts.get(code, 0)
        x, y = 4 + column * cell, 4 + row * cell
        colour = shade(value / top if value else None)
        ink = "#fff" if value and value / top > 0.6 else "#222"
        region = REGION_OF[code]
        body.append(
            f'<rect x="{x}" y="{y}" width="{cell - 2}" height="{cell - 2}" rx="3" fill="{colour}" '
            f'stroke="#8895a0" stroke-width="0.5" data-region="{region}">'
            f"<title>{escape(names.get(code, code))}: {value}</title></rect>"
        )
        if value:
            body.append(
                f'<text x="{x + (cell - 2) / 2}" y="{y + 18}" text-anchor="middle" '
                f'font-size="10" fill="{ink}">{value}</text>'
            )
    legend_y = 14 + GRID_ROWS * cell
    steps = [(SCALE[0], "0")] + [(SCALE[n], f"≤ {top * n // 5}") for n in range(1, 6)]
    for index, (colour, label) in enumerate(steps):
        body.append(
            f'<rect x="{4 + index * 50}" y="{legend_y}" width="14" height="14" fill="{colour}" '
            f'stroke="#8895a0" stroke-width="0.5"/><text x="{22 + index * 50}" y="{legend_y + 11}" '
            f'font-size="10">{escape(str(label))}</text>'
        )
    return _svg(max(8 + GRID_COLUMNS * cell, 310), legend_y + 24, title, body)
