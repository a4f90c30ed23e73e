"""Thai words stay whole at line ends (#14 item 9): each word the segmenter finds is
one unbreakable span, and lines may end only at the <wbr> between words."""

import pytest

from django.template import Context, Template
from django.utils.safestring import mark_safe

from cms.thai_lines import keep_thai_words

WORDS = ["ท้องถิ่น", "เครือข่าย", "บูรณาการ"]


@pytest.mark.parametrize("word", WORDS)
def test_a_word_browsers_split_is_one_unbreakable_span(word):
    html = keep_thai_words(f"การพัฒนา{word}อย่างยั่งยืน")
    assert f'<span class="tw">{word}</span>' in html
    assert html.count("<wbr>") >= 2


def test_plain_text_is_escaped_before_it_is_marked():
    html = keep_thai_words('เครือข่าย <b>"A&B"</b>')
    assert "&lt;b&gt;" in html and "&amp;B" in html and "<b>" not in html


def test_rich_text_has_only_its_text_nodes_marked():
    html = keep_thai_words(
        mark_safe('<p class="x" title="ท้องถิ่น">ท้องถิ่น <a href="/ท้องถิ่น/">เครือข่าย</a></p>')
    )
    assert html.startswith('<p class="x" title="ท้องถิ่น">')
    assert '<a href="/ท้องถิ่น/">' in html
    assert '<span class="tw">เครือข่าย</span></a></p>' in html


def test_scripts_and_styles_are_left_alone():
    source = mark_safe("<script>var a = 'ท้องถิ่น';</script><p>ท้องถิ่น</p>")
    html = keep_thai_words(source)
    assert "<script>var a = 'ท้องถิ่น';</script>" in html
    assert '<p><span class="tw">ท้องถิ่น</span></p>' in html


def test_the_marks_add_no_character_so_copied_text_is_the_same():
    text = "เครือข่ายบูรณาการท้องถิ่น Khon Kaen"
    html = str(keep_thai_words(text))
    visible = html.replace("<wbr>", "").replace('<span class="tw">', "").replace("</span>", "")
    assert visible == text


def test_english_text_is_unchanged():
    assert keep_thai_words("Local networks") == "Local networks"


def test_the_filter_marks_a_title_and_the_rendered_body():
    template = Template(
        "{% load site_tags %}<h1>{{ title|thai_words }}</h1>"
        "{% filter thai_words %}{{ body }}{% endfilter %}"
    )
    html = template.render(Context({"title": "เครือข่าย", "body": mark_safe("<p>บูรณาการ</p>")}))
    assert html == '<h1><span class="tw">เครือข่าย</span></h1><p><span class="tw">บูรณาการ</span></p>'
