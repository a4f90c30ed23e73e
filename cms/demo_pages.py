"""Helpers for demo steps: idempotent Thai pages and snippets with English translations."""

import copy
import io
import json
from contextlib import contextmanager

from django.conf import settings
from django.core.files.images import ImageFile
from django.test.utils import override_settings

from wagtail.images import get_image_model
from wagtail.models import Locale
from wagtail.search.backends import get_search_backends

from cms.translations import page_translate
from core.fonts import thai_font_fitting


def locales() -> tuple[Locale, Locale]:
    thai, _ = Locale.objects.get_or_create(language_code="th")
    english, _ = Locale.objects.get_or_create(language_code="en")
    return thai, english


@contextmanager
def search_index_in_bulk(*models):
    """Index `models` once at the end instead of on every save (demo speed)."""
    backends = copy.deepcopy(settings.WAGTAILSEARCH_BACKENDS)
    for params in backends.values():
        params["AUTO_UPDATE"] = False
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        yield
    for backend in get_search_backends(with_auto_update=True):
        for model in models:
            backend.add_bulk(model, list(model.objects.all()))


def stream(block_type: str, values) -> str:
    """Raw StreamField JSON: one `block_type` block per value."""
    return json.dumps([{"type": block_type, "value": value} for value in values])


def paragraphs(html: str) -> str:
    return stream("paragraph", [html])


def publish(page) -> None:
    page.save_revision().publish()


def child_page(parent, model, slug: str, fields: dict, **extra):
    """The live Thai child `slug` of `parent`, created and published once."""
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = model(slug=slug, locale=parent.locale, **fields, **extra)
        parent.add_child(instance=page)
        publish(page)
    return page


def translate(page, fields: dict):
    """The page's English translation through wagtail-localize, filled and published once."""
    _thai, english = locales()
    existing = page.get_translation_or_none(english)
    if existing is not None and existing.live:
        return existing
    return page_translate(page=page, locale=english, fields=fields)


def translate_snippet(obj, fields: dict):
    _thai, english = locales()
    existing = obj.get_translation_or_none(english)
    if existing is not None:
        return existing
    translation = obj.copy_for_translation(english)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save()
    return translation


def demo_image(title: str, colour: str, *, size=(1200, 675), label: str = ""):
    """A generated picture (flat colour, simple shapes), made once per title."""
    from PIL import Image as PILImage
    from PIL import ImageDraw

    model = get_image_model()
    existing = model.objects.filter(title=title).first()
    if existing:
        return existing
    picture = PILImage.new("RGB", size, colour)
    draw = ImageDraw.Draw(picture)
    width, height = size
    for index in range(6):
        inset = index * min(width, height) // 14
        draw.ellipse(
            (
                width // 2 + inset,
                height // 4 + inset,
                width + width // 4 - inset,
                height + height // 3 - inset,
            ),
            outline="white",
            width=3,
        )
    band = height // 5
    draw.rectangle((0, height - band, width, height), fill="white")
    if label:
        # Laksaman, shaped by Raqm: Pillow's default font draws every Thai letter as a box
        margin = width // 20
        font = thai_font_fitting(label, width - 2 * margin, band * 11 // 20, bold=True)
        draw.text((margin, height - band // 2), label, fill=colour, font=font, anchor="lm")
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    slug = "".join(c if c.isalnum() else "-" for c in title.lower())[:40]
    return model.objects.create(title=title, file=ImageFile(buffer, name=f"demo-{slug}.png"))
