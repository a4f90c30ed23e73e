"""Page addresses Thai readers can read: Thai letters kept whole, with their vowels and tone marks.

Django's `slugify` (and so Wagtail's) normalises to NFKC and keeps only `\\w`, which leaves out
the combining marks (Unicode category Mn: ิ ี ึ ื ุ ู ั ่ ้ ๊ ๋ ็ ์) and splits ำ into two
characters: ศึกษาดูงาน became ศกษาดงาน. Here a slug keeps letters, marks and digits, in NFC.
The admin's slug field does the same in the browser (static/cms/js/thai-slug.js).
"""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

_KEPT = ("L", "M", "N")


def _kept(char: str) -> bool:
    return char in "-_" or char.isspace() or unicodedata.category(char)[0] in _KEPT


def thai_slugify(value: str) -> str:
    """`value` as an address part: NFC, lower case, spaces to hyphens, Thai marks kept."""
    text = unicodedata.normalize("NFC", str(value)).lower()
    text = "".join(char for char in text if _kept(char))
    return re.sub(r"[-\s]+", "-", text).strip("-_")


def is_page_slug(value: str) -> bool:
    return bool(value) and all(
        char in "-_" or unicodedata.category(char)[0] in _KEPT for char in value
    )


def validate_page_slug(value: str) -> None:
    """Letters (any script, with their marks), digits, hyphens and underscores only."""
    if not is_page_slug(value):
        raise ValidationError(
            _("Use letters (Thai or English), numbers, hyphens or underscores only."),
            code="invalid",
        )


def stripped_slug(title: str) -> str:
    """The slug the old rule made from `title` (Thai marks lost), to find pages to repair."""
    return slugify(title, allow_unicode=True)


def needs_thai_slug(*, title: str, slug: str) -> bool:
    """True when `slug` is the old marks-stripped address of a Thai `title`."""
    readable = thai_slugify(title)
    return slug == stripped_slug(title) and readable != slug and bool(readable)
