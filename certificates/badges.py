"""The programme's badge image, per programme and cohort: SVG and PNG, Thai and English.

The SVG keeps its words as text (searchable, sharp at any size); the PNG is drawn
with Pillow's Raqm layout, which shapes Thai (marks stacked above and below their
consonant) the way Pango does for the PDF. Both come from the same few strings.
"""

from dataclasses import dataclass
from functools import lru_cache
from io import BytesIO

from django.template.loader import render_to_string

from core.fonts import thai_font

SIZE = 600
TEAL, GOLD, INK, PAPER = "#0b5d7a", "#b8860b", "#1c2430", "#ffffff"


@dataclass(frozen=True)
class Badge:
    """What a badge says: the programme's short name, its names and the cohort."""

    short_th: str
    programme_th: str
    programme_en: str
    cohort_number: int | None = None

    @property
    def cohort_th(self) -> str:
        return f"รุ่นที่ {self.cohort_number}" if self.cohort_number else ""

    @property
    def cohort_en(self) -> str:
        return f"Cohort {self.cohort_number}" if self.cohort_number else ""

    @property
    def caption(self) -> str:
        parts = [self.programme_th, self.cohort_th, self.programme_en, self.cohort_en]
        return " · ".join(part for part in parts if part)


def for_certificate(certificate) -> Badge:
    return for_programme(
        certificate.programme_th, certificate.programme_en, certificate.cohort_number
    )


def for_programme(programme_th: str, programme_en: str, cohort_number=None) -> Badge:
    """The short name is the bracketed abbreviation of the Thai name, พมส. for ours."""
    short = programme_th.rsplit("(", 1)[-1].rstrip(") ") if "(" in programme_th else "พมส."
    name_th = programme_th.split("(", 1)[0].strip()
    return Badge(short, name_th, programme_en, cohort_number)


def svg(badge: Badge) -> str:
    return render_to_string("certificates/badge.svg", {"b": badge, "size": SIZE, **_colours()})


def png(badge: Badge) -> bytes:
    return _png(badge)


@lru_cache(maxsize=64)
def _png(badge: Badge) -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    middle = SIZE / 2
    draw.ellipse((8, 8, SIZE - 8, SIZE - 8), fill=TEAL, outline=GOLD, width=14)
    draw.ellipse((44, 44, SIZE - 44, SIZE - 44), outline=PAPER, width=3)
    lines = [
        (badge.short_th, _font(True, 120), PAPER, 215),
        (badge.cohort_th, _font(True, 56), GOLD, 318),
        (_fit(badge.programme_th, True, 30, 430), None, PAPER, 388),
        (_fit(badge.programme_en, False, 24, 400), None, PAPER, 428),
        (badge.cohort_en, _font(False, 28), GOLD, 468),
    ]
    for text, font, colour, y in lines:
        if isinstance(text, tuple):
            text, font = text
        if text:
            draw.text((middle, y), text, font=font, fill=colour, anchor="ms")
    out = BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _fit(text: str, bold: bool, size: int, width: int):
    """The largest size up to `size` at which the text fits in `width` pixels."""
    while size > 12 and _font(bold, size).getlength(text) > width:
        size -= 1
    return text, _font(bold, size)


def _font(bold: bool, size: int):
    return thai_font(size, bold=bold)


def _colours() -> dict:
    return {"teal": TEAL, "gold": GOLD, "paper": PAPER, "ink": INK}
