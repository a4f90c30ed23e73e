import factory

from certificates.models import CertificateTemplate, Signatory


class CertificateTemplateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CertificateTemplate
        django_get_or_create = ["name"]

    name = "พมส. ทดสอบ"
    is_default = True


class SignatoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Signatory

    template = factory.SubFactory(CertificateTemplateFactory)
    name_th = "นายสมศักดิ์ ผู้ลงนาม"
    name_en = "Somsak Signer"
    position_th = "ประธานมูลนิธิส่งเสริมการปกครองท้องถิ่น"
    position_en = "Chair, Local Government Promotion Foundation"


def signature_png(width: int = 600, height: int = 160) -> bytes:
    """A pen-stroke PNG on a transparent background, like a scanned signature."""
    from io import BytesIO

    from PIL import Image, ImageDraw

    canvas = Image.new("RGBA", (width, height), (255, 255, 255, 0))
    ImageDraw.Draw(canvas).line(
        [(20, height * 0.7), (width * 0.4, height * 0.2), (width - 20, height * 0.6)],
        fill=(20, 40, 110, 255),
        width=6,
    )
    buffer = BytesIO()
    canvas.save(buffer, "PNG")
    return buffer.getvalue()


class SignedSignatoryFactory(SignatoryFactory):
    """A signatory whose signature is on file (in the private store)."""

    signature = factory.django.FileField(
        filename="signature.png", data=factory.LazyFunction(signature_png)
    )
