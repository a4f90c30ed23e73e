"""The shared import stash: a preview's rows are handed back only to the person who
uploaded them, for the same target, while fresh; anything else asks for the file again."""

import time
from importlib import import_module

import pytest

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from django.utils import translation

from cohorts.models import Enrolment
from core.imports import STASH_MAX_AGE, ImportStash
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db
KEY = "cohorts-import"
CSV = "email,first_name_th,last_name_th,organisation\na@example.org,ก,ข,เทศบาลเมืองทดสอบ\n"


def _request(user):
    request = RequestFactory().get("/")
    request.user = user
    request.session = import_module(settings.SESSION_ENGINE).SessionStore()
    return request


def test_a_fresh_stash_comes_back_to_its_owner_for_its_target(coordinator):
    stash = ImportStash(_request(coordinator), KEY)
    batch = stash.put(target=7, payload={"records": [{"email": "a@example.org"}]})
    assert stash.get(batch, target=7) == {"records": [{"email": "a@example.org"}]}
    assert stash.get(batch, target=8) is None
    assert stash.get("guessed", target=7) is None


def test_an_expired_stash_is_refused(coordinator):
    request = _request(coordinator)
    stash = ImportStash(request, KEY)
    batch = stash.put(target=7, payload={"records": []})
    request.session[KEY][batch]["at"] = time.time() - STASH_MAX_AGE - 1
    assert stash.get(batch, target=7) is None


def test_another_persons_stash_is_refused(coordinator):
    request = _request(coordinator)
    batch = ImportStash(request, KEY).put(target=7, payload={"records": []})
    request.user = UserFactory(roles=["Coordinator"])
    assert ImportStash(request, KEY).get(batch, target=7) is None


def test_discard_forgets_the_batch(coordinator):
    stash = ImportStash(_request(coordinator), KEY)
    batch = stash.put(target=7, payload={"records": []})
    stash.discard(batch)
    assert stash.get(batch, target=7) is None


def _preview(client, cohort):
    OrganisationFactory(name_th="เทศบาลเมืองทดสอบ")
    url = f"/admin/cohort-tools/{cohort.pk}/import/"
    response = client.post(url, {"file": SimpleUploadedFile("people.csv", CSV.encode())})
    return url, response.context["batch"]


def _confirm_is_refused(client, url, batch):
    with translation.override("th"):
        response = client.post(url, {"action": "confirm", "batch": batch}, follow=True)
    shown = [str(message) for message in response.context["messages"]]
    assert shown == ["ตัวอย่างนี้หมดอายุแล้ว กรุณาอัปโหลดไฟล์อีกครั้ง"]
    assert not Enrolment.objects.filter(user__email="a@example.org").exists()


@pytest.mark.parametrize("spoil", ["expire", "other_user", "tamper"])
def test_a_stale_or_tampered_preview_changes_nothing(client, coordinator, cohort, spoil):
    client.force_login(coordinator)
    url, batch = _preview(client, cohort)
    session = client.session
    entry = session[KEY][batch]
    if spoil == "expire":
        entry["at"] = time.time() - STASH_MAX_AGE - 1
    elif spoil == "other_user":
        entry["user"] = UserFactory(roles=["Coordinator"]).pk
    else:
        entry["payload"]["records"] = "not rows"
    session.save()
    _confirm_is_refused(client, url, batch)
