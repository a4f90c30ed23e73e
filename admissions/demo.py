"""Demo admissions: cohort-3 with an open intake, regional quotas, and 30 applications from
the registry's municipalities in every state of screening, two of them flagged duplicates."""

import datetime as dt

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from accounts.models import Organisation, Province
from admissions.models import Application, ApplicationNote, Intake, Quota
from cohorts.models import Cohort
from curriculum.themes import ResearchTheme

S = Application.Status
# 28 applications in these states (in the order received), and two flagged duplicates: 30.
STATES = [S.RECEIVED] * 7 + [S.UNDER_REVIEW] * 6 + [S.SHORTLISTED] * 6 + [S.ACCEPTED] * 4 \
    + [S.WAITLISTED] * 2 + [S.DECLINED] * 2 + [S.WITHDRAWN]  # fmt: skip
TITLES = ["นาย", "นาง", "นางสาว", "ดร.", "รศ.ดร.", "พ.ต.อ.", "ว่าที่ร้อยตรี"]
FIRST = [("ประยุทธ", "Prayut"), ("สุดารัตน์", "Sudarat"), ("วิโรจน์", "Wiroj"),
         ("จันทร์เพ็ญ", "Chanphen"), ("ไพโรจน์", "Pairoj"), ("รัชนี", "Ratchanee"),
         ("เกรียงไกร", "Kriangkrai"), ("ศิริพร", "Siriporn"), ("ธีรพงษ์", "Theeraphong"),
         ("อัมพร", "Amphorn")]  # fmt: skip
LAST = [("ศรีสุข", "Srisuk"), ("บุญมา", "Boonma"), ("แก้วมณี", "Kaewmanee"),
        ("ทองดี", "Thongdee"), ("พรหมมา", "Phromma")]  # fmt: skip
POSITIONS = ["นายกเทศมนตรี", "รองนายกเทศมนตรี", "ปลัดเทศบาล", "นายกองค์การบริหารส่วนตำบล"]
MOTIVATION = "เทศบาลต้องการใช้ข้อมูลเมืองในการวางแผน{theme} และสร้างเครือข่ายกับท้องถิ่นอื่น"


def _letter() -> bytes:
    from io import BytesIO

    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def _cohort() -> Cohort:
    # At programme scale (seed_demo --scale programme) cohort 3 is a past cohort and the
    # upcoming one, with this intake, moved after the ten that ran (cohorts/demo_scale.py).
    moved = Intake.objects.exclude(cohort__slug="cohort-3").select_related("cohort").first()
    if moved is not None:
        return moved.cohort
    starts = timezone.localdate() + dt.timedelta(days=60)
    cohort, _ = Cohort.objects.get_or_create(
        slug="cohort-3",
        defaults=dict(number=3, title_th="พมส. รุ่นที่ 3", title_en="Senior Urban Developer, cohort 3",
                      starts_on=starts, ends_on=starts + dt.timedelta(days=364),
                      status=Cohort.Status.ENROLLING),
    )  # fmt: skip
    return cohort


def _intake(cohort: Cohort) -> Intake:
    now = timezone.now()
    intake, created = Intake.objects.get_or_create(
        cohort=cohort,
        defaults=dict(
            opens_at=now - dt.timedelta(days=10), closes_at=now + dt.timedelta(days=35), places=12,
            fee_baht=0,
            eligibility_th="นายกเทศมนตรี ผู้บริหาร และบุคลากรขององค์กรปกครองส่วนท้องถิ่น "
                           "ที่เทศบาลหรือหน่วยงานเสนอชื่อ",
            eligibility_en="Mayors, executives and staff of local governments, nominated by "
                           "their municipality or organisation.",
            documents_th="หนังสือเสนอชื่อจากหน่วยงาน (PDF)",
            documents_en="A nomination letter from your organisation (PDF).",
            next_expected_th="มีนาคม 2570", next_expected_en="March 2027",
        ),
    )  # fmt: skip
    if created:
        for value, places in (("northeast", 4), ("north", 3), ("south", 2)):
            Quota.objects.create(intake=intake, dimension="region", value=value, places=places)
        Quota.objects.create(intake=intake, dimension="kind", value="city", places=5)
    return intake


def _applications(ctx, intake: Intake) -> int:
    municipalities = list(
        Organisation.objects.filter(kind__in=Organisation.LOCAL_GOVERNMENT_KINDS)
        .select_related("province").order_by("name_th")
    )  # fmt: skip
    themes = list(ResearchTheme)
    letter = _letter()
    made = 0
    for i, status in enumerate(STATES):
        first, first_en = FIRST[i % len(FIRST)]
        last, last_en = LAST[(i // len(FIRST) + i) % len(LAST)]
        # One application per municipality: the only duplicates are the two flagged below.
        organisation = municipalities[i] if i < len(municipalities) else None
        email = f"applicant{i + 1}@example.org"
        if intake.applications.filter(email=email).exists():
            continue
        theme = themes[i % len(themes)]
        typed = organisation is None or i in (7, 19)  # two typed, missing from the registry
        application = Application(
            intake=intake, status=status, title_prefix=TITLES[i % len(TITLES)],
            first_name=first, last_name=last, first_name_en=first_en, last_name_en=last_en,
            title_prefix_en="Dr" if "ดร" in TITLES[i % len(TITLES)] else "Mr",
            position=POSITIONS[i % len(POSITIONS)],
            organisation=None if typed else organisation,
            organisation_name=f"เทศบาลตำบลบ้านใหม่{i}" if typed else "",
            organisation_kind=organisation.kind if organisation and not typed else "subdistrict",
            province=organisation.province if organisation else Province.objects.get(code="TH-40"),
            email=email, phone=f"08{i:08d}", theme=theme, motivation=MOTIVATION.format(theme=theme.label),
            letter_name="หนังสือเสนอชื่อ.pdf", letter_sha256="demo",
            consented_at=timezone.now(), privacy_version="demo",
        )  # fmt: skip
        application.letter.save("letter.pdf", ContentFile(letter), save=False)
        application.save()
        made += 1
    return made


def _duplicates(ctx, intake: Intake) -> None:
    """Two flagged pairs: one mayor who applied twice, and two people of one municipality."""
    rows = list(intake.applications.order_by("created_at")[:4])
    if len(rows) < 4 or intake.applications.filter(same_person=True).exists():
        return
    again = rows[1]
    twin = Application.objects.get(pk=again.pk)
    twin.pk = None
    twin.reference = Application._meta.get_field("reference").default()
    twin.status = S.RECEIVED
    twin.email = "applicant-again@example.org"
    twin.save()
    Application.objects.filter(pk__in=[again.pk, twin.pk]).update(same_person=True)
    first_of_town = rows[3].pk
    colleague = Application.objects.get(pk=first_of_town)
    colleague.pk = None
    colleague.reference = Application._meta.get_field("reference").default()
    colleague.first_name, colleague.first_name_en = "มานพ", "Manop"
    colleague.email = "colleague@example.org"
    colleague.position = "ปลัดเทศบาล"
    colleague.save()
    Application.objects.filter(pk__in=[first_of_town, colleague.pk]).update(same_organisation=True)
    coordinator = ctx.data.get("coordinator@example.org")
    ApplicationNote.objects.create(
        application=twin, author=coordinator,
        text="สมัครซ้ำด้วยอีเมลอื่น โทรสอบถามแล้ว จะพิจารณาใบสมัครแรก",
    )  # fmt: skip


@transaction.atomic
def seed(ctx) -> None:
    intake = _intake(_cohort())
    made = _applications(ctx, intake)
    _duplicates(ctx, intake)
    ctx.data["intake"] = intake
    flagged = intake.applications.filter(Q(same_person=True) | Q(same_organisation=True))
    ctx.say(
        f"Admissions: cohort-3 intake open, {intake.applications.count()} applications "
        f"({made} new), {flagged.count()} flagged as duplicates."
    )
