import pytest

from cms.search.fields import ThaiSearchField
from cms.search.thai import segment, segment_value


def test_thai_words_are_separated_by_spaces():
    assert segment("เศรษฐกิจหมุนเวียน") == "เศรษฐกิจ หมุนเวียน"


def test_text_in_other_scripts_is_left_as_it_is():
    assert segment("Khon Kaen, BCG 2565") == "Khon Kaen, BCG 2565"


def test_mixed_text_keeps_latin_words_and_segments_thai():
    assert segment("ศึกษาดูงานอีสาน BCG") == "ศึกษา ดูงาน อีสาน BCG"


def test_lists_from_streamfields_are_segmented_item_by_item():
    assert segment_value(["เมืองอัจฉริยะ", "smart city"]) == ["เมือง อัจฉริยะ", "smart city"]


@pytest.mark.django_db
def test_the_search_field_indexes_segmented_text():
    from curriculum.models import CourseModulePage

    page = CourseModulePage(title="เศรษฐกิจหมุนเวียน")
    assert ThaiSearchField("title").get_value(page) == "เศรษฐกิจ หมุนเวียน"
