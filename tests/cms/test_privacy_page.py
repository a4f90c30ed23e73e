"""/privacy/ shows the versioned privacy notice in force, not a CMS text of its own that
could disagree with what people accepted; earlier versions are listed with their dates."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from wagtail.blocks import StreamValue

from accounts.privacy import notice_publish
from cms.models import StandardPage
from tests.curriculum.factories import publish, translate
from tests.html import page_text

pytestmark = pytest.mark.django_db
BANGKOK = ZoneInfo("Asia/Bangkok")


@pytest.fixture
def privacy_page(site_tree):
    page = StandardPage(title="นโยบายความเป็นส่วนตัว", slug="privacy", intro="")
    page.body = StreamValue(page.body.stream_block, [("paragraph", "<p>ข้อความเก่าใน CMS</p>")])
    site_tree["home"].add_child(instance=page)
    publish(page)
    translate(page, title="Privacy policy", slug="privacy")
    return page


@pytest.fixture
def versions(db):
    first = notice_publish(
        body_th="ฉบับแรกของประกาศ", body_en="The first notice",
        published_at=dt.datetime(2022, 12, 8, 9, tzinfo=BANGKOK),
    )  # fmt: skip
    second = notice_publish(
        body_th="ฉบับที่สองของประกาศ", body_en="The second notice",
        published_at=dt.datetime(2023, 6, 1, 9, tzinfo=BANGKOK),
    )  # fmt: skip
    return first, second


def test_the_page_shows_the_version_in_force_in_buddhist_era(client, privacy_page, versions):
    html = client.get("/privacy/").content.decode()
    assert "ฉบับที่สองของประกาศ" in html and "1 มิถุนายน 2566" in html
    assert "ข้อความเก่าใน CMS" not in html  # never a second text that could disagree
    assert "8 ธันวาคม 2565" in html  # the earlier version, listed with its date


def test_the_english_page_shows_the_english_text_with_gregorian_dates(
    client, privacy_page, versions
):
    html = client.get("/en/privacy/").content.decode()
    assert "The second notice" in html and "1 June 2023" in html
    assert "8 December 2022" in html and "2566" not in html


def test_a_new_version_reaches_the_page_at_once(client, privacy_page, versions, settings):
    settings.PAGE_CACHE_SECONDS = 300  # the page cache is on, as in production
    assert "ฉบับที่สองของประกาศ" in client.get("/privacy/").content.decode()
    notice_publish(body_th="ฉบับที่สามของประกาศ", body_en="The third notice")
    assert "ฉบับที่สามของประกาศ" in client.get("/privacy/").content.decode()


def test_before_any_version_is_published_the_page_keeps_its_own_text(client, privacy_page):
    assert "ข้อความเก่าใน CMS" in page_text(client.get("/privacy/"))
