"""Page HTML as a reader sees its words: without the marks that keep Thai words whole at
line ends (cms/thai_lines.py), so a test can look for a Thai phrase in a page."""

import re

MARKED_WORD = re.compile(r'<span class="tw">([^<]*)</span>')


def unmarked(html: str) -> str:
    return MARKED_WORD.sub(r"\1", html).replace("<wbr>", "")


def page_text(response) -> str:
    return unmarked(response.content.decode())
