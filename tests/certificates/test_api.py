import json

import pytest

from certificates import services

pytestmark = pytest.mark.django_db

FIELDS = {
    "code",
    "status",
    "holder",
    "programme",
    "cohort",
    "completed_on",
    "issued_on",
    "revoked_on",
    "revocation_reason",
    "revocation_category",
    "superseded_by",
    "verify_url",
    "credential_url",
    "pdf_url",
}


def test_it_answers_exactly_the_documented_fields_by_short_code(client, certificate):
    response = client.get(f"/api/v1/certificates/{certificate.short_code}")
    data = response.json()
    assert response.status_code == 200 and set(data) == FIELDS
    assert data["code"] == certificate.short_code and data["status"] == "valid"
    assert data["holder"] == {
        "name_th": certificate.holder_name_th,
        "name_en": certificate.holder_name_en,
    }
    assert data["verify_url"].endswith(f"/verify/{certificate.verification_id}/")
    assert data["revoked_on"] is None and data["superseded_by"] is None


def test_it_finds_a_certificate_by_its_long_id(client, certificate):
    data = client.get(f"/api/v1/certificates/{certificate.verification_id}").json()
    assert data["code"] == certificate.short_code


def test_revoked_and_superseded_states_show_in_the_api(client, certificate, enrolment):
    new = services.certificate_reissue(certificate=certificate, reason="แก้ชื่อ")
    services.certificate_revoke(certificate=new, reason="ออกผิดคน")
    old = client.get(f"/api/v1/certificates/{certificate.short_code}").json()
    assert old["status"] == "superseded" and old["superseded_by"] == new.short_code
    revoked = client.get(f"/api/v1/certificates/{new.short_code}").json()
    assert revoked["status"] == "revoked" and revoked["revoked_on"]
    assert revoked["revocation_category"] == "withdrawn"
    assert "ออกผิดคน" not in json.dumps(revoked, ensure_ascii=False)


def test_the_api_gives_the_revocation_category_in_the_readers_language(client, certificate):
    services.certificate_revoke(
        certificate=certificate, reason="ผู้เรียนไม่ได้เข้าร่วม", category="issued_in_error"
    )
    url = f"/api/v1/certificates/{certificate.short_code}"
    english = client.get(url, HTTP_ACCEPT_LANGUAGE="en").json()
    thai = client.get(url, HTTP_ACCEPT_LANGUAGE="th").json()
    assert english["revocation_reason"] == "Issued in error"
    assert thai["revocation_reason"] == "ออกโดยผิดพลาด"
    assert english["revocation_category"] == thai["revocation_category"] == "issued_in_error"


def test_an_unknown_code_is_a_json_404(client, db):
    response = client.get("/api/v1/certificates/ABCD-EFGH-JKMN")
    assert response.status_code == 404
    assert response.json()["error"] == "not_found"


def test_the_openapi_schema_is_published(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/certificates/{code}" in schema["paths"]
    assert schema["info"]["version"] == "1"
