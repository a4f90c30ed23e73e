"""Site chrome: home, standard pages, news, navigation and footer."""

from .base import SitePage
from .chrome import FooterText, MenuItem
from .news import NewsIndexPage, NewsPage
from .pages import EventsPage, HomePage, StandardPage

__all__ = [
    "EventsPage",
    "FooterText",
    "HomePage",
    "MenuItem",
    "NewsIndexPage",
    "NewsPage",
    "SitePage",
    "StandardPage",
]
