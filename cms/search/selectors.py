"""Site search: live public pages of the current language, with highlighted snippets."""

import difflib
import re
from dataclasses import dataclass

from django.core.cache import cache
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.http import QueryDict
from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe

from wagtail.models import Locale, Page

from cms.lookups import public
from cms.page_cache import generation

from .filters import apply_filters
from .thai import compound_parts, index_text, segment

SNIPPET_CHARS = 220
PER_PAGE = 10
VOCABULARY_SECONDS = 3600
SIMILARITY = 0.75  # difflib ratio a suggested word needs (ขอนแกน ~ ขอนแก่น is 0.92)
WORD = re.compile(r"[\w\u0E00-\u0E7F]{3,}")


@dataclass
class SearchHit:
    page: Page
    snippet: SafeString
    title: SafeString

    @property
    def kind(self) -> str:
        return str(self.page._meta.verbose_name)


def search_results(query: str, *, locale: Locale, filters: QueryDict | None = None):
    """Live public pages of `locale` that have every word of `query`, best first,
    narrowed by the query string's filters (cms.search.filters; bad values ignored)."""
    pages = public(Page.objects.live()).filter(locale=locale)
    pages, _chosen = apply_filters(pages, filters or QueryDict(), locale)
    return pages.specific().search(query, operator="and")


def search_pages(
    query: str, *, locale: Locale, page_number: int = 1, filters: QueryDict | None = None
) -> PaginatorPage:
    """One page of results (pages of `locale`), each with a highlighted snippet."""
    paginator = Paginator(search_results(query, locale=locale, filters=filters), PER_PAGE)
    page = paginator.get_page(page_number)
    terms = query_terms(query)
    page.object_list = [
        SearchHit(hit, highlight(text_of(hit, terms), terms), highlight(hit.title, terms))
        for hit in page.object_list
    ]
    return page


def query_terms(query: str) -> list[str]:
    """The words of the query as the index sees them (Thai segmented, compounds and
    their parts), longest first so a compound is marked whole where it is written whole."""
    words = {part for word in segment(query).split() for part in (word, *compound_parts(word))}
    words = {word for word in words if len(word) > 1}
    return sorted(words, key=len, reverse=True)


def text_of(page: Page, terms: list[str] | None = None) -> str:
    """The text a snippet is cut from: the first of the description, the intro and the
    body that has a word of the query (else the description or intro, else the title)."""
    parts = [
        getattr(page, "search_description", ""),
        getattr(page, "intro", ""),
        _plain(getattr(page, "body", "")),
    ]
    parts = [part for part in parts if part]
    if terms:
        pattern = re.compile("|".join(re.escape(term) for term in terms), re.IGNORECASE)
        for part in parts:
            if pattern.search(part):
                return part
    return " ".join(parts[:2]) or page.title


def _plain(value: object) -> str:
    """The text of a rich text or StreamField value, without rendering it (no queries)."""
    if isinstance(value, str):
        return " ".join(strip_tags(value).split())
    raw = getattr(value, "raw_data", None)
    if raw is None:
        return ""
    return " ".join(_strings(list(raw)))


def _strings(data: object) -> list[str]:
    if isinstance(data, str):
        return [" ".join(strip_tags(data).split())]
    if isinstance(data, dict):  # a block {"type", "value", "id"}, or a struct's fields
        return _strings(
            data["value"] if "type" in data and "value" in data else list(data.values())
        )
    if isinstance(data, (list, tuple)):
        return [text for item in data for text in _strings(item)]
    return []


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


def suggest(query: str, *, locale: Locale) -> str:
    """The query with each word that no page has replaced by the nearest word pages
    have (ขอนแกน -> ขอนแก่น, circluar -> circular); "" when nothing would change."""
    vocabulary = _vocabulary(locale)
    words = query.split()
    suggested = [_nearest(word, vocabulary) for word in words]
    return " ".join(suggested) if suggested != words else ""


def _nearest(word: str, vocabulary: set[str]) -> str:
    key = word.lower()
    if key in vocabulary or not WORD.fullmatch(key):
        return word
    close = difflib.get_close_matches(key, vocabulary, n=1, cutoff=SIMILARITY)
    return close[0] if close else word


def _vocabulary(locale: Locale) -> set[str]:
    """Words of the live pages' titles, descriptions and intros in `locale` (with the
    parts of Thai compounds), cached until the next publish (the page cache's generation)."""
    key = f"cms:search:vocabulary:{generation()}:{locale.pk}"
    words = cache.get(key)
    if words is None:
        pages = Page.objects.live().public().filter(locale=locale).specific()
        text = " ".join(
            f"{page.title} {page.search_description} {getattr(page, 'intro', '')}" for page in pages
        )
        words = set(WORD.findall(index_text(text).lower()))
        cache.set(key, words, VOCABULARY_SECONDS)
    return words
