import datetime as dt
import json

import pytest

from accounts.models import Province
from tests.curriculum.factories import SiteVisitPageFactory, publish, translate
from tests.factories import CohortFactory, SessionFactory

pytestmark = pytest.mark.django_db

AGENDA = [
    {
        "type": "day",
        "value": {
            "date": "2022-12-08",
            "title": "เปิดงาน",
            "items": [
                {
                    "starts_at": "09:00:00",
                    "ends_at": "10:00:00",
                    "title": "พิธีเปิด",
                    "place": "โรงแรมโฆษะ",
                },
                {"starts_at": "10:15:00", "ends_at": None, "title": "เสวนาเมืองขอนแก่น", "place": ""},
            ],
        },
    },
    {
        "type": "day",
        "value": {
            "date": "2022-12-09",
            "title": "",
            "items": [
                {
                    "starts_at": "09:00:00",
                    "ends_at": "12:00:00",
                    "title": "Isan BCG Expo",
                    "place": "",
                }
            ],
        },
    },
]


@pytest.fixture
def visit(site_tree):
    page = SiteVisitPageFactory(
        parent=site_tree["programme"],
        title="ศึกษาดูงาน ขอนแก่น: เศรษฐกิจ BCG",
        province=Province.objects.get(code="TH-40"),
        address="โรงแรมโฆษะ ขอนแก่น",
        latitude="16.432500",
        longitude="102.835400",
        hosts=json.dumps(
            [
                {
                    "type": "host",
                    "value": {"name": "เทศบาลนครขอนแก่น", "description": "เมืองอัจฉริยะ", "url": ""},
                }
            ]
        ),
        themes=json.dumps([{"type": "theme", "value": "เศรษฐกิจ BCG"}]),
        questions=json.dumps([{"type": "question", "value": "จะนำ BCG มาลดความเหลื่อมล้ำได้อย่างไร"}]),
        agenda=json.dumps(AGENDA),
    )
    return publish(page)


def test_a_site_visit_shows_hosts_place_themes_and_questions(client, visit):
    html = client.get(visit.url).content.decode()
    for text in (
        "เทศบาลนครขอนแก่น",
        "ขอนแก่น",
        "โรงแรมโฆษะ ขอนแก่น",
        "เศรษฐกิจ BCG",
        "จะนำ BCG มาลดความเหลื่อมล้ำได้อย่างไร",
        "openstreetmap.org/?mlat=16.432500",
    ):
        assert text in html


def test_the_agenda_is_shown_day_by_day_with_times_in_buddhist_era(client, visit):
    html = client.get(visit.url).content.decode()
    assert "8 ธันวาคม 2565" in html and "9 ธันวาคม 2565" in html
    assert "09:00–10:00" in html and "พิธีเปิด" in html and "10:15" in html


def test_the_english_page_shows_the_agenda_in_the_common_era(client, visit):
    english = translate(visit, title="Khon Kaen study visit")
    html = client.get(english.url).content.decode()
    assert "Khon Kaen study visit" in html
    assert "2022" in html and "2565" not in html


def test_a_site_visit_lists_each_cohorts_visiting_sessions(client, visit):
    start = dt.datetime(2022, 12, 8, 8, 0, tzinfo=dt.UTC)
    SessionFactory(
        cohort=CohortFactory(title_th="พมส. รุ่นที่ 1"),
        site_visit=visit,
        title_th="ศึกษาดูงาน ขอนแก่น",
        starts_at=start,
        ends_at=start + dt.timedelta(days=2, hours=8),
    )
    SessionFactory(cohort=CohortFactory(title_th="พมส. รุ่นที่ 2"), site_visit=visit)
    html = client.get(visit.url).content.decode()
    assert "พมส. รุ่นที่ 1" in html and "พมส. รุ่นที่ 2" in html
    assert "ศึกษาดูงาน ขอนแก่น" in html


def test_a_site_visit_page_costs_the_same_queries_with_one_or_fifteen_sessions(
    client, visit, django_assert_max_num_queries
):
    SessionFactory(site_visit=visit)
    client.get(visit.url)
    with django_assert_max_num_queries(20) as few:
        client.get(visit.url)
    for _ in range(14):
        SessionFactory(site_visit=visit, cohort=CohortFactory())
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(visit.url)
