"""seed_demo's curriculum: the programme, modules, site visits, research and news.

In both languages.
"""

import datetime as dt

import pytest

from django.core.management import call_command

from cms.models import MenuItem, NewsPage
from cohorts.models import Session
from curriculum.models import (
    CourseModulePage,
    ProgrammePage,
    ResearchProjectPage,
    ResearchThemePage,
    SiteVisitPage,
)
from curriculum.themes import ResearchTheme

pytestmark = pytest.mark.django_db


def _count(model, language):
    return model.objects.live().filter(locale__language_code=language).count()


def test_the_demo_publishes_the_curriculum_in_thai_and_english(client, demo_data):
    for language in ("th", "en"):
        assert _count(ProgrammePage, language) == 1
        assert _count(CourseModulePage, language) >= 8
        assert _count(SiteVisitPage, language) >= 3
        assert _count(ResearchProjectPage, language) >= 10
        assert _count(NewsPage, language) >= 3
        assert MenuItem.objects.filter(locale__language_code=language).count() >= 3
    themes = ResearchThemePage.objects.filter(locale__language_code="th")
    assert set(themes.values_list("theme", flat=True)) == set(ResearchTheme.values)

    visit = SiteVisitPage.objects.get(slug="khon-kaen-bcg", locale__language_code="th")
    days = [block.value["date"] for block in visit.agenda]
    assert days == [dt.date(2022, 12, 8), dt.date(2022, 12, 9), dt.date(2022, 12, 10)]
    khon_kaen = Session.objects.get(cohort__slug="cohort-1", number=6)
    assert khon_kaen.site_visit == visit and khon_kaen.module.slug == "bcg-circular-economy"
    assert (
        Session.objects.get(cohort__slug="cohort-1", number=12).site_visit.slug
        == "chiang-rai-heritage"
    )

    html = client.get("/en/programme/khon-kaen-bcg/").content.decode()
    assert "Khon Kaen study visit" in html and "8 December 2022" in html
    assert "Senior Urban Developer, cohort 1" in html

    pages_before = CourseModulePage.objects.count(), ResearchProjectPage.objects.count()
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert (CourseModulePage.objects.count(), ResearchProjectPage.objects.count()) == pages_before
