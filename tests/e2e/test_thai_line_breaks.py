"""On a narrow phone no line ends inside a Thai word: ท้อง|ถิ่น, เครือ|ข่าย, บู|รณาการ were
split by the browser's own dictionary before the words were marked (#14 item 9).
Screenshots: test-artifacts/e2e/thai-line-breaks-*.png."""

import pytest

from tests.curriculum.factories import build_site, publish
from tests.e2e.conftest import _new_page, screenshot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

WORDS = ["ท้องถิ่น", "เครือข่าย", "บูรณาการ"]
SENTENCE = "การพัฒนาท้องถิ่นผ่านเครือข่ายความร่วมมือและการบูรณาการงานวิจัยกับท้องถิ่น"
# The text of each line of an element, read from where each character is drawn.
LINES = """(element) => {
  const lines = [], range = document.createRange();
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  let top = null, line = '';
  while (walker.nextNode()) {
    const node = walker.currentNode;
    for (let i = 0; i < node.length; i++) {
      range.setStart(node, i); range.setEnd(node, i + 1);
      const rects = range.getClientRects();
      if (!rects.length) continue;
      const y = Math.round(rects[0].top);
      if (top !== null && y > top + 2) { lines.push(line); line = ''; }
      top = y; line += node.data[i];
    }
  }
  lines.push(line);
  return lines;
}"""


@pytest.fixture
def thai_home(live_server):
    home = build_site()["home"]
    home.title = "เครือข่ายบูรณาการท้องถิ่น"
    home.intro = " ".join([SENTENCE] * 4)
    home.body = f"<p>{SENTENCE}{SENTENCE}</p><p>เครือข่าย<b>บูรณาการ</b>ท้องถิ่น</p>"
    publish(home)
    return live_server


def _splits(lines: list[str]) -> list[str]:
    text = "|".join(lines)
    return [
        f"{word[:i]}|{word[i:]}"
        for word in WORDS
        for i in range(1, len(word))
        if f"{word[:i]}|{word[i:]}" in text
    ]


@pytest.mark.parametrize("width", [320, 240])
def test_no_line_ends_inside_a_thai_word_on_a_narrow_screen(browser, request, thai_home, width):
    for page in _new_page(browser, request, {"width": width, "height": 900}):
        page.goto(thai_home.url + "/")
        lines = {
            selector: page.locator(selector).first.evaluate(LINES)
            for selector in ("h1", "p.lead", ".prose p")
        }
        screenshot(page, f"thai-line-breaks-{width}")
        assert len(lines["p.lead"]) >= 8, lines  # narrow enough that lines do break
        assert {selector: _splits(found) for selector, found in lines.items()} == {
            selector: [] for selector in lines
        }, lines
