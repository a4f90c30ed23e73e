"""Thai words kept whole at line ends (#14 item 9).

Browsers break Thai lines with their own dictionary (ICU), which splits words a Thai
reader sees as one: ท้อง|ถิ่น, เครือ|ข่าย, บู|รณาการ. `word-break: keep-all` does not
apply to Thai in Chromium, so each word the segmenter finds is wrapped in
`<span class="tw">` (white-space: nowrap, static/css/site.css) and the words are joined
with `<wbr>`: a line then ends only between words. Neither adds a character, so copying
or finding a word on the page works as before; the search index and meta tags read the
fields, not this output.
"""

import re
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import SafeData, SafeString, mark_safe

from cms.search.thai import THAI, thai_words

# A word this short is one syllable, which no browser splits: not wrapped, fewer bytes.
SHORTEST_WRAPPED = 4
TAG = re.compile(r"(<!--.*?-->|<[^>]*>)", re.DOTALL)
# Text inside these elements is not prose to break (or not shown at all).
RAW = re.compile(r"<(script|style|pre|textarea|title)\b", re.IGNORECASE)


@lru_cache(maxsize=8192)
def _mark_run(run: str) -> str:
    words = thai_words(run)
    return "<wbr>".join(
        f'<span class="tw">{word}</span>' if len(word) >= SHORTEST_WRAPPED else word
        for word in words
    )


def _mark_text(text: str) -> str:
    """Mark the Thai runs of escaped text (a Thai run holds no & or <, so this is safe)."""
    return THAI.sub(lambda match: _mark_run(match.group(0)), text)


def keep_thai_words(value) -> SafeString:
    """HTML for `value` whose Thai words stay whole at line ends. Plain text is escaped
    first; HTML (already safe, e.g. rich text) has only its text nodes marked."""
    if value is None or value == "":
        return mark_safe("")  # noqa: S308 - empty
    if not isinstance(value, SafeData):
        return mark_safe(_mark_text(escape(str(value))))  # noqa: S308 - escaped above
    html = str(value)
    if not THAI.search(html):
        return value
    out, raw_until = [], None
    for part in TAG.split(html):
        if part.startswith("<"):
            if raw_until is None and (raw := RAW.match(part)):
                raw_until = f"</{raw.group(1).lower()}"
            elif raw_until and part.lower().startswith(raw_until):
                raw_until = None
            out.append(part)
        else:
            out.append(part if raw_until else _mark_text(part))
    return mark_safe("".join(out))  # noqa: S308 - only text nodes changed, no markup added from them
