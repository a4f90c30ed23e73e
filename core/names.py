"""Names print on official certificates: only characters the certificate can draw.

validate_person_name() is the one rule for every name field (profile, the Wagtail
user admin, the enrolment import). It refuses, with a message that says which
character and what to do:

- control characters (NUL included) and invisible format characters: zero-width
  spaces and joiners, and the direction marks and overrides (U+202E printed
  "…LTR" reversed on a certificate);
- text a spreadsheet would run as a formula (= + - @ at the start), since names
  also travel in exports;
- any character outside what the certificate fonts draw (Laksaman, a TLWG Thai
  face): Thai, and Latin letters with the accents of Latin-1 (é, ü; Laksaman has
  no Latin Extended-A), digits and the punctuation names use. An emoji or a CJK character printed as
  empty boxes.
"""

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

DRAWABLE_RANGES = (
    (0x0020, 0x007E),  # Basic Latin: letters, digits, punctuation, space
    (0x00C0, 0x00FF),  # Latin-1 letters (é, ü …); × and ÷ are taken out below
    (0x0E01, 0x0E3A),  # Thai consonants, vowels and tone marks
    (0x0E3F, 0x0E5B),  # Thai: baht sign to the end of the block (digits, ๆ, ฯ)
    (0x2018, 0x2019),  # ‘ ’ as in O’Brien
)
NOT_IN_NAMES = {"×", "÷"}
FORMULA_STARTS = ("=", "+", "-", "@")


def _drawable(ch: str) -> bool:
    code = ord(ch)
    return ch not in NOT_IN_NAMES and any(low <= code <= high for low, high in DRAWABLE_RANGES)


def _shown(ch: str) -> str:
    """How a refused character is named in the message: itself if visible, else U+XXXX."""
    if unicodedata.category(ch)[0] in "CZ" and ch != " ":
        return f"U+{ord(ch):04X}"
    return ch


def name_problem(value: str) -> str | None:
    """The translated reason this name cannot print on a certificate, or None."""
    value = unicodedata.normalize("NFC", value or "")
    if value.startswith(FORMULA_STARTS):
        return _("A name cannot start with “%(char)s”. Type the name as it should be printed.") % {
            "char": value[0]
        }
    refused = list(dict.fromkeys(ch for ch in value if not _drawable(ch)))
    if not refused:
        return None
    return _(
        "The name contains characters that cannot be printed on a certificate: %(chars)s. "
        "Type the name again using Thai or English letters only (no emoji, no hidden or "
        "direction characters)."
    ) % {"chars": ", ".join(f"“{_shown(ch)}”" for ch in refused)}


def validate_person_name(value: str) -> None:
    """Django validator for every name field."""
    problem = name_problem(value)
    if problem:
        raise ValidationError(problem, code="name_characters")
