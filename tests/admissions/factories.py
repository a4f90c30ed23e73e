"""Intakes and applications for the admissions tests (applications as if sent)."""

import datetime as dt

import factory

from django.core.files.base import ContentFile
from django.utils import timezone

from accounts.models import Organisation, Province
from admissions.models import Application, Intake
from tests.assignments.factories import pdf_bytes
from tests.factories import CohortFactory, OrganisationFactory


class IntakeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Intake

    cohort = factory.SubFactory(CohortFactory, status="enrolling")
    opens_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=3))
    closes_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=30))
    places = 10
    eligibility_th = "นายกเทศมนตรีและผู้บริหารท้องถิ่น"
    documents_th = "หนังสือเสนอชื่อจากเทศบาล"


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Application

    intake = factory.SubFactory(IntakeFactory)
    title_prefix = "นาย"
    first_name = factory.Sequence(lambda n: f"ผู้สมัคร{n}")
    last_name = "ทดสอบ"
    first_name_en = factory.Sequence(lambda n: f"Applicant{n}")
    last_name_en = "Test"
    title_prefix_en = "Mr"
    position = "นายกเทศมนตรี"
    organisation = factory.SubFactory(OrganisationFactory)
    organisation_kind = factory.LazyAttribute(
        lambda o: o.organisation.kind if o.organisation else Organisation.Kind.SAO
    )
    province = factory.LazyAttribute(
        lambda o: o.organisation.province if o.organisation else Province.objects.get(code="TH-40")
    )
    email = factory.Sequence(lambda n: f"applicant{n}@example.org")
    phone = "0812345678"
    theme = "smart-health"
    motivation = "อยากพัฒนาเมือง"
    letter = factory.LazyFunction(lambda: ContentFile(pdf_bytes(), name="letter.pdf"))
    letter_name = "letter.pdf"
    letter_sha256 = "0" * 64
    consented_at = factory.LazyFunction(timezone.now)
    privacy_version = "test"
