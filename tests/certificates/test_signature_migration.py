"""Migration 0011 takes signatures out of the image library; issued certificates keep them.

The database goes back to 0010 (the image link and the new file side by side), gets a
signatory whose signature is a Wagtail image, and migrates forward again, as an
installation upgrading with signatures on file would.
"""

import pytest

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from wagtail.images.models import Image, Rendition

from certificates import pdf
from certificates.admin_views import sample_certificate
from certificates.models import Signatory
from certificates.signatures import LEGACY_PREFIX
from core.storage import private_storage
from tests.certificates.factories import CertificateTemplateFactory, signature_png
from tests.certificates.pdf_images import signature_images

pytestmark = pytest.mark.django_db(transaction=True)
BEFORE = [("certificates", "0010_signatory_signature_file")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture
def before():
    """The database at 0010; migrated to the latest again afterwards, whatever happens."""
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    apps = _migrate(BEFORE)
    yield apps
    _migrate(latest)


def _image(title: str) -> Image:
    image = Image.objects.create(title=title, file=ContentFile(signature_png(), "sig.png"))
    image.get_rendition("max-165x165")  # what the library's listing makes
    return image


def _signatory(apps, template_pk: int, image: Image):
    OldSignatory = apps.get_model("certificates", "Signatory")
    return OldSignatory.objects.create(
        template_id=template_pk, sort_order=0, name_th="นายสมศักดิ์", position_th="ประธาน",
        signature_id=image.pk,
    )  # fmt: skip


def test_signatures_leave_the_image_library_and_stay_on_the_certificates(before):
    template = CertificateTemplateFactory()
    image = _image("Signature: Somsak")
    files = [image.file.name, *(r.file.name for r in image.renditions.all())]
    old_url = f"/media/{image.file.name}"  # what a design frozen before names
    signatory_pk = _signatory(before, template.pk, image).pk

    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    signatory = Signatory.objects.get(pk=signatory_pk)
    assert signatory.signature.name == LEGACY_PREFIX + files[0]
    with private_storage().open(signatory.signature.name, "rb") as handle:
        assert handle.read() == signature_png()
    assert not Image.objects.filter(pk=image.pk).exists()
    assert not Rendition.objects.filter(image_id=image.pk).exists()
    assert not any(default_storage.exists(name) for name in files)  # no public copy left
    # A certificate frozen before the move still prints the signature.
    frozen = sample_certificate(template)
    frozen.design["signatories"] = [{"name_th": "นายสมศักดิ์", "position_th": "ประธาน",
                                     "signature_url": old_url}]  # fmt: skip
    context = pdf.context_for(frozen, "https://example.org/verify/SAMPLE/")
    content = pdf.write(pdf.render(context), credential_jwt="", title="frozen")
    assert len(signature_images(content)) == 1


def test_an_image_the_site_also_uses_stays_in_the_library(before):
    image = _image("Programme logo")
    template = CertificateTemplateFactory(background=image)
    signatory_pk = _signatory(before, template.pk, image).pk

    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    assert Signatory.objects.get(pk=signatory_pk).signature.name.startswith(LEGACY_PREFIX)
    assert Image.objects.filter(pk=image.pk).exists()
    assert default_storage.exists(image.file.name)


def test_a_signature_only_an_issued_certificate_shows_leaves_the_library_too(
    before, enrolment, monkeypatch
):
    from certificates import services
    from certificates.services import issuing

    template = CertificateTemplateFactory()
    image = _image("Signature: the former chair")  # replaced on the template long ago
    design = {
        **{name: getattr(template, name) for name in ("issuer_name_th", "heading_th")},
        "signatories": [
            {"name_th": "นายอดีต ประธาน", "position_th": "ประธาน",
             "signature_url": f"/media/{image.file.name}"},
        ],
    }  # fmt: skip
    monkeypatch.setattr(issuing, "design_snapshot", lambda template: design)  # issued before
    certificate, _created = services.certificate_issue(enrolment=enrolment, template=template)
    monkeypatch.undo()

    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    assert not Image.objects.filter(pk=image.pk).exists()
    assert not default_storage.exists(image.file.name)
    content = services.certificate_pdf_bytes(certificate=certificate)
    assert len(signature_images(content)) == 1
