"""Certificate codes: a long random id for links, a short checked code for people.

The short code is 11 Crockford base32 symbols (55 random bits) and one
Crockford check symbol (value mod 37), grouped XXXX-XXXX-XXXX. Codes are
drawn so that the check symbol is one of the 32 ordinary symbols, which keeps
every code free of the punctuation Crockford uses for check values 32-36.
"""

import re
import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CHECK_ALPHABET = ALPHABET + "*~$=U"
DATA_LENGTH = 11
_NORMALISE = str.maketrans({"O": "0", "I": "1", "L": "1"})
_SHORT_RE = re.compile(r"^[0-9A-Z*~$=]{12}$")


def verification_id() -> str:
    """192 random bits, URL-safe: the id in links and QR codes."""
    return secrets.token_urlsafe(24)


def _value(symbols: str) -> int:
    value = 0
    for symbol in symbols:
        value = value * 32 + ALPHABET.index(symbol)
    return value


def short_code() -> str:
    while True:
        data = "".join(secrets.choice(ALPHABET) for _ in range(DATA_LENGTH))
        check = _value(data) % 37
        if check < 32:
            return format_short(data + ALPHABET[check])


def format_short(symbols: str) -> str:
    return "-".join(symbols[i : i + 4] for i in range(0, len(symbols), 4))


def normalise_short(text: str) -> str | None:
    """The canonical XXXX-XXXX-XXXX for a typed code, or None when it cannot be one.

    Accepts lower case, spaces and hyphens anywhere, O for 0 and I/L for 1;
    a wrong check symbol (a typo) gives None.
    """
    symbols = re.sub(r"[\s\-]", "", text or "").upper().translate(_NORMALISE)
    if not _SHORT_RE.match(symbols) or any(s not in ALPHABET for s in symbols[:DATA_LENGTH]):
        return None
    if CHECK_ALPHABET[_value(symbols[:DATA_LENGTH]) % 37] != symbols[DATA_LENGTH]:
        return None
    return format_short(symbols)
