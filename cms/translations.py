"""Page translations through wagtail-localize: Thai pages are the source, English follows.

An editor creates or publishes a Thai page: its English translation is set up as a *draft*
(the Thai text stands in until each segment is translated, and the English site shows
nothing). A later Thai publish re-reads the source, so new or changed Thai text shows as
untranslated in the translation editor while the English page keeps its English text until
an editor publishes the translation again. See docs/translations.md.
"""

from collections import defaultdict
from collections.abc import Iterable

from django.db import transaction

from wagtail.fields import StreamField
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments


def target_locales(page: Page) -> list[Locale]:
    """The locales a page of the default locale is translated into (every other one)."""
    return list(Locale.objects.exclude(pk=page.locale_id))


def is_source(page: Page) -> bool:
    return page.locale_id == Locale.get_default().pk


@transaction.atomic
def translation_submit(*, page: Page, user=None) -> list[Translation]:
    """Set up the translations of a Thai page that has none yet, each target a draft.

    A locale that already has its own page of this content (made before wagtail-localize,
    see the `adopt_translations` command) is left alone: its text is never overwritten.
    """
    page = page.specific
    source, _created = TranslationSource.get_or_create_from_instance(page)
    made = []
    for locale in target_locales(page):
        if page.has_translation(locale):
            continue
        translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
        source.create_or_update_translation(
            locale, user=user, publish=False, fallback=True, copy_parent_pages=True
        )
        made.append(translation)
    return made


def translation_sync(*, page: Page) -> TranslationSource | None:
    """Re-read a published Thai page into its translation source (translations untouched)."""
    source = TranslationSource.objects.get_for_instance_or_none(page.specific)
    if source is not None:
        source.update_from_db()
    return source


def translation_fill(*, translation: Translation, translated, user=None) -> list[str]:
    """Record the text of `translated` (an English page or unsaved instance) as translations.

    Segments are matched field by field in order, so a StreamField whose blocks carry other
    ids still lines up. A field whose segments do not line up is left untranslated and its
    name returned, for the editor to translate by hand.
    """
    source_segments = _by_field(
        StringSegment.objects.filter(source=translation.source)
        .select_related("string", "context")
        .order_by("order"),
        path=lambda segment: segment.context.path,
    )
    target_segments = _by_field(
        [s for s in extract_segments(translated) if isinstance(s, StringSegmentValue)],
        path=lambda segment: segment.path,
    )
    unmatched = []
    for field, segments in source_segments.items():
        texts = target_segments.get(field, [])
        if len(texts) != len(segments):
            unmatched.append(field)
            continue
        for segment, value in zip(segments, texts, strict=True):
            _record(segment, value.string.data, translation.target_locale, user)
    return unmatched


def _by_field(segments: Iterable, *, path) -> dict[str, list]:
    grouped: dict[str, list] = defaultdict(list)
    for segment in segments:
        grouped[path(segment).split(".", 1)[0]].append(segment)
    return grouped


def _record(segment: StringSegment, text: str, locale: Locale, user) -> None:
    StringTranslation.objects.update_or_create(
        translation_of_id=segment.string_id,
        locale=locale,
        context_id=segment.context_id,
        defaults={
            "data": text,
            "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            "tool_name": "",
            "last_translated_by": user,
            "has_error": False,
            "field_error": "",
        },
    )


@transaction.atomic
def translation_publish(*, translation: Translation, user=None) -> Page:
    """Write the translated page from the current translations and publish it now.

    Unlike `Translation.save_target`, nothing falls back to Thai: a missing segment raises
    `MissingTranslationError`, and the page is live when this returns (not on commit).
    """
    source = translation.source
    page, _created = source.create_or_update_translation(
        translation.target_locale, user=user, publish=False, copy_parent_pages=True
    )
    page.get_latest_revision().publish(user=user)
    page.refresh_from_db()
    return page


def page_translate(*, page: Page, locale: Locale, fields: dict, user=None) -> Page:
    """Translate a Thai page into `locale` with the given field values, and publish it."""
    source, _ = TranslationSource.get_or_create_from_instance(page.specific)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    translated = source.as_instance()
    for name, value in fields.items():
        setattr(translated, name, value)
        field = translated._meta.get_field(name)
        if isinstance(field, StreamField):  # raw JSON: give its blocks ids, as a save would
            raw = field.get_prep_value(getattr(translated, name))
            setattr(translated, name, field.to_python(raw))
    unmatched = translation_fill(translation=translation, translated=translated, user=user)
    if unmatched:
        raise ValueError(f"{page}: English {', '.join(unmatched)} do not match the Thai shape")
    return translation_publish(translation=translation, user=user)


@transaction.atomic
def translation_adopt(*, translated: Page, user=None) -> str:
    """Bring a translated page made before wagtail-localize under it; say what was done.

    A translation the editors wrote keeps its text and stays as it is (live or not): its text
    is recorded as the translation of the Thai source. An alias (a live mirror of the Thai
    text, made by the old page-tree sync) becomes a draft waiting for translation.
    """
    source_page = translated.get_translation(Locale.get_default()).specific
    source, _ = TranslationSource.get_or_create_from_instance(source_page)
    translation, created = Translation.objects.get_or_create(
        source=source, target_locale_id=translated.locale_id
    )
    if not created:
        return "already managed"
    if translated.alias_of_id:
        page, _ = source.create_or_update_translation(
            translated.locale, user=user, publish=False, fallback=True
        )
        if page.live:
            page.unpublish(user=user)
        return "alias made a draft"
    unmatched = translation_fill(translation=translation, translated=translated.specific, user=user)
    return f"adopted (untranslated: {', '.join(unmatched)})" if unmatched else "adopted"


def pages_to_adopt():
    """Pages outside the default locale with a default-locale original and no translation record."""
    managed = Translation.objects.values("source__object_id", "target_locale_id")
    pages = Page.objects.exclude(locale=Locale.get_default()).exclude(depth=1)
    originals = Page.objects.filter(locale=Locale.get_default()).values("translation_key")
    pages = pages.filter(translation_key__in=originals).order_by("path")
    done = {(row["source__object_id"], row["target_locale_id"]) for row in managed}
    return [page for page in pages if (page.translation_key, page.locale_id) not in done]
