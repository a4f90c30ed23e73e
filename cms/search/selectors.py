"""Site search: live public pages of the current language, with highlighted snippets."""

import re
from dataclasses import dataclass

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from wagtail.models import Locale, Page

from .thai import segment

SNIPPET_CHARS = 220
PER_PAGE = 10


@dataclass
class SearchHit:
    page: Page
    snippet: SafeString

    @property
    def kind(self) -> str:
        return str(self.page._meta.verbose_name)


def search_pages(query: str, *, locale: Locale, page_number: int = 1) -> PaginatorPage:
    """One page of results (pages of `locale`), each with a highlighted snippet."""
    results = (
        Page.objects.live().public().filter(locale=locale).specific().search(query, operator="and")
    )
    paginator = Paginator(results, PER_PAGE)
    page = paginator.get_page(page_number)
    terms = query_terms(query)
    page.object_list = [SearchHit(hit, highlight(text_of(hit), terms)) for hit in page.object_list]
    return page


def query_terms(query: str) -> list[str]:
    """The words of the query as the index sees them (Thai segmented), longest first."""
    words = {word for word in segment(query).split() if len(word) > 1}
    return sorted(words, key=len, reverse=True)


def text_of(page: Page) -> str:
    """The text a snippet is cut from: the description, the intro, else the title."""
    return (
        " ".join(
            part
            for part in (getattr(page, "search_description", ""), getattr(page, "intro", ""))
            if part
        )
        or page.title
    )


def highlight(text: str, terms: list[str]) -> SafeString:
    """A window of `text` around the first match, matches wrapped in <mark>."""
    if not terms:
        return escape(text[:SNIPPET_CHARS])
    pattern = re.compile("|".join(re.escape(term) for term in terms), re.IGNORECASE)
    first = pattern.search(text)
    start = max(0, first.start() - SNIPPET_CHARS // 3) if first else 0
    window = text[start : start + SNIPPET_CHARS]
    marked = pattern.sub(lambda m: f"\x00{m.group(0)}\x01", window)
    html = escape(marked).replace("\x00", "<mark>").replace("\x01", "</mark>")
    prefix = "… " if start else ""
    suffix = " …" if start + SNIPPET_CHARS < len(text) else ""
    return mark_safe(prefix + html + suffix)  # noqa: S308 - built from escaped text
