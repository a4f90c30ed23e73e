"""The public impact page: aggregates only, counted by a periodic job, Thai and English."""

import pytest

from django.utils import translation

from core.schedules import periodic_jobs
from reporting.impact import impact_figures, impact_refresh
from reporting.models import ImpactPage, ImpactSnapshot
from reporting.tasks import REFRESH_TASK, refresh_impact
from tests.curriculum.factories import build_site, translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(db):
    return build_site()


@pytest.fixture
def impact_page(site):
    page = site["home"].add_child(instance=ImpactPage(title="ผลลัพธ์ของหลักสูตร", slug="impact"))
    page.save_revision().publish()
    return page


@pytest.fixture
def impact_page_en(impact_page):
    return translate(impact_page, title="Programme impact", intro="Totals only")


def test_the_figures_are_counts_only(programme):
    figures = impact_figures()
    assert (figures["people"], figures["certified"], figures["local_governments"]) == (23, 1, 10)
    assert figures["provinces"] == {"TH-40": 8, "TH-50": 4, "TH-90": 4, "TH-10": 7}
    assert figures["themes"] == {"smart-health": 6, "disaster-management": 6}
    text = str(figures)
    for enrolment in programme["enrolments"]:
        assert enrolment.user.email not in text and enrolment.user.first_name not in text


def test_the_job_is_registered_like_every_periodic_job():
    job = next(job for job in periodic_jobs() if job.task == REFRESH_TASK)
    assert job.name == "Reporting: refresh the public impact figures"


def test_running_the_job_twice_keeps_the_latest_figures(programme):
    refresh_impact()
    refresh_impact()
    assert ImpactSnapshot.objects.count() == 2
    assert ImpactSnapshot.objects.latest().figures["people"] == 23


def test_the_page_shows_the_latest_figures_and_names_nobody(client, programme, impact_page):
    impact_refresh()
    response = client.get(impact_page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<strong>23</strong>" in html and "<strong>10</strong>" in html
    assert "ขอนแก่น" in html and html.count("<svg") >= 2
    for enrolment in programme["enrolments"]:
        assert enrolment.user.first_name not in html and enrolment.user.email not in html
    assert "csrfmiddlewaretoken" not in html  # cacheable for anonymous visitors


def test_the_page_before_any_count_says_so(client, impact_page):
    response = client.get(impact_page.url)
    assert response.status_code == 200 and "<svg" not in response.content.decode()


def test_the_english_page_shows_the_figures_in_english(client, programme, impact_page_en):
    impact_refresh()
    response = client.get(impact_page_en.url)
    assert response.status_code == 200 and impact_page_en.url.startswith("/en/")
    html = response.content.decode()
    assert "Khon Kaen" in html and "people in the programme" in html


def test_the_english_figures_name_provinces_in_english(programme):
    from reporting.impact import impact_context

    impact_refresh()
    with translation.override("en"):
        rows = dict(impact_context()["province_rows"])
    assert rows["Khon Kaen"] == 8 and rows["Bangkok"] == 7


def test_refreshing_clears_the_public_page_cache(programme):
    from cms.page_cache import generation

    before = generation()
    impact_refresh()
    assert generation() != before
