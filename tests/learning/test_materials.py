"""Materials: who adds them, who opens them, what a withdrawn learner keeps."""

import datetime as dt

import pytest

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from cohorts.models import Enrolment
from learning.models import Material, MaterialOpen
from learning.selectors import material_uptake
from learning.services import material_save
from tests.factories import EnrolmentFactory, SessionFactory, UserFactory
from tests.learning.conftest import refused, slides

pytestmark = pytest.mark.django_db


def url(material) -> str:
    return f"/me/materials/{material.pk}/"


def test_the_cohorts_learner_downloads_the_slides_and_the_open_is_counted_once(
    client, learner, material
):
    client.force_login(learner)
    response = client.get(url(material))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert "slides-7.pdf" in response["Content-Disposition"]
    client.get(url(material))
    assert MaterialOpen.objects.filter(material=material, user=learner).count() == 1


def test_anonymous_is_sent_to_log_in_and_another_cohorts_learner_gets_403(
    client, material, outsider
):
    assert "/accounts/login/" in client.get(url(material))["Location"]
    client.force_login(outsider)
    assert client.get(url(material)).status_code == 403
    assert not MaterialOpen.objects.exists()


@pytest.mark.parametrize("who", ["facilitator", "coordinator", "other_learner"])
def test_its_facilitator_coordinators_and_the_cohort_open_it(client, material, who, request):
    client.force_login(request.getfixturevalue(who))
    assert client.get(url(material)).status_code == 200


def test_a_material_not_yet_available_is_hidden_from_learners(client, learner, material):
    material.available_from = timezone.now() + dt.timedelta(hours=3)
    material.save()
    client.force_login(learner)
    assert client.get(url(material)).status_code == 403
    page = client.get(f"/me/sessions/{material.session_id}/").content.decode()
    assert "สไลด์ครั้งที่ 7" not in page


def test_a_withdrawn_learner_keeps_what_was_available_and_nothing_after(client, cohort, material):
    enrolment = EnrolmentFactory(cohort=cohort)
    Enrolment.objects.filter(pk=enrolment.pk).update(
        status=Enrolment.Status.WITHDRAWN, ended_at=timezone.now()
    )
    later = Material.objects.create(
        session=material.session, title_th="อ่านเพิ่ม", kind="link", url="https://example.org/r",
        available_from=timezone.now() + dt.timedelta(minutes=5),
    )  # fmt: skip
    client.force_login(enrolment.user)
    assert client.get(url(material)).status_code == 200
    Material.objects.filter(pk=later.pk).update(available_from=timezone.now())
    assert client.get(url(later)).status_code == 403
    page = client.get(f"/me/sessions/{material.session_id}/").content.decode()
    assert "สไลด์ครั้งที่ 7" in page and "อ่านเพิ่ม" not in page


def test_a_link_redirects_and_counts_as_opened(client, learner, session):
    link = Material.objects.create(
        session=session, title_th="บทความ", kind="link", url="https://example.org/a"
    )
    client.force_login(learner)
    response = client.get(url(link))
    assert response.status_code == 302 and response["Location"] == "https://example.org/a"
    assert MaterialOpen.objects.filter(material=link, user=learner).exists()


def test_a_facilitator_cannot_add_to_a_session_they_do_not_facilitate(cohort, facilitator):
    other = SessionFactory(cohort=cohort)
    with pytest.raises(PermissionDenied):
        material_save(
            material=Material(session=other, title_th="x"), by=facilitator, upload=slides()
        )
    assert not Material.objects.exists()


def test_a_file_whose_content_is_not_a_document_is_refused_with_a_thai_reason(session, facilitator):
    fake = SimpleUploadedFile("slides.pdf", b"MZ\x90\x00 not a pdf at all" * 20)
    with pytest.raises(ValidationError) as refused:
        material_save(material=Material(session=session, title_th="x"), by=facilitator, upload=fake)
    assert "slides.pdf" in str(refused.value.message_dict["file"])
    assert not Material.objects.exists()


def test_the_coordinator_sees_how_many_opened_and_who_has_not(
    client, coordinator, learner, other_learner, material
):
    client.force_login(learner)
    client.get(url(material))
    uptake = material_uptake(material=material)
    assert [e.user for e in uptake.done] == [learner]
    assert [e.user for e in uptake.not_done] == [other_learner]
    client.force_login(coordinator)
    html = client.get(f"/admin/learning/material/{material.pk}/opens/").content.decode()
    assert "1 จาก 2" in html or "1 of 2" in html
    assert other_learner.email in html


@pytest.mark.parametrize("who", ["learner", "outsider"])
def test_learners_cannot_see_the_opens_report(client, material, who, request):
    client.force_login(request.getfixturevalue(who))
    assert client.get(f"/admin/learning/material/{material.pk}/opens/").status_code in (302, 403)


def test_another_facilitator_cannot_see_the_opens_report(client, material):
    client.force_login(UserFactory(roles=["Facilitator"]))
    assert refused(client.get(f"/admin/learning/material/{material.pk}/opens/"))
