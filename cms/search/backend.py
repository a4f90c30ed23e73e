"""Wagtail's database search backend with Thai queries segmented like the index.

Configured as WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] = "cms.search.backend".
It wraps whichever database backend Wagtail picks (SQLite FTS5, PostgreSQL,
fallback), so Thai search behaves the same on every database.
"""

import re

from modelsearch.backends.database import SearchBackend as database_backend

from .thai import query_text

UNSEARCHABLE = re.compile(r'[\x00-\x1f\x7f"]')


class ThaiQueryMixin:
    """Segment plain string queries into Thai words (compounds into their parts) before
    the backend parses them."""

    def search(self, query, *args, **kwargs):
        return super().search(_prepare(query), *args, **kwargs)

    def autocomplete(self, query, *args, **kwargs):
        return super().autocomplete(_prepare(query), *args, **kwargs)


def _prepare(query):
    return query_text(plain_query(query)) if isinstance(query, str) else query


def plain_query(query: str) -> str:
    """The query without what only breaks the database's parser: control characters
    (PostgreSQL refuses NUL in any string) and double quotes (SQLite FTS5 reads an
    unbalanced one as a syntax error). A visitor typing them meant no phrase syntax."""
    return UNSEARCHABLE.sub(" ", query)


_classes: dict[type, type] = {}


def SearchBackend(params):  # noqa: N802 - Wagtail looks the factory up by this name
    backend = database_backend(params)
    base = type(backend)
    if base not in _classes:
        _classes[base] = type(f"Thai{base.__name__}", (ThaiQueryMixin, base), {})
    backend.__class__ = _classes[base]
    return backend
