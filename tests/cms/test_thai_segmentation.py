import pytest

from cms.search.fields import ThaiSearchField
from cms.search.thai import compound_parts, index_text, query_text, segment, segment_value


def test_thai_words_are_separated_by_spaces():
    assert segment("เศรษฐกิจหมุนเวียน") == "เศรษฐกิจ หมุนเวียน"


def test_text_in_other_scripts_is_left_as_it_is():
    assert segment("Khon Kaen, BCG 2565") == "Khon Kaen, BCG 2565"


def test_mixed_text_keeps_latin_words_and_segments_thai():
    assert segment("ศึกษาดูงานอีสาน BCG") == "ศึกษา ดูงาน อีสาน BCG"


def test_lists_from_streamfields_are_segmented_item_by_item():
    assert segment_value(["เมืองอัจฉริยะ", "smart city"]) == ["เมือง อัจฉริยะ", "smart city"]


def test_a_compound_the_segmenter_keeps_whole_is_indexed_with_its_parts():
    assert segment("มหาวิทยาลัยขอนแก่น") == "มหาวิทยาลัยขอนแก่น"
    words = index_text("วิทยาลัยการปกครองท้องถิ่น มหาวิทยาลัยขอนแก่น").split()
    assert {"มหาวิทยาลัยขอนแก่น", "มหาวิทยาลัย", "ขอนแก่น", "ท้องถิ่น"} <= set(words)


def test_a_query_asks_for_the_parts_of_a_compound():
    assert query_text("มหาวิทยาลัยขอนแก่น") == "มหาวิทยาลัย ขอนแก่น"
    assert query_text("ขอนแก่น") == "ขอนแก่น"


@pytest.mark.parametrize("word", ["อัจฉริยะ", "ขอนแก่น", "ท้องถิ่น", "Khon Kaen"])
def test_short_words_and_other_scripts_are_not_split(word):
    assert compound_parts(word) == ()


@pytest.mark.django_db
def test_the_search_field_indexes_segmented_text():
    from curriculum.models import CourseModulePage

    page = CourseModulePage(title="เศรษฐกิจหมุนเวียน")
    assert ThaiSearchField("title").get_value(page) == "เศรษฐกิจ หมุนเวียน หมุน เวียน"
