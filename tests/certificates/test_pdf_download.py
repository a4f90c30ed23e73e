"""The PDF is private: its holder and coordinators only."""

import pytest

pytestmark = pytest.mark.django_db


def _url(certificate):
    return f"/certificates/{certificate.verification_id}/pdf/"


def test_anonymous_visitors_are_sent_to_log_in(client, certificate):
    response = client.get(_url(certificate))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_holder_downloads_the_pdf(client, certificate):
    client.force_login(certificate.holder)
    response = client.get(_url(certificate))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    assert "no-store" in response["Cache-Control"]


def test_another_learner_cannot(client, certificate, other_learner):
    client.force_login(other_learner)
    assert client.get(_url(certificate)).status_code == 403


def test_a_facilitator_cannot(client, certificate, facilitator):
    client.force_login(facilitator)
    assert client.get(_url(certificate)).status_code == 403


def test_a_coordinator_can(client, certificate, coordinator):
    client.force_login(coordinator)
    assert client.get(_url(certificate)).status_code == 200


def test_the_pdf_is_stored_privately_and_reused(client, certificate, settings):
    client.force_login(certificate.holder)
    first = client.get(_url(certificate)).content
    certificate.refresh_from_db()
    assert certificate.pdf.name.startswith("certificates/")
    location = str(certificate.pdf.storage.location)
    assert location == str(settings.PRIVATE_MEDIA_ROOT)
    assert not location.startswith(str(settings.MEDIA_ROOT))
    assert client.get(_url(certificate)).content == first
