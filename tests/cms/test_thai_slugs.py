"""Page addresses made from Thai titles keep their vowels and tone marks (#14 item 2)."""

from urllib.parse import quote, unquote

import pytest

from django.urls import reverse

from wagtail.contrib.redirects.models import Redirect

from cms.services import page_slugs_make_readable
from cms.slugs import stripped_slug, thai_slugify
from curriculum.models import SiteVisitPage
from tests.curriculum.factories import SiteVisitPageFactory, publish

pytestmark = pytest.mark.django_db

TITLE = "ศึกษาดูงาน ขอนแก่น BCG 2565"
READABLE = "ศึกษาดูงาน-ขอนแก่น-bcg-2565"


def test_a_thai_title_keeps_its_vowels_and_tone_marks():
    assert thai_slugify(TITLE) == READABLE
    assert stripped_slug(TITLE) == "ศกษาดงาน-ขอนแกน-bcg-2565"  # what Django's slugify made


def test_sara_am_stays_one_character_and_punctuation_goes():
    # NFKC (Django's slugify) splits ำ into ํ + า; NFC keeps it whole.
    assert thai_slugify("การจัดการน้ำ: เมือง (รุ่นที่ 2)") == "การจัดการน้ำ-เมือง-รุ่นที่-2"


STREAMS = ("hosts", "themes", "agenda", "questions", "body", "gallery")


def _add_site_visit(client, programme, **fields):
    url = reverse("wagtailadmin_pages:add", args=("curriculum", "sitevisitpage", programme.pk))
    form = {
        "title": TITLE, "slug": READABLE, "intro": "", "address": "",
        **{f"{name}-count": "0" for name in STREAMS},
        "action-publish": "publish", **fields,
    }  # fmt: skip
    return client.post(url, form)


def test_an_editor_publishes_a_thai_page_at_a_readable_address(client, coordinator, site_tree):
    client.force_login(coordinator)
    response = _add_site_visit(client, site_tree["programme"])
    assert response.status_code == 302, response.content.decode()[-3000:]
    page = SiteVisitPage.objects.get(title=TITLE, locale__language_code="th")
    assert page.slug == READABLE
    assert unquote(page.url) == f"/programme/{READABLE}/"


def test_a_page_saved_without_a_slug_takes_the_readable_one(site_tree):
    page = SiteVisitPageFactory(parent=site_tree["programme"], title=TITLE, slug="")
    assert page.slug == READABLE


def test_the_readable_address_answers_percent_encoded(client, site_tree):
    page = SiteVisitPageFactory(parent=site_tree["programme"], title=TITLE, slug=READABLE)
    publish(page)
    response = client.get(quote(f"/programme/{READABLE}/"))
    assert response.status_code == 200
    assert TITLE in response.content.decode()


def test_an_old_stripped_address_redirects_permanently_to_the_readable_one(
    client, site_tree, django_capture_on_commit_callbacks
):
    old = stripped_slug(TITLE)
    page = SiteVisitPageFactory(parent=site_tree["programme"], title=TITLE, slug=old)
    publish(page)
    with django_capture_on_commit_callbacks(execute=True):
        changed = page_slugs_make_readable()
    assert [(p.pk, unquote(url)) for p, url in changed] == [(page.pk, f"/programme/{old}/")]
    page.refresh_from_db()
    assert page.slug == READABLE
    assert Redirect.objects.filter(redirect_page=page, is_permanent=True).exists()
    response = client.get(quote(f"/programme/{old}/"))
    assert response.status_code == 301
    assert unquote(response["Location"]) == f"/programme/{READABLE}/"
    assert client.get(response["Location"]).status_code == 200


def test_making_slugs_readable_leaves_english_and_readable_slugs_alone(site_tree):
    page = SiteVisitPageFactory(parent=site_tree["programme"], title=TITLE, slug="khon-kaen-bcg")
    assert page_slugs_make_readable() == []
    page.refresh_from_db()
    assert page.slug == "khon-kaen-bcg"


def test_a_slug_with_symbols_gets_a_translated_error(client, coordinator, site_tree):
    client.force_login(coordinator)
    response = _add_site_visit(client, site_tree["programme"], slug="ดู/งาน?")
    assert response.status_code == 200
    assert "ใช้ได้เฉพาะตัวอักษร (ไทยหรืออังกฤษ)" in response.content.decode()
    assert not SiteVisitPage.objects.filter(title=TITLE, locale__language_code="th").exists()


def test_an_abandoned_draft_holding_the_slug_is_named_with_a_link(client, coordinator, site_tree):
    draft = SiteVisitPageFactory.build(title="ร่างที่ทิ้งไว้", slug=READABLE, live=False)
    site_tree["programme"].add_child(instance=draft)
    client.force_login(coordinator)
    response = _add_site_visit(client, site_tree["programme"])
    html = response.content.decode()
    assert response.status_code == 200
    assert reverse("wagtailadmin_pages:edit", args=(draft.pk,)) in html
    assert "ร่างที่ทิ้งไว้" in html
    assert SiteVisitPage.objects.filter(slug=READABLE, locale__language_code="th").count() == 1


def test_an_unknown_address_is_still_not_found(client, site_tree):
    assert client.get(quote("/programme/ไม่มีหน้านี้/")).status_code == 404
    assert client.get("/programme/nothing.pdf").status_code == 404
