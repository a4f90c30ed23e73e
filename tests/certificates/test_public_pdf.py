"""The holder may let anyone with the verify link download the PDF; off by default."""

import pytest

from certificates import services, urls_util

pytestmark = pytest.mark.django_db


def _pdf(certificate):
    return f"/certificates/{certificate.verification_id}/pdf/"


def _share(certificate):
    return f"/certificates/{certificate.verification_id}/public-pdf/"


def _api(client, certificate):
    return client.get(f"/api/v1/certificates/{certificate.short_code}")


def test_by_default_the_pdf_is_private_and_the_api_has_no_pdf_url(client, certificate):
    assert client.get(_pdf(certificate)).status_code == 302
    assert _api(client, certificate).json()["pdf_url"] is None
    assert _pdf(certificate) not in client.get(urls_util.verify_url(certificate)).content.decode()


def test_the_holder_opts_in_and_anyone_with_the_link_downloads_it(client, certificate):
    client.force_login(certificate.holder)
    response = client.post(_share(certificate), {"public": "on"})
    assert response.status_code == 302
    client.logout()
    download = client.get(_pdf(certificate))
    assert download.status_code == 200 and download.content.startswith(b"%PDF-")
    assert _api(client, certificate).json()["pdf_url"] == urls_util.pdf_url(certificate)
    page = client.get(f"/en/verify/{certificate.verification_id}/").content.decode()
    assert _pdf(certificate) in page


def test_the_holder_can_switch_it_off_again(client, certificate):
    client.force_login(certificate.holder)
    client.post(_share(certificate), {"public": "on"})
    client.post(_share(certificate), {})
    client.logout()
    assert client.get(_pdf(certificate)).status_code == 302
    assert _api(client, certificate).json()["pdf_url"] is None


@pytest.mark.parametrize("who", ["other_learner", "facilitator", "coordinator"])
def test_only_the_holder_chooses_and_nothing_changes_otherwise(client, certificate, request, who):
    client.force_login(request.getfixturevalue(who))
    assert client.post(_share(certificate), {"public": "on"}).status_code == 403
    certificate.refresh_from_db()
    assert certificate.public_pdf is False


def test_anonymous_visitors_are_sent_to_log_in_to_choose(client, certificate):
    response = client.post(_share(certificate), {"public": "on"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    certificate.refresh_from_db()
    assert certificate.public_pdf is False


def test_a_revoked_certificate_is_no_longer_public(client, certificate):
    services.certificate_set_public_pdf(certificate=certificate, public=True, by=certificate.holder)
    services.certificate_revoke(certificate=certificate, reason="ออกผิดคน")
    assert client.get(_pdf(certificate)).status_code == 302
    assert _api(client, certificate).json()["pdf_url"] is None


def test_the_api_sends_cors_headers(client, certificate):
    assert _api(client, certificate)["Access-Control-Allow-Origin"] == "*"
    missing = client.get("/api/v1/certificates/AAAA-AAAA-AAAA")
    assert missing.status_code == 404 and missing["Access-Control-Allow-Origin"] == "*"


def test_the_holder_panel_offers_the_choice(client, certificate):
    client.force_login(certificate.holder)
    page = client.get("/me/").content.decode()
    assert _share(certificate) in page
