"""An editor creates a course module in the Wagtail admin and translates it to English."""

import pytest

from django.urls import reverse

from wagtail.models import Locale

from curriculum.models import CourseModulePage
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, site_tree):
    client.force_login(UserFactory(roles=["Coordinator"]))
    return client


MODULE_FORM = {
        "title": "เมืองคาร์บอนต่ำ", "slug": "low-carbon-city", "code": "พมส. 110", "hours": "6",
        "format": "classroom", "intro": "ลดการปล่อยก๊าซเรือนกระจกของเมือง",
        "learning_outcomes-count": "0", "body-count": "0", "readings-count": "0",
        "module_facilitators-TOTAL_FORMS": "0", "module_facilitators-INITIAL_FORMS": "0",
        "module_facilitators-MIN_NUM_FORMS": "0", "module_facilitators-MAX_NUM_FORMS": "1000",
    "action-publish": "publish",
}  # fmt: skip


def _add_module(client, programme):
    url = reverse("wagtailadmin_pages:add", args=("curriculum", "coursemodulepage", programme.pk))
    return client.post(url, MODULE_FORM)


def test_the_add_form_offers_the_module_fields_with_thai_help(editor, site_tree):
    url = reverse(
        "wagtailadmin_pages:add",
        args=("curriculum", "coursemodulepage", site_tree["programme"].pk),
    )
    html = editor.get(url, HTTP_ACCEPT_LANGUAGE="th").content.decode()
    assert 'name="code"' in html and 'name="hours"' in html
    assert "ผลลัพธ์การเรียนรู้" in html


def test_a_coordinator_creates_and_publishes_a_module(editor, site_tree, client):
    response = _add_module(editor, site_tree["programme"])
    assert response.status_code == 302, response.content.decode()[:2000]
    page = CourseModulePage.objects.get(slug="low-carbon-city", locale__language_code="th")
    assert page.live and page.code == "พมส. 110"
    # The English translation waits as a draft (tests/cms/test_translation_workflow.py).
    english = page.get_translation(Locale.objects.get(language_code="en"))
    assert not english.live and english.alias_of_id is None


def test_the_admin_fetches_nothing_from_outside(editor):
    """No CDN, no gravatar: the admin works on a network without internet."""
    html = editor.get("/admin/").content.decode()
    assert "gravatar" not in html
    assert not [src for src in _srcs(html) if src.startswith(("http:", "https:", "//"))]


def _srcs(html):
    import re

    return re.findall(r'(?:src|href)="([^"]+\.(?:js|css|png|svg|jpg|woff2?)[^"]*)"', html)
