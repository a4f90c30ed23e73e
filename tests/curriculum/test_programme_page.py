import pytest

from curriculum.models import Partner, ProgrammePartner
from tests.curriculum.factories import CourseModulePageFactory, SiteVisitPageFactory, publish
from tests.factories import CohortFactory
from tests.html import page_text

pytestmark = pytest.mark.django_db


def test_the_programme_page_lists_every_cohort_with_its_status(client, site_tree):
    CohortFactory(title_th="พมส. รุ่นที่ 1", status="finished")
    CohortFactory(title_th="พมส. รุ่นที่ 2", status="running")
    html = client.get(site_tree["programme"].url).content.decode()
    assert "พมส. รุ่นที่ 1" in html and "พมส. รุ่นที่ 2" in html
    assert "badge" in html


def test_the_english_programme_page_shows_statuses_in_english(client, site_tree):
    CohortFactory(title_th="พมส. รุ่นที่ 2", title_en="Cohort 2", status="running")
    html = client.get(site_tree["programme_en"].url).content.decode()
    assert "Cohort 2" in html and "Running" in html


def test_the_programme_page_shows_targets_modules_visits_and_partners(client, site_tree):
    programme = site_tree["programme"]
    CourseModulePageFactory(parent=programme, title="เมืองน่าอยู่อัจฉริยะ")
    SiteVisitPageFactory(parent=programme, title="ศึกษาดูงาน เชียงราย")
    partner = Partner.objects.create(locale=programme.locale, name="สันนิบาตเทศบาลแห่งประเทศไทย")
    programme.partners = [ProgrammePartner(partner=partner)]
    publish(programme)
    html = page_text(client.get(programme.url))
    assert "300" in html and "2,000" in html
    assert "เมืองน่าอยู่อัจฉริยะ" in html and "ศึกษาดูงาน เชียงราย" in html
    assert "สันนิบาตเทศบาลแห่งประเทศไทย" in html


def test_the_programme_page_costs_the_same_queries_with_more_cohorts_and_modules(
    client, site_tree, django_assert_max_num_queries
):
    programme = site_tree["programme"]
    CohortFactory()
    CourseModulePageFactory(parent=programme)
    client.get(programme.url)
    with django_assert_max_num_queries(25) as few:
        client.get(programme.url)
    for _ in range(6):
        CohortFactory()
        CourseModulePageFactory(parent=programme)
        SiteVisitPageFactory(parent=programme)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(programme.url)
