import datetime as dt

import pytest

from cms.models import FooterText, MenuItem
from tests.curriculum.factories import (
    NewsIndexPageFactory,
    NewsPageFactory,
    SiteVisitPageFactory,
    publish,
)
from tests.factories import CohortFactory
from tests.html import page_text

pytestmark = pytest.mark.django_db


def test_the_home_page_shows_the_next_cohort(client, site_tree):
    CohortFactory(title_th="พมส. รุ่นที่ 1", status="finished")
    CohortFactory(
        title_th="พมส. รุ่นที่ 3",
        status="enrolling",
        starts_on=dt.date(2027, 1, 10),
        ends_on=dt.date(2027, 9, 1),
    )
    html = client.get("/").content.decode()
    assert "พมส. รุ่นที่ 3" in html and "พมส. รุ่นที่ 1" not in html


def test_the_home_page_shows_the_latest_three_news_items_newest_first(client, site_tree):
    index = NewsIndexPageFactory(parent=site_tree["home"])
    for day in range(1, 5):
        NewsPageFactory(parent=index, title=f"ข่าววันที่ {day}", date=dt.date(2023, 1, day))
    html = page_text(client.get("/"))
    assert "ข่าววันที่ 1" not in html
    assert html.index("ข่าววันที่ 4") < html.index("ข่าววันที่ 3") < html.index("ข่าววันที่ 2")


def test_the_home_page_features_a_site_visit(client, site_tree):
    home = site_tree["home"]
    home.featured_site_visit = SiteVisitPageFactory(
        parent=site_tree["programme"], title="ดูงานขอนแก่น"
    )
    publish(home)
    assert "ดูงานขอนแก่น" in page_text(client.get("/"))


def test_navigation_and_footer_come_from_snippets_in_each_language(client, site_tree):
    thai = site_tree["home"].locale
    english = site_tree["home_en"].locale
    MenuItem.objects.create(locale=thai, label="หลักสูตรของเรา", page=site_tree["programme"])
    MenuItem.objects.create(locale=english, label="Our programme", page=site_tree["programme"])
    FooterText.objects.create(
        locale=thai, body="<p>ติดต่อสันนิบาตเทศบาล</p>", contact_email="a@example.org"
    )
    thai_html = client.get("/").content.decode()
    assert '<a href="/programme/">หลักสูตรของเรา</a>' in thai_html
    assert "ติดต่อสันนิบาตเทศบาล" in thai_html
    english_html = client.get("/en/").content.decode()
    # The English menu follows the page to its English translation.
    assert '<a href="/en/programme/">Our programme</a>' in english_html


def test_a_renamed_menu_item_shows_at_once(client, site_tree):
    item = MenuItem.objects.create(locale=site_tree["home"].locale, label="เดิม", url="/search/")
    client.get("/")
    item.label = "ใหม่"
    item.save()
    assert "ใหม่" in client.get("/").content.decode()


def test_the_home_page_costs_a_bounded_number_of_queries(
    client, site_tree, django_assert_max_num_queries
):
    index = NewsIndexPageFactory(parent=site_tree["home"])
    for _ in range(10):
        NewsPageFactory(parent=index)
        CohortFactory()
    client.get("/")
    with django_assert_max_num_queries(20):
        client.get("/")
