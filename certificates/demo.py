"""Demo certificates: cohort-1's graduates hold theirs; one revoked, one reissued.

PDFs are rendered on first download (the snapshot, codes and signed
credential exist at once), which keeps seed_demo quick.
"""

import datetime as dt
import math
from io import BytesIO

from django.core.files.base import ContentFile

from certificates import services
from certificates.models import Certificate, CertificateTemplate, Signatory
from cohorts.completion import completion_for_many
from cohorts.demo import BANGKOK


def _on(day: dt.date, days_after: int) -> dt.datetime:
    """A working-day morning after the graduation ceremony, Bangkok time."""
    day += dt.timedelta(days=days_after)
    return dt.datetime(day.year, day.month, day.day, 10, 0, tzinfo=BANGKOK)


SIGNATORIES = [
    ("นายสมศักดิ์ วงศ์ประเสริฐ", "Somsak Wongprasert", "ประธานมูลนิธิส่งเสริมการปกครองท้องถิ่น",
     "Chair, Local Government Promotion Foundation"),
    ("รศ.ดร.ธีรวัฒน์ เมืองไทย", "Assoc. Prof. Dr. Theerawat Muangthai", "ผู้อำนวยการหลักสูตร",
     "Programme Director"),
]  # fmt: skip


def _signature_png(seed: int) -> ContentFile:
    """A pen-like scribble, so the demo PDF shows where signatures go (a private file,
    like a coordinator's upload: signatures are not in the image library)."""
    from PIL import Image as PILImage
    from PIL import ImageDraw

    canvas = PILImage.new("RGBA", (600, 160), (255, 255, 255, 0))
    draw = ImageDraw.Draw(canvas)
    points = [
        (40 + x * 5, 80 + 40 * math.sin(x / (6 + seed)) * math.cos(x / 17)) for x in range(100)
    ]
    draw.line(points, fill=(20, 40, 110, 255), width=5, joint="curve")
    buffer = BytesIO()
    canvas.save(buffer, "PNG")
    return ContentFile(buffer.getvalue(), name=f"signature-{seed}.png")


def _template() -> CertificateTemplate:
    template = services.template_default()
    if not template.signatories.exists():
        for order, (name_th, name_en, position_th, position_en) in enumerate(SIGNATORIES):
            Signatory.objects.create(
                template=template, sort_order=order, name_th=name_th, name_en=name_en,
                position_th=position_th, position_en=position_en,
                signature=_signature_png(order + 1),
            )  # fmt: skip
    return template


def seed(ctx) -> None:
    cohort = ctx.data["cohort-1"]
    coordinator = ctx.data["coordinator@example.org"]
    template = _template()
    enrolments = list(
        cohort.enrolments.current()
        .filter(certificates__isnull=True)
        .select_related("user")
        .order_by("pk")
    )
    completions = completion_for_many(enrolments)
    # cohort-1 graduated in 2566: the certificates were issued the week after its last day,
    # one revoked a month later and one corrected six weeks later, as the record shows.
    for enrolment in enrolments:
        if completions[enrolment.pk].met:
            services.certificate_issue(
                enrolment=enrolment, issued_by=coordinator, template=template,
                at=_on(cohort.ends_on, 3),
            )  # fmt: skip
    certificates = Certificate.objects.filter(cohort=cohort).exclude(
        holder__email="graduate@example.org"
    )
    if not certificates.filter(status=Certificate.Status.REVOKED).exists():
        victim = (
            certificates.filter(status=Certificate.Status.VALID).order_by("-serial_number").first()
        )
        if victim:
            services.certificate_revoke(
                certificate=victim,
                reason="ออกให้โดยคลาดเคลื่อน: ผู้เรียนไม่ได้เข้าร่วมการนำเสนอผลงานวิจัย (issued in error)",
                revoked_by=coordinator,
                at=_on(cohort.ends_on, 30),
            )
    if not certificates.filter(status=Certificate.Status.SUPERSEDED).exists():
        corrected = certificates.filter(status=Certificate.Status.VALID).order_by("serial_number")
        if old := corrected.first():
            services.certificate_reissue(
                certificate=old,
                reason="แก้ไขการสะกดชื่อภาษาอังกฤษ (English name spelling corrected)",
                issued_by=coordinator,
                at=_on(cohort.ends_on, 45),
            )
    counts = {
        s: Certificate.objects.filter(cohort=cohort, status=s).count()
        for s in Certificate.Status.values
    }
    ctx.say(f"Certificates in cohort-1: {counts}.")
