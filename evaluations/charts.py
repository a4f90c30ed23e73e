"""Charts drawn on the server as SVG: they print, and need no script from anywhere.

Each chart sits beside a table of the same figures (the template's job), for screen
readers and for copying. Labels are escaped; the numbers are ours.
"""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

BAR_COLOUR = "#1f6f8b"
ROW = 26
LABEL_WIDTH = 180
BAR_WIDTH = 260


def bar_chart(bars, *, title: str) -> SafeString:
    """Horizontal bars, one per answer option: label, bar, count and percent."""
    height = ROW * len(bars) + 8
    width = LABEL_WIDTH + BAR_WIDTH + 90
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" class="evaluation-chart" '
        f'font-family="Laksaman, sans-serif" font-size="13"><title>{escape(title)}</title>'
    ]
    for index, bar in enumerate(bars):
        y = 4 + index * ROW
        length = round(BAR_WIDTH * bar.percent / 100)
        label = escape(bar.label if len(bar.label) <= 28 else bar.label[:27] + "…")
        parts.append(
            f'<text x="{LABEL_WIDTH - 6}" y="{y + 16}" text-anchor="end">{label}</text>'
            f'<rect x="{LABEL_WIDTH}" y="{y + 3}" width="{BAR_WIDTH}" height="18" fill="#eef2f5"/>'
            f'<rect x="{LABEL_WIDTH}" y="{y + 3}" width="{length}" height="18" '
            f'fill="{BAR_COLOUR}"/>'
            f'<text x="{LABEL_WIDTH + BAR_WIDTH + 6}" y="{y + 16}">{bar.count} ({bar.percent}%)'
            "</text>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308  # every label escaped above


def trend_chart(points, *, title: str) -> SafeString:
    """Averages (1-5) over time as a line with dots; ``points`` are (label, value or None)."""
    width, height, left, top, bottom = 560, 220, 34, 12, 40
    usable_w, usable_h = width - left - 12, height - top - bottom
    step = usable_w / max(len(points) - 1, 1)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" class="evaluation-chart" '
        f'font-family="Laksaman, sans-serif" font-size="12"><title>{escape(title)}</title>'
    ]
    for level in range(1, 6):
        y = top + usable_h * (5 - level) / 4
        parts.append(
            f'<line x1="{left}" x2="{width - 12}" y1="{y:.1f}" y2="{y:.1f}" stroke="#dde3e8"/>'
            f'<text x="{left - 8}" y="{y + 4:.1f}" text-anchor="end">{level}</text>'
        )
    coords = []
    for index, (label, value) in enumerate(points):
        x = left + step * index if len(points) > 1 else left + usable_w / 2
        parts.append(
            f'<text x="{x:.1f}" y="{height - bottom + 18}" text-anchor="middle">'
            f"{escape(label)}</text>"
        )
        if value is not None:
            y = top + usable_h * (5 - value) / 4
            coords.append(f"{x:.1f},{y:.1f}")
            parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{BAR_COLOUR}"/>')
    if len(coords) > 1:
        parts.insert(
            1,
            f'<polyline points="{" ".join(coords)}" fill="none" stroke="{BAR_COLOUR}" '
            'stroke-width="2"/>',
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308  # every label escaped above
