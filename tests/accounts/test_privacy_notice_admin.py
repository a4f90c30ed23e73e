"""Coordinators write, preview and publish a new version of the privacy notice in the
admin; a published version is never edited; everyone accepts the new one at next visit."""

import pytest

from accounts.models import PrivacyNotice
from accounts.privacy import GENERATION_KEY, notice_accept, notice_publish

pytestmark = pytest.mark.django_db
NEW = "/admin/privacy-notices/new/"
TEXT = {"body_th": "ประกาศฉบับใหม่ ข้อ 1", "body_en": "The new notice, item 1"}


@pytest.mark.parametrize("who", ["learner", "other_learner", "facilitator"])
def test_nobody_but_coordinators_writes_a_notice(client, request, who):
    client.force_login(request.getfixturevalue(who))
    for url in ("/admin/privacy-notices/", NEW):
        assert client.get(url).status_code in (302, 403)
    client.post(NEW, {**TEXT, "action": "publish"})
    assert not PrivacyNotice.objects.exists()


def test_preview_shows_the_text_and_saves_nothing(client, coordinator):
    client.force_login(coordinator)
    html = client.post(NEW, {**TEXT, "action": "preview"}).content.decode()
    assert "ประกาศฉบับใหม่ ข้อ 1" in html and "The new notice, item 1" in html
    assert 'value="publish"' in html
    assert not PrivacyNotice.objects.exists()


def test_publishing_makes_everyone_accept_again_at_their_next_visit(client, coordinator, learner):
    first = notice_publish(body_th="ฉบับแรก", body_en="First")
    notice_accept(user=learner, notice=first)
    notice_accept(user=coordinator, notice=first)  # the admin, too, is behind the notice
    client.force_login(learner)
    assert client.get("/me/").status_code == 200  # accepted: the version in force is cached
    from django.core.cache import cache

    assert cache.get(GENERATION_KEY) == first.pk
    client.force_login(coordinator)
    response = client.post(NEW, {**TEXT, "action": "publish"})
    assert response.status_code == 302
    second = PrivacyNotice.objects.get(version=2)
    assert second.body_th == TEXT["body_th"]
    assert cache.get(GENERATION_KEY) is None  # the cache "privacy-notice-in-force" is cleared
    first.refresh_from_db()
    assert first.body_th == "ฉบับแรก"  # the published version is kept as it was
    client.force_login(learner)
    assert client.get("/me/")["Location"].startswith("/me/privacy/accept/")
    client.force_login(coordinator)
    notice_accept(user=coordinator, notice=second)
    listing = client.get("/admin/privacy-notices/").content.decode()
    assert "v2" in listing and "v1" in listing


def test_a_new_version_starts_from_the_text_in_force(client, coordinator):
    notice = notice_publish(body_th="ข้อความที่ใช้อยู่", body_en="In force")
    notice_accept(user=coordinator, notice=notice)
    client.force_login(coordinator)
    assert "ข้อความที่ใช้อยู่" in client.get(NEW).content.decode()


def test_the_thai_text_is_required(client, coordinator):
    client.force_login(coordinator)
    response = client.post(NEW, {"body_th": "", "body_en": "x", "action": "publish"})
    assert response.status_code == 200 and not PrivacyNotice.objects.exists()
