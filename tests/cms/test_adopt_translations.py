"""`adopt_translations`: English pages from before wagtail-localize become its translations."""

from io import StringIO

import pytest

from django.core.management import call_command

from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from tests.curriculum.factories import CourseModulePageFactory, publish

pytestmark = pytest.mark.django_db


def _adopt() -> str:
    out = StringIO()
    call_command("adopt_translations", stdout=out)
    return out.getvalue()


def _translation(page):
    source = TranslationSource.objects.get_for_instance(page)
    return Translation.objects.get(source=source, target_locale__language_code="en")


def test_an_english_page_keeps_its_text_and_is_recorded_as_translated(client, site_tree):
    _adopt()
    translation = _translation(site_tree["programme"])
    total, translated = translation.get_progress()
    assert total == translated > 0
    english = site_tree["programme_en"]
    english.refresh_from_db()
    assert english.live and english.title == "The programme"
    assert "The programme" in client.get("/en/programme/").content.decode()


def test_an_alias_showing_thai_text_becomes_a_draft_waiting_for_translation(site_tree):
    module = publish(CourseModulePageFactory(parent=site_tree["programme"], title="ชุดวิชาเก่า"))
    # What the old page-tree sync made: a live English alias mirroring the Thai page.
    alias = module.copy_for_translation(Locale.objects.get(language_code="en"), alias=True)
    assert alias.live
    _adopt()
    alias.refresh_from_db()
    assert not alias.live and alias.alias_of_id is None
    assert _translation(module).get_progress()[1] == 0


def test_running_it_again_changes_nothing(site_tree):
    _adopt()
    assert "0 page(s) checked." in _adopt()
