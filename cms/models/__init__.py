"""Site chrome: home, standard pages, news, navigation and footer."""

from .base import SitePage
from .chrome import FooterText, MenuItem
from .news import NewsIndexPage, NewsPage
from .pages import HomePage, StandardPage

__all__ = [
    "FooterText",
    "HomePage",
    "MenuItem",
    "NewsIndexPage",
    "NewsPage",
    "SitePage",
    "StandardPage",
]
