"""The demo tells a current story a visitor can read: Thai on its pictures drawn in
Laksaman (not missing-glyph boxes), the newest news from the last weeks (#14 item 7)."""

import datetime as dt

import pytest
from PIL import Image as PILImage
from PIL import ImageDraw

from django.utils import timezone

from cms import demo as cms_demo
from cms.demo_pages import demo_image
from cms.models import NewsPage
from core.demo import DemoContext
from core.fonts import thai_font
from tests.html import page_text


def _drawn(text: str) -> bytes:
    canvas = PILImage.new("L", (80, 80))
    ImageDraw.Draw(canvas).text((10, 10), text, fill=255, font=thai_font(40, bold=True))
    return canvas.tobytes()


def test_the_thai_font_has_thai_letters_not_the_missing_glyph_box():
    missing = _drawn("\ue000")  # a private-use character no font draws
    for letter in "ทองถนเครอขาย":
        assert _drawn(letter) != missing, letter


@pytest.mark.django_db
def test_a_demo_picture_writes_its_thai_label_in_the_band_under_the_shapes():
    image = demo_image("news test", "#0b5d7a", size=(960, 540), label="ความร่วมมือท้องถิ่น")
    with image.file.open() as handle:
        picture = PILImage.open(handle).convert("RGB")
        band = picture.crop((0, 540 - 540 // 5, 960, 540))
        white = band.convert("L").histogram()[255]
        inked = band.width * band.height - white
    # the text at band height covers thousands of pixels; Pillow's default 11 px font a few hundred
    assert inked > 3000


@pytest.mark.django_db
def test_the_newest_demo_news_is_from_the_last_weeks_and_shown_in_the_buddhist_era(client):
    cms_demo.seed(DemoContext())
    newest = NewsPage.objects.live().filter(locale__language_code="th").order_by("-date").first()
    today = timezone.localdate()
    assert today - dt.timedelta(days=42) <= newest.date <= today
    html = page_text(client.get("/news/"))
    assert str(newest.date.year + 543) in html
    assert newest.title in html
