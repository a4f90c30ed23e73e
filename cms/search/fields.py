"""Search fields that index Thai text segmented into words.

Pages declare their text with `ThaiSearchField` (or take `thai_page_search_fields()`
for Page's own fields), so every value reaches the index already segmented: this is
the one place where indexed text is prepared, whatever the database backend.
"""

from wagtail.models import Page
from wagtail.search import index

from .thai import segment_value


class ThaiSearchField(index.SearchField):
    """A SearchField whose value is segmented into Thai words before indexing."""

    def get_value(self, obj):
        return segment_value(super().get_value(obj))


def thai_page_search_fields(*extra):
    """Page's search fields plus the title segmented into Thai words, plus `extra`."""
    return Page.search_fields + [ThaiSearchField("title", boost=2), *extra]
