"""Word segmentation for Thai text (PyThaiNLP, engine newmm).

Thai writes no spaces between words, so full-text indexes see a whole sentence as
one "word". `segment()` puts a space between Thai words and leaves other scripts as
they are. The segmenter keeps dictionary compounds whole (มหาวิทยาลัยขอนแก่น is one
word to it), so the index also gets each compound's parts (`index_text()`) and a query
asks for the parts (`query_text()`): ขอนแก่น then finds "มหาวิทยาลัยขอนแก่น".
"""

import re
from functools import cache, lru_cache

THAI = re.compile(r"[\u0E00-\u0E7F]+")
SPACES = re.compile(r"\s+")

# A Thai word this long (in code points, marks included) may be a compound of
# dictionary words; parts shorter than MIN_PART are too short to mean much alone
# (อัจฉริยะ is not อัจฉ + ริ + ยะ), so such a split is not taken.
MIN_COMPOUND = 9
MIN_PART = 3


@lru_cache(maxsize=1)
def _tokenize():
    from pythainlp.tokenize import word_tokenize

    return word_tokenize


@lru_cache(maxsize=1)
def _dictionary() -> frozenset[str]:
    from pythainlp.corpus.common import thai_words

    return frozenset(thai_words())


@lru_cache(maxsize=8192)
def thai_words(run: str) -> tuple[str, ...]:
    """The words of a run of Thai text (newmm), cached: the same titles and paragraphs
    are segmented again and again, for the index and for the pages' line breaks."""
    return tuple(_tokenize()(run, engine="newmm", keep_whitespace=False))


def _segment_run(match: re.Match) -> str:
    return " " + " ".join(thai_words(match.group(0))) + " "


def segment(text: str) -> str:
    """Return `text` with a space between Thai words (other text is kept as it is)."""
    if not text or not THAI.search(text):
        return text
    return SPACES.sub(" ", THAI.sub(_segment_run, text)).strip()


@cache
def compound_parts(word: str) -> tuple[str, ...]:
    """The dictionary words a long Thai word is made of, fewest parts first
    (มหาวิทยาลัยขอนแก่น -> มหาวิทยาลัย, ขอนแก่น); () when it is not such a compound."""
    if len(word) < MIN_COMPOUND or not THAI.fullmatch(word):
        return ()
    words = _dictionary()
    # best[i]: the fewest dictionary words that make word[:i], or None
    best: list[tuple[str, ...] | None] = [()] + [None] * len(word)
    for end in range(MIN_PART, len(word) + 1):
        for start in range(0, end - MIN_PART + 1):
            head = best[start]
            if head is None or word[start:end] not in words:
                continue
            if start == 0 and end == len(word):
                continue  # the word itself is not a split
            candidate = (*head, word[start:end])
            if best[end] is None or len(candidate) < len(best[end]):  # type: ignore[arg-type]
                best[end] = candidate
    return best[-1] or ()


def _with_parts(word: str) -> list[str]:
    """`word`, then every part of it, and the parts of those parts."""
    out = [word]
    for part in compound_parts(word):
        out.extend(_with_parts(part))
    return out


def index_text(text: str) -> str:
    """What the index stores: the segmented words, each compound followed by its parts."""
    segmented = segment(text)
    if not segmented or not THAI.search(segmented):
        return segmented
    return " ".join(w for word in segmented.split() for w in _with_parts(word))


def query_text(text: str) -> str:
    """What a query asks for: the segmented words, a compound replaced by its parts
    (the index holds the parts of every compound, so this finds the compound too, and
    also the same words written apart)."""
    segmented = segment(text)
    if not segmented or not THAI.search(segmented):
        return segmented
    return " ".join(p for word in segmented.split() for p in (compound_parts(word) or (word,)))


def segment_value(value):
    """Prepare a value for the index: a string, or the list StreamField/RichText give."""
    if isinstance(value, str):
        return index_text(value)
    if isinstance(value, (list, tuple)):
        return [segment_value(item) for item in value]
    return value
