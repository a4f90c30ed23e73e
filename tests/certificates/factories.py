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
