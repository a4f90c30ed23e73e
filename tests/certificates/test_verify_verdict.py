"""The verdict at a glance.

A banner coloured by status, the badge, criteria, downloads, previews.
"""

import re
from io import BytesIO
from xml.etree import ElementTree

import pytest
from PIL import Image

from django.core.files.uploadedfile import SimpleUploadedFile

from certificates import badges, credential, services, urls_util
from core.urls import absolute_url

pytestmark = pytest.mark.django_db


def _page(client, code, language=""):
    return client.get(f"{language}/verify/{code}/").content.decode()


def _banner(html: str) -> str:
    match = re.search(r'<section class="verify-banner (verify-[a-z-]+)"', html)
    return match.group(1) if match else ""


def _og(html: str) -> dict:
    return dict(re.findall(r'<meta property="og:([a-z:_]+)" content="([^"]*)"', html))


def test_each_status_has_its_own_banner(client, certificate):
    assert _banner(_page(client, certificate.short_code)) == "verify-valid"
    new = services.certificate_reissue(certificate=certificate, reason="แก้ชื่อ")
    assert _banner(_page(client, certificate.short_code)) == "verify-superseded"
    services.certificate_revoke(certificate=new, reason="ออกผิดคน")
    assert _banner(_page(client, new.short_code)) == "verify-revoked"
    assert _banner(_page(client, "ZZZZ-ZZZZ-ZZZ0")) == "verify-not-found"


def test_the_page_shows_the_badge_criteria_and_description(client, certificate):
    html = _page(client, certificate.short_code, "/en")
    assert urls_util.achievement_badge_url(certificate, "png") in html
    assert certificate.design["criteria_en"] in html
    assert f"{certificate.programme_en}, cohort {certificate.cohort_number}" in html
    assert certificate.design["criteria_th"] in _page(client, certificate.short_code)


def test_the_page_links_the_credential_and_the_json(client, certificate):
    html = _page(client, certificate.short_code)
    assert urls_util.credential_url(certificate) + "?download=1" in html
    assert urls_util.api_url(certificate) in html
    api = client.get(urls_util.api_url(certificate).removeprefix(absolute_url("")))
    assert api.json()["code"] == certificate.short_code


def test_a_shared_link_previews_with_the_badge(client, certificate):
    tags = _og(_page(client, certificate.verification_id, "/en"))
    assert tags["url"] == urls_util.verify_url(certificate)
    assert tags["image"] == urls_util.achievement_badge_url(certificate, "png")
    assert certificate.holder_name_en in tags["title"] and "Valid" in tags["title"]
    assert certificate.programme_en in tags["description"]
    image = client.get(tags["image"].removeprefix(absolute_url("")))
    assert image.status_code == 200 and image["Content-Type"] == "image/png"
    assert Image.open(BytesIO(image.content)).size == (600, 600)
    assert "ใช้ได้" in _og(_page(client, certificate.verification_id))["title"]


def test_an_unknown_code_offers_no_preview(client, db):
    assert _og(_page(client, "ZZZZ-ZZZZ-ZZZ0")) == {}


def test_an_uploaded_genuine_file_says_what_was_checked(client, pdf_bytes, certificate):
    upload = SimpleUploadedFile("c.pdf", pdf_bytes, content_type="application/pdf")
    html = client.post("/en/verify/", {"file": upload}).content.decode()
    assert _banner(html) == "verify-valid"
    assert "its digital signature covers the whole file" in html
    typed = _page(client, certificate.short_code, "/en")
    assert "its digital signature covers the whole file" not in typed


def test_an_uploaded_tampered_file_gets_the_not_genuine_banner(client, pdf_bytes):
    tampered = bytearray(pdf_bytes)
    tampered[len(tampered) // 2] ^= 0x01
    upload = SimpleUploadedFile("c.pdf", bytes(tampered), content_type="application/pdf")
    html = client.post("/en/verify/", {"file": upload}).content.decode()
    assert _banner(html) == "verify-not-genuine"
    assert "digital signature and the credential embedded in it" in html


def test_the_badge_is_per_cohort_in_png_and_svg_with_thai_and_english(client, certificate):
    svg = client.get(f"/credentials/achievements/cohort-{certificate.cohort_number}.svg")
    assert svg.status_code == 200 and svg["Content-Type"] == "image/svg+xml"
    assert svg["Access-Control-Allow-Origin"] == "*"
    texts = [
        t.text
        for t in ElementTree.fromstring(svg.content).iter("{http://www.w3.org/2000/svg}text")  # noqa: S314
    ]
    assert f"รุ่นที่ {certificate.cohort_number}" in texts
    assert f"Cohort {certificate.cohort_number}" in texts
    assert "พมส." in texts and certificate.programme_en in texts
    png = client.get(f"/credentials/achievements/cohort-{certificate.cohort_number}.png")
    assert png.content.startswith(b"\x89PNG")
    other = badges.png(badges.for_programme(certificate.programme_th, certificate.programme_en, 99))
    assert other != png.content  # the cohort is drawn, not only named
    assert client.get("/credentials/achievements/cohort-999.png").status_code == 404
    assert (
        client.get(f"/credentials/achievements/cohort-{certificate.cohort_number}.gif").status_code
        == 404
    )


def test_the_png_badge_shapes_thai_with_raqm(db):
    from PIL import ImageFont

    assert badges._font(True, 30).layout_engine == ImageFont.Layout.RAQM


def test_the_achievement_and_the_issuer_profile_carry_a_badge_image(client, certificate):
    number = certificate.cohort_number
    achievement = client.get(f"/credentials/achievements/cohort-{number}.json").json()
    assert achievement["image"]["type"] == "Image"
    assert achievement["image"]["id"] == urls_util.achievement_badge_url(certificate)
    assert f"รุ่นที่ {number}" in achievement["image"]["caption"]
    subject = credential.verify(certificate.credential_jwt)["credentialSubject"]
    assert subject["achievement"]["image"]["id"] == urls_util.achievement_badge_url(certificate)
    profile = client.get("/credentials/issuer.json").json()
    assert profile["image"]["id"] == urls_util.issuer_badge_url()
    issuer_png = client.get("/credentials/badge.png")
    assert issuer_png.status_code == 200 and issuer_png.content.startswith(b"\x89PNG")
