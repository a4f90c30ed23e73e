import pytest

pytestmark = pytest.mark.django_db


def test_the_holder_sees_download_share_linkedin_and_credential(client, certificate):
    client.force_login(certificate.holder)
    html = client.get("/me/").content.decode()
    assert f"/certificates/{certificate.verification_id}/pdf/" in html
    assert f"/verify/{certificate.verification_id}/" in html
    assert "https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME" in html
    assert f"certId={certificate.short_code}" in html and "certUrl=" in html
    assert f"/credentials/{certificate.verification_id}.jwt?download=1" in html


def test_another_learner_sees_no_certificate_panel(client, certificate, other_learner):
    client.force_login(other_learner)
    assert 'id="certificates"' not in client.get("/me/").content.decode()


def test_a_revoked_certificate_offers_no_download(client, certificate):
    from certificates import services

    services.certificate_revoke(certificate=certificate, reason="ผู้เรียนไม่ได้นำเสนอ")
    client.force_login(certificate.holder)
    html = client.get("/me/").content.decode()
    assert f"/certificates/{certificate.verification_id}/pdf/" not in html
    assert "ผู้ออกประกาศนียบัตรเพิกถอน" in html  # the category; the coordinator's words stay
    assert "ผู้เรียนไม่ได้นำเสนอ" not in html  # in the admin


def test_the_serial_number_is_labelled_as_a_number_not_a_session(client, certificate):
    """The serial's "No." means เลขที่ here; the sessions' "No." (ครั้งที่) must not leak in."""
    client.force_login(certificate.holder)
    html = client.get("/me/").content.decode()
    assert f"เลขที่ {certificate.serial_label}" in html
    assert f"ครั้งที่ {certificate.serial_label}" not in html
