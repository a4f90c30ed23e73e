"""Word segmentation for Thai text (PyThaiNLP, engine newmm).

Thai writes no spaces between words, so full-text indexes see a whole sentence as
one "word". Both the index and the query go through `segment()`, which puts a space
between Thai words and leaves other scripts as they are.
"""

import re
from functools import lru_cache

THAI = re.compile(r"[\u0E00-\u0E7F]+")
SPACES = re.compile(r"\s+")


@lru_cache(maxsize=1)
def _tokenize():
    from pythainlp.tokenize import word_tokenize

    return word_tokenize


def _segment_run(match: re.Match) -> str:
    words = _tokenize()(match.group(0), engine="newmm", keep_whitespace=False)
    return " " + " ".join(words) + " "


def segment(text: str) -> str:
    """Return `text` with a space between Thai words (other text is kept as it is)."""
    if not text or not THAI.search(text):
        return text
    return SPACES.sub(" ", THAI.sub(_segment_run, text)).strip()


def segment_value(value):
    """Segment a search field value: a string, or the list StreamField/RichText give."""
    if isinstance(value, str):
        return segment(value)
    if isinstance(value, (list, tuple)):
        return [segment_value(item) for item in value]
    return value
