"""Search filters from the query string: the page type, and those higher apps register.

`?type=<page model name>` keeps one kind of page (coursemodulepage, newspage, ...);
an app above cms adds its own filter from AppConfig.ready() (curriculum: `?theme=`).
A value that is not one of a filter's choices is ignored, with no error.

    # curriculum/apps.py
    register_search_filter(SearchFilter("theme", _("Research theme"), choices, page_ids))
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

from django.http import QueryDict
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale, get_page_models

Q = TypeVar("Q")  # the page queryset being narrowed

# kinds of page a visitor has no reason to look for
NOT_LISTED = {"page", "homepage"}


@dataclass(frozen=True)
class SearchFilter:
    name: str  # the query-string parameter
    label: object  # a (lazy) translated string
    choices: Callable[[], list[tuple[str, str]]]  # (value, label) pairs
    page_ids: Callable[[str, Locale], Iterable[int]]  # the pages a value keeps


_filters: dict[str, SearchFilter] = {}


def register_search_filter(search_filter: SearchFilter) -> None:
    _filters[search_filter.name] = search_filter


def page_type_choices() -> list[tuple[str, str]]:
    """(model name, label) of every kind of page a visitor can search for."""
    models = [m for m in get_page_models() if m._meta.model_name not in NOT_LISTED]
    return sorted(
        ((m._meta.model_name, capfirst(str(m._meta.verbose_name))) for m in models),
        key=lambda choice: choice[1],
    )


def search_filters() -> list[SearchFilter]:
    """The page-type filter, then every registered one, for the search form."""
    page_type = SearchFilter("type", _("Kind of page"), page_type_choices, lambda value, locale: [])
    return [page_type, *_filters.values()]


def apply_filters(queryset: Q, params: QueryDict, locale: Locale) -> tuple[Q, dict[str, str]]:
    """`queryset` narrowed by each filter whose value is one of its choices, and those values."""
    chosen = {}
    models = {m._meta.model_name: m for m in get_page_models()}
    kind = params.get("type", "")
    if kind in models and kind not in NOT_LISTED:
        queryset = queryset.type(models[kind])  # type: ignore[attr-defined]
        chosen["type"] = kind
    for search_filter in _filters.values():
        value = params.get(search_filter.name, "")
        if value and value in dict(search_filter.choices()):
            ids = list(search_filter.page_ids(value, locale))
            queryset = queryset.filter(id__in=ids)  # type: ignore[attr-defined]
            chosen[search_filter.name] = value
    return queryset, chosen


__all__ = ["SearchFilter", "apply_filters", "register_search_filter", "search_filters"]
