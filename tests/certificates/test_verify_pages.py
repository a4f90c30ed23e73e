"""/verify/ and /verify/<code>/: public, Thai and English, noindex, rate limited, logged."""

import re

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from certificates import selectors, services
from certificates.models import Certificate

pytestmark = pytest.mark.django_db


def _counted() -> set[tuple[str, str]]:
    return {(row.channel, row.result) for row in selectors.lookup_counts()}


def test_a_valid_certificate_shows_its_public_facts_and_nothing_else(client, certificate):
    response = client.get(f"/verify/{certificate.verification_id}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="robots" content="noindex' in html and response["X-Robots-Tag"].startswith(
        "noindex"
    )
    assert certificate.holder_name_th in html and certificate.holder_name_en in html
    assert certificate.programme_th in html and certificate.serial_label in html
    assert certificate.holder.email not in html
    assert certificate.position not in html


def test_the_short_code_typed_loosely_finds_it(client, certificate):
    typed = certificate.short_code.lower().replace("-", "")
    response = client.get(f"/verify/{typed}/")
    assert response.status_code == 200 and certificate.holder_name_th in response.content.decode()


def test_the_english_page_is_in_english(client, certificate):
    html = client.get(f"/en/verify/{certificate.short_code}/").content.decode()
    assert "This certificate is genuine and valid." in html and 'lang="en"' in html


def test_a_wrong_code_gets_the_same_answer_as_an_unknown_one(client, certificate):
    code = certificate.short_code
    wrong_check = code[:-1] + ("0" if code[-1] != "0" else "1")
    unknown = "ZZZZ-ZZZZ-ZZZ0"
    first = client.get(f"/verify/{wrong_check}/")
    second = client.get(f"/verify/{unknown}/")
    assert first.status_code == second.status_code == 404

    def page(response, code):  # the CSRF token differs per response, nothing else may
        html = re.sub(r'"X-CSRFToken": "[^"]+"', "", response.content.decode())
        return html.replace(code, "")

    assert page(first, wrong_check) == page(second, unknown)


def test_a_revoked_certificate_shows_the_category_and_date_never_the_coordinators_words(
    client, certificate
):
    services.certificate_revoke(
        certificate=certificate,
        reason="ผู้เรียนไม่ได้เข้าร่วมการนำเสนอผลงานวิจัย",
        category=Certificate.RevocationCategory.ISSUED_IN_ERROR,
    )
    thai = client.get(f"/verify/{certificate.short_code}/").content.decode()
    english = client.get(f"/en/verify/{certificate.short_code}/").content.decode()
    assert "ถูกเพิกถอน" in thai and "ออกโดยผิดพลาด" in thai
    assert str(timezone.localdate().year + 543) in thai  # the date, Buddhist Era
    assert "Issued in error" in english and str(timezone.localdate().year) in english
    assert "ผู้เรียนไม่ได้เข้าร่วม" not in thai + english


def test_a_superseded_certificate_points_to_the_new_one(client, certificate):
    new = services.certificate_reissue(certificate=certificate, reason="แก้ชื่อ")
    html = client.get(f"/verify/{certificate.short_code}/").content.decode()
    assert f"/verify/{new.verification_id}/" in html and new.short_code in html


def test_typing_a_code_in_the_form_redirects_to_its_page(client, certificate):
    response = client.post("/verify/", {"code": f"  {certificate.short_code} "})
    assert response.status_code == 302
    assert response["Location"] == f"/verify/{certificate.short_code}/"


def test_uploading_the_genuine_pdf_shows_its_status(client, pdf_bytes, certificate):
    upload = SimpleUploadedFile("c.pdf", pdf_bytes, content_type="application/pdf")
    html = client.post("/verify/", {"file": upload}).content.decode()
    assert certificate.holder_name_th in html and 'id="not-genuine"' not in html
    assert ("upload", "valid") in _counted()


def test_uploading_an_edited_pdf_says_not_genuine(client, pdf_bytes):
    tampered = bytearray(pdf_bytes)
    tampered[len(tampered) // 2] ^= 0x01
    upload = SimpleUploadedFile("c.pdf", bytes(tampered), content_type="application/pdf")
    html = client.post("/verify/", {"file": upload}).content.decode()
    assert 'id="not-genuine"' in html
    assert ("upload", "not-genuine") in _counted()


def test_uploading_something_that_is_not_a_pdf_is_explained(client):
    upload = SimpleUploadedFile("c.pdf", b"hello", content_type="application/pdf")
    response = client.post("/verify/", {"file": upload})
    assert response.status_code == 200
    assert "PDF" in response.content.decode()


def test_lookups_are_rate_limited_per_client(client, certificate, settings):
    from django.core.cache import cache

    cache.clear()
    settings.CERTIFICATE_LOOKUPS_PER_MINUTE = 3
    statuses = [client.get(f"/verify/{certificate.short_code}/").status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 429, 429]
    other = client.get(f"/verify/{certificate.short_code}/", REMOTE_ADDR="10.9.9.9")
    assert other.status_code == 200
    cache.clear()


def _statuses(client, certificate, n, **meta):
    return [client.get(f"/verify/{certificate.short_code}/", **meta).status_code for _ in range(n)]


@pytest.fixture
def limit_of_two(settings):
    from django.core.cache import cache

    cache.clear()
    settings.CERTIFICATE_LOOKUPS_PER_MINUTE = 2
    yield
    cache.clear()


def test_without_trusted_proxies_a_forged_forwarded_for_does_not_escape_the_limit(
    client, certificate, limit_of_two
):
    forged = [{"HTTP_X_FORWARDED_FOR": f"198.51.100.{n}"} for n in range(4)]
    statuses = [client.get(f"/verify/{certificate.short_code}/", **m).status_code for m in forged]
    assert statuses == [200, 200, 429, 429]


def test_behind_a_trusted_proxy_each_client_has_its_own_limit(
    client, certificate, limit_of_two, settings
):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    # What the client wrote itself (left of the proxy's entry) changes nothing.
    first = [{"HTTP_X_FORWARDED_FOR": f"6.6.6.{n}, 203.0.113.7", **proxy} for n in range(3)]
    statuses = [client.get(f"/verify/{certificate.short_code}/", **m).status_code for m in first]
    assert statuses == [200, 200, 429]
    second = {"HTTP_X_FORWARDED_FOR": "203.0.113.8", **proxy}
    assert _statuses(client, certificate, 1, **second) == [200]
    # A request that bypassed the proxy is counted by its socket address.
    assert _statuses(client, certificate, 3, REMOTE_ADDR="192.0.2.50") == [200, 200, 429]


def test_an_ipv6_client_is_counted_by_its_64_block(client, certificate, limit_of_two):
    hosts = ["2001:db8:1:2::1", "2001:db8:1:2::ff", "2001:db8:1:2:aaaa::9"]
    statuses = [
        client.get(f"/verify/{certificate.short_code}/", REMOTE_ADDR=h).status_code for h in hosts
    ]
    assert statuses == [200, 200, 429]
    assert _statuses(client, certificate, 1, REMOTE_ADDR="2001:db8:1:3::1") == [200]


def test_every_lookup_is_logged_with_channel_and_result(client, certificate):
    client.get(f"/verify/{certificate.short_code}/")
    client.get("/verify/NOPE-NOPE-NOPE/")
    client.get(f"/api/v1/certificates/{certificate.short_code}")
    counted = {(row.channel, row.result): row.total for row in selectors.lookup_counts()}
    assert counted == {("page", "valid"): 1, ("page", "not-found"): 1, ("api", "valid"): 1}
