"""Site search in Thai and English; runs on SQLite and, with DATABASE_URL, PostgreSQL."""

import json

import pytest

from accounts.models import Province
from cms.search.selectors import highlight, query_terms
from tests.curriculum.factories import (
    CourseModulePageFactory,
    ResearchIndexPageFactory,
    ResearchProjectPageFactory,
    ResearchThemePageFactory,
    SiteVisitPageFactory,
    publish,
    translate,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(site_tree):
    programme = site_tree["programme"]
    module = CourseModulePageFactory(
        parent=programme,
        title="เศรษฐกิจ BCG",
        intro="การพัฒนาเศรษฐกิจสีเขียวและเศรษฐกิจหมุนเวียนของเมือง",
    )
    translate(module, title="The BCG economy", intro="The green and circular economy of cities")
    visit = SiteVisitPageFactory(
        parent=programme,
        title="ศึกษาดูงานอีสาน BCG",
        intro="ยกทีมเยือนเมืองต้นแบบ",
        province=Province.objects.get(code="TH-40"),
        themes=json.dumps([{"type": "theme", "value": "เมืองอัจฉริยะ"}]),
    )
    publish(visit)
    translate(visit, title="Isan BCG study visit", intro="A visit to a model city")
    other = CourseModulePageFactory(
        parent=programme, title="การจัดการภัยพิบัติ", intro="เตรียมพร้อมรับมือน้ำท่วม"
    )
    partner = CourseModulePageFactory(
        parent=programme,
        title="การวางผังเมือง",
        intro="สอนโดยคณาจารย์วิทยาลัยการปกครองท้องถิ่น มหาวิทยาลัยขอนแก่น",
    )
    return {"module": module, "visit": visit, "other": other, "partner": partner}


def _titles(response):
    return [hit.page.title for hit in response.context["results"]]


def test_a_thai_word_inside_a_compound_finds_the_page(client, pages):
    response = client.get("/search/", {"q": "หมุนเวียน"})
    assert _titles(response) == ["เศรษฐกิจ BCG"]


def test_a_province_name_finds_the_site_visit_held_there(client, pages):
    assert "ศึกษาดูงานอีสาน BCG" in _titles(client.get("/search/", {"q": "ขอนแก่น"}))


def test_a_word_inside_a_compound_the_segmenter_keeps_whole_finds_the_page(client, pages):
    assert set(_titles(client.get("/search/", {"q": "ขอนแก่น"}))) == {
        "ศึกษาดูงานอีสาน BCG",
        "การวางผังเมือง",
    }
    html = client.get("/search/", {"q": "ขอนแก่น"}).content.decode()
    assert "มหาวิทยาลัย<mark>ขอนแก่น</mark>" in html


def test_the_compound_itself_still_finds_the_page(client, pages):
    assert _titles(client.get("/search/", {"q": "มหาวิทยาลัยขอนแก่น"})) == ["การวางผังเมือง"]


def test_a_thai_phrase_without_spaces_finds_pages_with_all_its_words(client, pages):
    assert _titles(client.get("/search/", {"q": "เมืองอัจฉริยะ"})) == ["ศึกษาดูงานอีสาน BCG"]
    assert _titles(client.get("/search/", {"q": "รับมือน้ำท่วม"})) == ["การจัดการภัยพิบัติ"]


def test_english_search_under_en_returns_english_pages_only(client, pages):
    response = client.get("/en/search/", {"q": "circular"})
    assert _titles(response) == ["The BCG economy"]
    assert response.context["results"][0].page.url.startswith("/en/")


def test_thai_search_returns_thai_pages_only(client, pages):
    titles = set(_titles(client.get("/search/", {"q": "BCG"})))
    assert titles == {"เศรษฐกิจ BCG", "ศึกษาดูงานอีสาน BCG"}


def test_the_english_name_of_the_province_finds_the_visit_too(client, pages):
    assert _titles(client.get("/en/search/", {"q": "Khon Kaen"})) == ["Isan BCG study visit"]


def test_results_show_a_snippet_with_the_match_highlighted(client, pages):
    html = client.get("/search/", {"q": "หมุนเวียน"}).content.decode()
    assert "เศรษฐกิจ<mark>หมุนเวียน</mark>" in html


def test_results_are_paginated(client, site_tree):
    for number in range(12):
        CourseModulePageFactory(parent=site_tree["programme"], title=f"เมืองน่าอยู่ {number}")
    first = client.get("/search/", {"q": "น่าอยู่"})
    assert len(first.context["results"].object_list) == 10
    assert first.context["results"].paginator.count == 12
    second = client.get("/search/", {"q": "น่าอยู่", "page": 2})
    assert len(second.context["results"].object_list) == 2
    assert 'rel="prev"' in second.content.decode()
    assert 'href="?q=%E0%B8%99' in second.content.decode()  # the query is kept


def test_nothing_found_says_so_in_thai(client, pages):
    html = client.get("/search/", {"q": "ดาวอังคาร"}).content.decode()
    assert "ไม่พบ" in html


def test_an_empty_search_shows_just_the_form(client, pages):
    response = client.get("/search/")
    assert response.status_code == 200 and response.context["results"] is None


def test_an_overlong_query_is_refused_with_a_message_and_kept_in_the_box(client, pages):
    response = client.get("/search/", {"q": "ก" * 201})
    assert response.context["results"] is None
    assert "200" in response.context["error"]
    assert 'value="' + "ก" * 201 in response.content.decode()


def test_unpublished_pages_are_not_found(client, pages):
    pages["module"].unpublish()
    assert _titles(client.get("/search/", {"q": "หมุนเวียน"})) == []


def test_query_terms_are_segmented_like_the_index():
    assert query_terms("เศรษฐกิจหมุนเวียน") == ["หมุนเวียน", "เศรษฐกิจ", "เวียน", "หมุน"]


def test_highlight_escapes_html():
    assert str(highlight("<b>เมือง</b>", ["เมือง"])) == "&lt;b&gt;<mark>เมือง</mark>&lt;/b&gt;"


@pytest.mark.parametrize(
    "query", ['"', 'BCG"', '"เศรษฐกิจ', "BCG\x00", "\x00", "a\x1fb", *"*():^-+'`{}[]~|&!%\\/"]
)
def test_odd_characters_in_a_query_are_no_server_error(client, pages, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200


def test_a_quote_or_nul_around_words_still_finds_the_page(client, pages):
    assert _titles(client.get("/search/", {"q": '"หมุนเวียน"'})) == ["เศรษฐกิจ BCG"]
    assert _titles(client.get("/search/", {"q": "หมุนเวียน\x00"})) == ["เศรษฐกิจ BCG"]


def test_a_misspelt_thai_query_suggests_the_word_pages_have(client, pages):
    response = client.get("/search/", {"q": "หมุนเวยน"})  # a vowel left out
    assert _titles(response) == []
    assert response.context["suggestion"] == "หมุนเวียน"
    html = response.content.decode()
    assert "หมายถึง" in html and 'href="/search/?q=%E0%B8%AB' in html
    assert _titles(client.get(response.context["suggestion_url"])) == ["เศรษฐกิจ BCG"]


def test_a_misspelt_english_query_suggests_under_en(client, pages):
    response = client.get("/en/search/", {"q": "circluar"})
    assert response.context["suggestion"] == "circular"
    assert "Did you mean" in response.content.decode()


def test_nothing_like_any_word_suggests_nothing(client, pages):
    response = client.get("/search/", {"q": "zzzzqqq"})
    assert response.context["suggestion"] == ""
    assert "หมายถึง" not in response.content.decode()


def test_a_suggestion_is_escaped(client, pages):
    html = client.get("/en/search/", {"q": "<script>circluar"}).content.decode()
    assert "<script>circ" not in html


def test_a_match_in_the_body_is_shown_highlighted_and_the_title_is_marked_too(client, site_tree):
    body = json.dumps([{"type": "paragraph", "value": "<p>ภาคีจากเทศบาลนครอุดรธานี</p>"}])
    CourseModulePageFactory(
        parent=site_tree["programme"], title="ผังเมืองอุดรธานี", intro="บทนำ", body=body
    )
    html = client.get("/search/", {"q": "อุดรธานี"}).content.decode()
    assert "ภาคีจากเทศบาลนคร<mark>อุดรธานี</mark>" in html
    assert "ผังเมือง<mark>อุดรธานี</mark></a>" in html


def test_markup_in_a_body_is_shown_as_text(client, site_tree):
    body = json.dumps([{"type": "paragraph", "value": "<p>&lt;script&gt;อุดรธานี</p>"}])
    CourseModulePageFactory(parent=site_tree["programme"], title="หน้า", body=body)
    html = client.get("/search/", {"q": "อุดรธานี"}).content.decode()
    assert "<script>" not in html


def test_results_can_be_kept_to_one_kind_of_page(client, pages):
    response = client.get("/search/", {"q": "BCG", "type": "sitevisitpage"})
    assert _titles(response) == ["ศึกษาดูงานอีสาน BCG"]
    assert '<option value="sitevisitpage" selected>' in response.content.decode()


@pytest.fixture
def theme_pages(site_tree, pages):
    index = ResearchIndexPageFactory(parent=site_tree["home"])
    green = ResearchThemePageFactory(parent=index, title="เศรษฐกิจหมุนเวียนชุมชน")
    project = ResearchProjectPageFactory(parent=green, title="ธนาคารขยะเศรษฐกิจหมุนเวียน")
    health = ResearchThemePageFactory(parent=index, title="สุขภาพ", theme="smart-health")
    ResearchProjectPageFactory(parent=health, title="คลินิกหมุนเวียน")
    return {"green": green, "project": project}


def test_results_can_be_kept_to_one_research_theme(client, theme_pages):
    response = client.get("/search/", {"q": "หมุนเวียน", "theme": "green-circular-economy"})
    assert set(_titles(response)) == {"เศรษฐกิจหมุนเวียนชุมชน", "ธนาคารขยะเศรษฐกิจหมุนเวียน"}


@pytest.mark.parametrize("params", [{"type": "nonsense"}, {"theme": "x'; --"}, {"type": ""}])
def test_a_filter_value_that_is_no_choice_is_ignored(client, theme_pages, params):
    response = client.get("/search/", {"q": "หมุนเวียน", **params})
    assert response.status_code == 200
    assert len(_titles(response)) == 4
