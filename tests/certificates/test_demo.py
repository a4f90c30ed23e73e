import pytest

from django.core.management import call_command

from certificates.models import Certificate
from tests.certificates.pdf_images import signature_images

pytestmark = pytest.mark.django_db


def test_the_demo_graduate_holds_a_certificate_and_the_states_are_shown():
    for _ in range(2):
        call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    graduate = Certificate.objects.get(holder__email="graduate@example.org")
    assert graduate.status == "valid" and graduate.cohort.slug == "cohort-1"
    assert Certificate.objects.filter(status="revoked").count() == 1
    superseded = Certificate.objects.get(status="superseded")
    assert superseded.superseded_by.status == "valid"


def test_the_demo_signatures_are_private_files_not_library_images():

    from wagtail.images.models import Image

    from certificates import services
    from certificates.models import Signatory
    from certificates.signatures import UPLOAD_TO
    from core.storage import private_storage

    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    signatories = list(Signatory.objects.all())
    assert len(signatories) == 2
    assert all(s.signature.name.startswith(UPLOAD_TO) for s in signatories)
    assert all(private_storage().exists(s.signature.name) for s in signatories)
    assert not Image.objects.filter(title__icontains="signature").exists()
    graduate = Certificate.objects.get(holder__email="graduate@example.org")
    content = services.certificate_pdf_bytes(certificate=graduate)
    assert len(signature_images(content)) == 2
