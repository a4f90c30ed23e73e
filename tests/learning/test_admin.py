"""Facilitators add materials in the admin, only for their own sessions."""

import pytest

from learning.models import Material
from tests.factories import SessionFactory, UserFactory
from tests.learning.conftest import refused, slides

pytestmark = pytest.mark.django_db


def _post(client, session, upload):
    return client.post(
        "/admin/materials/new/",
        {
            "session": session.pk,
            "title_th": "สไลด์",
            "title_en": "",
            "kind": "slides",
            "file": upload,
            "url": "",
            "available_from": "2026-12-01 09:00",
            "visibility": "cohort",
        },
    )


def test_the_facilitator_uploads_slides_to_their_session(client, facilitator, session):
    client.force_login(facilitator)
    response = _post(client, session, slides())
    assert response.status_code == 302, response.content.decode()[:2000]
    material = Material.objects.get()
    assert material.session == session and material.created_by == facilitator
    assert material.content_type == "application/pdf"


def test_a_facilitator_cannot_choose_another_session(client, facilitator, session):
    other = SessionFactory(cohort=session.cohort)
    client.force_login(facilitator)
    response = _post(client, other, slides())
    assert response.status_code == 200  # the form again, with the error
    assert not Material.objects.exists()


def test_another_facilitator_does_not_see_the_material_in_the_listing(client, material):
    client.force_login(UserFactory(roles=["Facilitator"]))
    html = client.get("/admin/materials/").content.decode()
    assert "สไลด์ครั้งที่ 7" not in html
    assert refused(client.get(f"/admin/materials/edit/{material.pk}/"))


def test_learners_cannot_reach_the_materials_admin(client, learner):
    client.force_login(learner)
    assert client.get("/admin/materials/").status_code in (302, 403)


@pytest.mark.parametrize("screen", ["copy", "history", "history-results", "usage"])
def test_another_facilitator_cannot_open_the_material_by_its_address(client, material, screen):
    """Their own sessions' materials only: a copy form or history would show its title and file."""
    client.force_login(UserFactory(roles=["Facilitator"]))
    response = client.get(f"/admin/materials/{screen}/{material.pk}/")
    assert refused(response)
    assert "สไลด์ครั้งที่ 7" not in response.content.decode()


@pytest.mark.parametrize("screen", ["copy", "history", "usage"])
def test_the_sessions_facilitator_opens_the_material_by_its_address(
    client, facilitator, material, screen
):
    client.force_login(facilitator)
    assert client.get(f"/admin/materials/{screen}/{material.pk}/").status_code == 200
