"""Which page type may live under which: editors only get sensible choices."""

from cms.models import EventsPage, HomePage, NewsIndexPage, NewsPage, StandardPage
from curriculum.models import (
    CourseModulePage,
    ProgrammePage,
    ResearchIndexPage,
    ResearchProjectPage,
    ResearchThemePage,
    SiteVisitPage,
)
from reporting.models import ImpactPage  # the impact page hangs under the home page too


def test_modules_and_site_visits_live_only_under_the_programme():
    assert set(ProgrammePage.allowed_subpage_models()) == {CourseModulePage, SiteVisitPage}
    assert CourseModulePage not in HomePage.allowed_subpage_models()
    assert SiteVisitPage not in StandardPage.allowed_subpage_models()


def test_the_research_showcase_nests_themes_then_projects():
    assert ResearchIndexPage.allowed_subpage_models() == [ResearchThemePage]
    assert ResearchThemePage.allowed_subpage_models() == [ResearchProjectPage]
    assert ResearchProjectPage.allowed_subpage_models() == []


def test_news_items_live_only_under_the_news_index():
    assert NewsIndexPage.allowed_subpage_models() == [NewsPage]
    assert NewsPage.allowed_parent_page_models() == [NewsIndexPage]


def test_the_home_page_offers_the_sections_of_the_site():
    assert set(HomePage.allowed_subpage_models()) == {
        ProgrammePage,
        ResearchIndexPage,
        NewsIndexPage,
        EventsPage,
        StandardPage,
        ImpactPage,
    }
