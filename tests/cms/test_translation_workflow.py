"""An editor's Thai page reaches the English site only once it is translated (wagtail-localize)."""

import re

import pytest

from django.urls import reverse

from wagtail.models import Locale
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from cms.selectors import chrome, clear_chrome_cache
from cms.translations import translation_submit
from curriculum.models import CourseModulePage
from tests.cms.test_admin_editing import MODULE_FORM
from tests.curriculum.factories import CourseModulePageFactory, publish
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
FORM = "application/x-www-form-urlencoded"

ENGLISH = {"เมืองคาร์บอนต่ำ": "Low-carbon city", "ลดการปล่อยก๊าซเรือนกระจกของเมือง": "Cutting emissions"}


@pytest.fixture
def editor(client, site_tree, coordinator):
    client.force_login(coordinator)
    return client


@pytest.fixture
def thai_module(editor, site_tree):
    url = reverse(
        "wagtailadmin_pages:add", args=("curriculum", "coursemodulepage", site_tree["programme"].pk)
    )
    response = editor.post(url, MODULE_FORM)
    assert response.status_code == 302, response.content.decode()[:2000]
    return CourseModulePage.objects.get(slug="low-carbon-city", locale__language_code="th")


def _english():
    return Locale.objects.get(language_code="en")


def _translation(page) -> Translation:
    return Translation.objects.get(
        source=TranslationSource.objects.get_for_instance(page), target_locale=_english()
    )


def _alternates(html: str) -> set[str]:
    return set(re.findall(r'<link rel="alternate" hreflang="([a-z]{2})"', html))


def _translate_in_the_editor(client, translation):
    """PUT each segment's English text as the translation editor does, as the coordinator."""
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string"):
        text = ENGLISH.get(segment.string.data, segment.string.data)
        url = reverse("wagtail_localize:edit_string_translation", args=(translation.pk, segment.pk))
        response = client.put(url, f"value={text}", content_type=FORM)
        assert response.status_code in (200, 201), response.content


def _publish_translation(translation, django_capture_on_commit_callbacks, user):
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(user=user, publish=True)
    return translation.get_target_instance().specific


def test_publishing_a_thai_page_leaves_the_english_site_without_it(client, thai_module):
    assert thai_module.live
    english = thai_module.get_translation(_english())
    assert not english.live and english.alias_of_id is None  # a draft, not a live copy
    client.logout()
    assert client.get("/en/programme/low-carbon-city/").status_code == 404
    listing = client.get("/en/programme/").content.decode()
    assert "low-carbon-city" not in listing and "เมืองคาร์บอนต่ำ" not in listing
    assert "/en/programme/low-carbon-city/" not in client.get("/sitemap.xml").content.decode()
    assert _alternates(client.get(thai_module.url).content.decode()) == {"th"}


def test_the_new_english_translation_waits_untranslated(thai_module):
    translation = _translation(thai_module)
    total, translated = translation.get_progress()
    assert total > 0 and translated == 0
    assert translation.get_status_display() == "Waiting for translations"


def test_translated_through_wagtail_localize_the_english_page_goes_live(
    editor, client, thai_module, coordinator, django_capture_on_commit_callbacks
):
    translation = _translation(thai_module)
    _translate_in_the_editor(editor, translation)
    assert translation.get_status_display() == "Up to date"
    english = _publish_translation(translation, django_capture_on_commit_callbacks, coordinator)
    assert english.live and english.title == "Low-carbon city"
    client.logout()
    html = client.get("/en/programme/low-carbon-city/").content.decode()
    assert "Low-carbon city" in html and 'lang="en"' in html
    assert "Low-carbon city" in client.get("/en/programme/").content.decode()
    assert _alternates(client.get(thai_module.url).content.decode()) == {"th", "en"}


def test_a_thai_edit_marks_the_translation_out_of_date_and_keeps_the_english_text(
    editor, client, thai_module, coordinator, django_capture_on_commit_callbacks
):
    translation = _translation(thai_module)
    _translate_in_the_editor(editor, translation)
    _publish_translation(translation, django_capture_on_commit_callbacks, coordinator)
    form = {**MODULE_FORM, "intro": "เมืองลดคาร์บอนด้วยพลังงานหมุนเวียน"}
    response = editor.post(reverse("wagtailadmin_pages:edit", args=(thai_module.pk,)), form)
    assert response.status_code == 302
    total, translated = translation.get_progress()
    assert translated == total - 1  # the new intro waits for its translation
    assert translation.get_status_display() == "Waiting for translations"
    client.logout()
    html = client.get("/en/programme/low-carbon-city/").content.decode()
    assert "Cutting emissions" in html and "พลังงานหมุนเวียน" not in html


def test_the_english_menu_lists_only_pages_live_in_english(site_tree):
    from cms.models import MenuItem

    draft = CourseModulePageFactory(parent=site_tree["programme"], title="ชุดวิชาใหม่")
    publish(draft)
    translation_submit(page=draft)
    MenuItem.objects.create(locale=_english(), label="New module", page=draft, sort_order=1)
    MenuItem.objects.create(
        locale=_english(), label="Programme", page=site_tree["programme"], sort_order=2
    )
    clear_chrome_cache()
    assert [item["label"] for item in chrome("en")["menu"]] == ["Programme"]


def test_the_english_search_finds_only_live_english_pages(client, thai_module):
    html = client.get("/en/search/", {"q": "เมืองคาร์บอนต่ำ"}).content.decode()
    assert "/en/programme/low-carbon-city/" not in html


@pytest.mark.parametrize("who", ["anonymous", "learner", "other_learner", "facilitator"])
def test_only_editors_reach_the_translation_editor(client, thai_module, who, request, coordinator):
    translation = _translation(thai_module)
    segment = StringSegment.objects.filter(source=translation.source).first()
    client.logout()
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    english = thai_module.get_translation(_english())
    response = client.get(reverse("wagtailadmin_pages:edit", args=(english.pk,)))
    assert response.status_code in (302, 403)
    url = reverse("wagtail_localize:edit_string_translation", args=(translation.pk, segment.pk))
    response = client.put(url, "value=Hacked", content_type=FORM)
    assert response.status_code in (302, 403)
    assert translation.get_progress()[1] == 0


def test_a_coordinator_opens_the_translation_editor(editor, thai_module):
    english = thai_module.get_translation(_english())
    html = editor.get(reverse("wagtailadmin_pages:edit", args=(english.pk,))).content.decode()
    assert "w-localize-translation-editor" in html or "translation-editor" in html


def test_coordinators_may_submit_translations(coordinator):
    assert coordinator.has_perm("wagtail_localize.submit_translation")
    assert not UserFactory(roles=["Facilitator"]).has_perm("wagtail_localize.submit_translation")
