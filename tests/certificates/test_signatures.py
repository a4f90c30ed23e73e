"""Signatures are private files: coordinators upload and see them, the PDF prints them,
nobody else reaches them, and they are not in the image library (#14 item 10)."""

from io import BytesIO

import pytest

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.images.models import Image
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from certificates import services
from certificates.models import Signatory
from certificates.signatures import UPLOAD_TO
from core.storage import private_storage
from tests.certificates.factories import SignedSignatoryFactory, signature_png
from tests.certificates.pdf_images import signature_images
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
BASE = "/admin/issued-certificates"


def _edit_url(template) -> str:
    return f"/admin/certificate_templates/edit/{template.pk}/"


def _form(template, upload=None) -> dict:
    """The template's edit form as the admin posts it, the first signatory's file set."""
    fields = ["name", "issuer_name_th", "issuer_name_en", "programme_th", "programme_en"]
    fields += ["heading_th", "heading_en", "body_th", "body_en", "criteria_th", "criteria_en"]
    rows = []
    for signatory in template.signatories.order_by("sort_order"):
        row = {"id": signatory.pk, "name_th": signatory.name_th, "name_en": signatory.name_en}
        row.update(position_th=signatory.position_th, position_en=signatory.position_en)
        rows.append(row)
    if upload is not None:
        rows[0]["signature"] = upload
    data = nested_form_data(
        {
            **{name: getattr(template, name) for name in fields},
            "is_default": "on" if template.is_default else "",
            "signatories": inline_formset(rows, initial=len(rows), min=1, max=4),
        }
    )
    return {key: value for key, value in data.items() if value != ""}


def _upload(client, template, name="signature.png", content=None, content_type="image/png"):
    upload = SimpleUploadedFile(name, signature_png() if content is None else content, content_type)
    return client.post(_edit_url(template), _form(template, upload))


@pytest.fixture
def editor(db):
    """A Wagtail editor: the admin and the image library, but not a coordinator."""
    user = UserFactory()
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def test_a_coordinator_uploads_a_signature_and_the_certificate_shows_it(
    client, coordinator, template, enrolment
):
    client.force_login(coordinator)
    response = _upload(client, template)
    assert response.status_code == 302, response.content.decode()[:2000]
    signatory = template.signatories.order_by("sort_order").first()
    signatory.refresh_from_db()
    assert signatory.signature.name.startswith(UPLOAD_TO)
    assert private_storage().exists(signatory.signature.name)
    assert not Image.objects.exists()  # nothing went to the image library
    certificate, _created = services.certificate_issue(enrolment=enrolment)
    images = signature_images(services.certificate_pdf_bytes(certificate=certificate))
    assert len(images) == 1  # the one signature on file; the other signatory has none
    assert images[0].image.size == (600, 160)


def test_the_template_preview_shows_the_signature(client, coordinator, template):
    SignedSignatoryFactory(template=template, sort_order=5)
    client.force_login(coordinator)
    response = client.get(f"{BASE}/template/{template.pk}/preview/")
    assert len(signature_images(response.content)) == 1


def test_the_edit_form_shows_the_signature_through_the_checked_view(client, coordinator, template):
    signatory = SignedSignatoryFactory(template=template, sort_order=5)
    client.force_login(coordinator)
    html = client.get(_edit_url(template)).content.decode()
    assert f"{BASE}/signatory/{signatory.pk}/signature/" in html
    assert signatory.signature.name not in html  # no file path, no /media/ address


def test_a_coordinator_fetches_the_signature_privately(client, coordinator, template):
    signatory = SignedSignatoryFactory(template=template)
    client.force_login(coordinator)
    response = client.get(f"{BASE}/signatory/{signatory.pk}/signature/")
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content) == signature_png()
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("who", ["anonymous", "learner", "facilitator", "editor"])
def test_nobody_but_coordinators_sees_or_fetches_a_signature(client, request, who, template):
    signatory = SignedSignatoryFactory(template=template)
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    for url in (f"{BASE}/signatory/{signatory.pk}/signature/", _edit_url(template)):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert signature_png() not in response.content
        assert signatory.signature.name not in response.content.decode()
    # and never from the public media address the file would have had
    response = client.get(f"/media/{signatory.signature.name}", follow=True)
    assert response.status_code == 404 and signature_png() not in response.content


@pytest.mark.parametrize("who", ["learner", "facilitator", "editor"])
def test_nobody_but_coordinators_can_change_a_signature(client, request, who, template):
    client.force_login(request.getfixturevalue(who))
    response = _upload(client, template)
    assert response.status_code in (302, 403)
    assert not Signatory.objects.exclude(signature="").exists()


def test_the_missing_file_of_a_signatory_is_not_found(client, coordinator, template):
    signatory = template.signatories.first()
    client.force_login(coordinator)
    assert client.get(f"{BASE}/signatory/{signatory.pk}/signature/").status_code == 404


def _stored_signatures() -> list[str]:
    storage = private_storage()
    return storage.listdir(UPLOAD_TO)[1] if storage.exists(UPLOAD_TO) else []


def _big_png() -> bytes:
    from PIL import Image as PILImage

    buffer = BytesIO()
    PILImage.frombytes("RGB", (1200, 1200), bytes(range(256)) * 16875).save(buffer, "PNG")
    return buffer.getvalue() + b"\0" * (2 * 1024 * 1024)  # PNG readers ignore the tail


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("signature.png", b"%PDF-1.4 not an image", "ไม่ใช่ภาพ PNG, JPEG หรือ WebP"),
        ("signature.png", b"just some text", "ไม่ใช่ภาพ PNG, JPEG หรือ WebP"),
        ("signature.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "เสียหาย"),
        ("signature.pdf", signature_png(), "ไม่ตรงกับเนื้อหา"),
        ("signature.png", signature_png(5000, 100), "ไม่เกิน 4000 พิกเซล"),
        ("signature.png", _big_png(), "ใหญ่เกิน 2 MB"),
    ],
)
def test_a_bad_file_is_refused_in_thai_and_nothing_is_saved(
    client, coordinator, template, name, content, message
):
    client.force_login(coordinator)
    stored = _stored_signatures()
    response = _upload(client, template, name=name, content=content)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Signatory.objects.exclude(signature="").exists()
    assert _stored_signatures() == stored


def test_the_image_library_lists_no_signatures(client, coordinator, template):
    SignedSignatoryFactory(template=template)
    client.force_login(coordinator)
    response = client.get("/admin/images/")
    assert response.status_code == 200
    assert not Image.objects.exists()
