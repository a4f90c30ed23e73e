"""The Thai font the platform draws pictures with: Laksaman from Debian's TLWG fonts.

Pillow's default bitmap font has no Thai glyphs (every letter becomes a box), and
without Raqm shaping the vowels and tone marks stack wrongly; both come from here.
"""

from functools import lru_cache
from pathlib import Path

FONT_DIRS = (Path("/usr/share/fonts/truetype/tlwg"), Path("/usr/share/fonts/opentype/tlwg"))


@lru_cache(maxsize=32)
def thai_font(size: int, *, bold: bool = False):
    """Laksaman (bold or regular) at `size` pixels, shaped by Raqm."""
    from PIL import ImageFont

    name = "Laksaman-Bold.ttf" if bold else "Laksaman.ttf"
    for folder in FONT_DIRS:
        if (folder / name).is_file():
            return ImageFont.truetype(str(folder / name), size, layout_engine=ImageFont.Layout.RAQM)
    raise FileNotFoundError(f"{name}: install Debian's fonts-tlwg-laksaman")


def thai_font_fitting(text: str, width: int, size: int, *, bold: bool = False):
    """The largest Laksaman up to `size` (not under 12) in which `text` fits `width` pixels."""
    while size > 12 and thai_font(size, bold=bold).getlength(text) > width:
        size -= 1
    return thai_font(size, bold=bold)
