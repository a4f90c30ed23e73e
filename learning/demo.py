"""Demo materials and announcements for cohort-2 (issue 18 item 6).

Past sessions get slides and a handout as small PDFs the platform renders itself
(WeasyPrint, Thai font), the online session a recording link; the demo learner has
opened all but one new material; two announcements, one of them unread by the learner.
Idempotent: what exists (found by session and title) is left alone.
"""

import datetime as dt

from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from django.utils import timezone

from accounts.models import User
from cohorts.models import Cohort, Session
from learning.models import Announcement, AnnouncementRead, Material, MaterialOpen

PAST_SESSIONS = 4  # the most recent past sessions of cohort-2 that get materials
LEARNER = "learner@example.org"


def _pdf(title: str, subtitle: str, points: list[str]) -> bytes:
    from weasyprint import HTML  # heavy: loaded only when the demo runs

    html = render_to_string(
        "learning/pdf/demo_material.html", {"title": title, "subtitle": subtitle, "points": points}
    )
    return HTML(string=html).write_pdf()


def _material(session, title_th, kind, *, content=None, url="", available_from, by) -> Material:
    material = Material.objects.filter(session=session, title_th=title_th).first()
    if material:
        return material
    material = Material(
        session=session, title_th=title_th, kind=kind, url=url,
        available_from=available_from, created_by=by, announced_at=available_from,
    )  # fmt: skip
    if content is not None:
        name = f"session-{session.number}-{kind}.pdf"
        material.file.save(name, ContentFile(content), save=False)
        material.file_name, material.content_type, material.size = (
            name, "application/pdf", len(content),
        )  # fmt: skip
    material.full_clean()
    material.save()
    return material


def _session_materials(session: Session, by) -> list[Material]:
    points = [session.title_th, session.preparation or "ประเด็นสำคัญของการเรียนครั้งนี้"]
    made = [
        _material(
            session, f"สไลด์ประกอบการบรรยาย ครั้งที่ {session.number}", Material.Kind.SLIDES,
            content=_pdf(session.title_th, f"ครั้งที่ {session.number} · สไลด์", points),
            available_from=session.ends_at, by=by,
        )
    ]  # fmt: skip
    if session.kind == Session.Kind.ONLINE or session.number % 2:
        made.append(
            _material(
                session, f"บันทึกการบรรยาย ครั้งที่ {session.number}", Material.Kind.RECORDING,
                url=f"https://video.example.org/sud/cohort-2/session-{session.number}",
                available_from=session.ends_at + dt.timedelta(hours=2), by=by,
            )
        )  # fmt: skip
    return made


def seed(ctx) -> None:
    cohort = Cohort.objects.filter(slug="cohort-2").first()
    learner = User.objects.filter(email=LEARNER).first()
    if cohort is None or learner is None:
        return
    now = timezone.now()
    by = User.objects.filter(email="facilitator@example.org").first()
    past = list(
        cohort.sessions.filter(ends_at__lt=now)
        .exclude(status=Session.Status.CANCELLED)
        .order_by("-starts_at")[:PAST_SESSIONS]
    )
    made = [m for session in reversed(past) for m in _session_materials(session, by)]
    if past:
        handout = _material(
            past[0], "เอกสารสรุปประเด็นและแบบฝึกหัดก่อนครั้งถัดไป", Material.Kind.READING,
            content=_pdf("สรุปประเด็นสำคัญ", past[0].title_th, [
                "ทบทวนโจทย์ปัญหาเมืองของทีม", "เตรียมข้อมูลสำหรับครั้งถัดไป"]),
            available_from=now - dt.timedelta(hours=3), by=by,
        )  # fmt: skip
        for material in made:
            if material.pk != handout.pk:
                MaterialOpen.objects.get_or_create(material=material, user=learner)
    _announcements(ctx, cohort, learner, past[0] if past else None)
    ctx.say(
        f"Materials: {Material.objects.count()}, announcements: {Announcement.objects.count()}."
    )


def _announcements(ctx, cohort, learner, session) -> None:
    coordinator = User.objects.filter(email="coordinator@example.org").first()
    read, _ = Announcement.objects.get_or_create(
        cohort=cohort, title_th="ยินดีต้อนรับสู่ พมส. รุ่นที่ 2",
        defaults=dict(
            audience=Announcement.Audience.COHORT, created_by=coordinator,
            title_en="Welcome to cohort 2",
            body_th="ตารางเรียนและเอกสารประกอบการเรียนทุกครั้งอยู่ในหน้า \"หลักสูตรของฉัน\"",
            body_en="The schedule and every session's materials are on My programme.",
            published_at=timezone.now() - dt.timedelta(days=60),
        ),
    )  # fmt: skip
    AnnouncementRead.objects.get_or_create(announcement=read, user=learner)
    Announcement.objects.get_or_create(
        cohort=cohort, title_th="ส่งร่างแผนการเก็บข้อมูลก่อนการเรียนครั้งถัดไป",
        defaults=dict(
            audience=Announcement.Audience.COHORT, created_by=coordinator, session=session,
            title_en="Send your data collection plan before the next session",
            body_th="ขอให้แต่ละทีมส่งร่างแผนการเก็บข้อมูลผ่านหน้างานวิจัยของทีม",
            body_en="Each team please hands in its draft data collection plan on the team's page.",
            pinned_until=timezone.localdate() + dt.timedelta(days=14),
            published_at=timezone.now() - dt.timedelta(days=1),
        ),
    )  # fmt: skip
