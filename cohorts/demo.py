"""Demo cohorts: cohort-1 (finished, 2022-2023) and cohort-2 (running now).

Each has 15 sessions including a multi-day site visit; cohort-1 visits Khon
Kaen for the BCG / circular economy study visit on 8-10 December 2565 (2022).
"""

import datetime as dt
from zoneinfo import ZoneInfo

from django.utils import timezone

from accounts.models import Province
from cohorts.models import Cohort, Enrolment, Session, Team, Venue
from curriculum.themes import ResearchTheme

BANGKOK = ZoneInfo("Asia/Bangkok")
S = Session.Kind

VENUES = [
    ("kku", "วิทยาลัยการปกครองท้องถิ่น มหาวิทยาลัยขอนแก่น", "College of Local Administration, Khon Kaen University",
     "123 ถนนมิตรภาพ ตำบลในเมือง อำเภอเมืองขอนแก่น", "TH-40", "16.474700", "102.823600"),
    ("mlt", "สันนิบาตเทศบาลแห่งประเทศไทย", "Municipal League of Thailand",
     "ถนนนครราชสีมา แขวงดุสิต เขตดุสิต กรุงเทพมหานคร", "TH-10", "13.775300", "100.512800"),
    ("korat", "ศูนย์ประชุมเทศบาลนครนครราชสีมา", "Nakhon Ratchasima City Hall Conference Centre",
     "ถนนมหาดไทย ตำบลในเมือง อำเภอเมืองนครราชสีมา", "TH-30", "14.975200", "102.100100"),
    ("chiangrai", "หอประชุมเทศบาลนครเชียงราย", "Chiang Rai City Municipality Hall",
     "ถนนธนาลัย ตำบลเวียง อำเภอเมืองเชียงราย", "TH-57", "19.909500", "99.832500"),
    ("hatyai", "ศูนย์ประชุมนานาชาติฉลองสิริราชสมบัติครบ 60 ปี มหาวิทยาลัยสงขลานครินทร์",
     "PSU 60th Anniversary Convention Centre", "อำเภอหาดใหญ่ จังหวัดสงขลา", "TH-90", "7.006700", "100.498700"),
]  # fmt: skip

# number, Thai title, English title, kind, venue key, days, mandatory
PROGRAMME = [
    ("ปฐมนิเทศและการพัฒนาเมืองบนฐานงานวิจัย", "Orientation: research-based urban development", S.CLASSROOM, "mlt", 1, True),
    ("เมืองน่าอยู่อัจฉริยะ", "Livable smart cities", S.CLASSROOM, "kku", 1, False),
    ("ปฏิบัติการบนฐานงานวิจัย: การกำหนดโจทย์ปัญหาเมือง", "Research practicum: framing the city's problem", S.PRACTICUM, "kku", 1, False),
    ("ข้อมูลเมืองและแพลตฟอร์มดิจิทัล", "Urban data and digital platforms", S.CLASSROOM, "korat", 1, False),
    ("การเงินการคลังท้องถิ่นและกลไกการเงินใหม่", "Local finance and new financial mechanisms", S.ONLINE, None, 1, False),
    ("ศึกษาดูงาน ขอนแก่น: เศรษฐกิจ BCG และเศรษฐกิจหมุนเวียน", "Khon Kaen study visit: BCG and circular economy", S.SITE_VISIT, "kku", 3, True),
    ("ปฏิบัติการบนฐานงานวิจัย: แผนการเก็บข้อมูล", "Research practicum: data collection plan", S.PRACTICUM, "kku", 1, False),
    ("เมืองสุขภาวะและระบบสุขภาพอัจฉริยะ", "Healthy cities and smart health", S.CLASSROOM, "mlt", 1, False),
    ("การจัดการภัยพิบัติของเมือง", "Urban disaster management", S.CLASSROOM, "hatyai", 1, False),
    ("เศรษฐกิจมรดกและวัฒนธรรม", "Heritage and culture economy", S.CLASSROOM, "chiangrai", 1, False),
    ("ปฏิบัติการบนฐานงานวิจัย: การวิเคราะห์ข้อมูล", "Research practicum: data analysis", S.PRACTICUM, "korat", 1, False),
    ("ศึกษาดูงาน เชียงราย: เมืองมรดกและเมืองสร้างสรรค์", "Chiang Rai study visit: heritage and creative city", S.SITE_VISIT, "chiangrai", 2, False),
    ("ปฏิบัติการบนฐานงานวิจัย: ร่างรายงานวิจัย", "Research practicum: draft research report", S.PRACTICUM, "kku", 1, False),
    ("ปฏิบัติการบนฐานงานวิจัย ครั้งที่ 14: นำเสนอผลงานวิจัย", "Research practicum 14: presenting the research", S.PRACTICUM, "mlt", 1, True),
    ("พิธีมอบประกาศนียบัตร", "Graduation ceremony", S.CEREMONY, "mlt", 1, False),
]  # fmt: skip

THEMES = list(ResearchTheme.values)
THEME_TH = {
    ResearchTheme.SMART_HEALTH: "ระบบสุขภาพอัจฉริยะ",
    ResearchTheme.SMART_ENVIRONMENT: "สิ่งแวดล้อมอัจฉริยะ",
    ResearchTheme.INFRASTRUCTURE: "โครงสร้างพื้นฐานเมือง",
    ResearchTheme.DISASTER: "การจัดการภัยพิบัติ",
    ResearchTheme.HERITAGE: "เศรษฐกิจมรดกและวัฒนธรรม",
    ResearchTheme.CIRCULAR: "เศรษฐกิจสีเขียวและเศรษฐกิจหมุนเวียน",
    ResearchTheme.REVENUE: "รายได้และกลไกการเงินใหม่",
}


def _session_dates(slug: str) -> list[dt.date]:
    """cohort-1: July 2022 onwards with the Khon Kaen visit on 8 Dec 2022; cohort-2: around today."""
    if slug == "cohort-1":
        start = dt.date(2022, 7, 15)
    else:
        today = timezone.localdate()
        start = (today.replace(day=1) - dt.timedelta(days=150)).replace(day=12)
    dates = []
    for index in range(len(PROGRAMME)):
        month = start.month - 1 + index * 2 // 3 + (1 if index >= 5 else 0)
        year, month = start.year + month // 12, month % 12 + 1
        dates.append(dt.date(year, month, min(start.day + (index % 3) * 9, 28)))
    if slug == "cohort-1":
        dates[5] = dt.date(2022, 12, 8)
    return dates


def _aware(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=BANGKOK)


def _venues():
    provinces = {p.code: p for p in Province.objects.all()}
    venues = {}
    for key, name_th, name_en, address, code, lat, lon in VENUES:
        venues[key], _ = Venue.objects.get_or_create(
            name_th=name_th,
            defaults=dict(name_en=name_en, address=address, province=provinces[code],
                          latitude=lat, longitude=lon),
        )  # fmt: skip
    return venues


def _cohort(ctx, slug: str, number: int, status: str) -> Cohort:
    dates = _session_dates(slug)
    cohort, _ = Cohort.objects.get_or_create(
        slug=slug,
        defaults=dict(number=number, title_th=f"พมส. รุ่นที่ {number}",
                      title_en=f"Senior Urban Developer, cohort {number}",
                      starts_on=dates[0], ends_on=dates[-1], status=status),
    )  # fmt: skip
    cohort.coordinators.add(ctx.data["coordinator@example.org"])
    return cohort


def _sessions(ctx, cohort: Cohort, venues) -> None:
    facilitator = ctx.data["facilitator@example.org"]
    for number, (day, spec) in enumerate(
        zip(_session_dates(cohort.slug), PROGRAMME, strict=True), 1
    ):
        title_th, title_en, kind, venue_key, days, mandatory = spec
        end_day = day + dt.timedelta(days=days - 1)
        session, created = Session.objects.get_or_create(
            cohort=cohort, number=number,
            defaults=dict(
                title_th=title_th, title_en=title_en, kind=kind, is_mandatory=mandatory,
                starts_at=_aware(day, 8, 30 if days == 1 else 0), ends_at=_aware(end_day, 16, 30),
                venue=venues.get(venue_key),
                online_url="https://meet.example.org/pms-finance" if kind == S.ONLINE else "",
                preparation="เตรียมข้อมูลพื้นฐานของเทศบาลและโจทย์วิจัยของทีม" if kind == S.PRACTICUM else "",
            ),
        )  # fmt: skip
        if created and number % 2:
            session.facilitators.add(facilitator)


def _teams(ctx, cohort: Cohort) -> None:
    facilitator = ctx.data["facilitator@example.org"]
    for index, (org, members) in enumerate(ctx.data["teams_by_cohort"][cohort.slug]):
        theme = THEMES[index % len(THEMES)]
        team, _ = Team.objects.get_or_create(
            cohort=cohort, name=f"ทีม{org.name_th}",
            defaults=dict(organisation=org, advisor=facilitator if index % 2 == 0 else None,
                          theme=theme, project_title=f"โครงการวิจัย{THEME_TH[theme]} {org.name_th}"),
        )  # fmt: skip
        for person, role in members:
            Enrolment.objects.get_or_create(
                cohort=cohort, user=person,
                defaults=dict(role=role, team=team, position_snapshot=person.position,
                              organisation_snapshot=org, organisation_name_snapshot=org.name_th),
            )  # fmt: skip


# cohort-2 shows a changed plan: session 9 moved a week later, session 11 cancelled.
RESCHEDULED, CANCELLED = 9, 11


def _changes(cohort: Cohort) -> None:
    """Idempotent: only a still-scheduled session is changed, and only once."""
    moved = cohort.sessions.filter(number=RESCHEDULED, status=Session.Status.SCHEDULED).first()
    if moved:
        week = dt.timedelta(days=7)
        Session.objects.filter(pk=moved.pk).update(
            starts_at=moved.starts_at + week, ends_at=moved.ends_at + week,
            status=Session.Status.RESCHEDULED, sequence=1,
            change_note="เลื่อนออกไป 1 สัปดาห์ เนื่องจากตรงกับการประชุมสันนิบาตเทศบาล",
        )  # fmt: skip
    cohort.sessions.filter(number=CANCELLED, status=Session.Status.SCHEDULED).update(
        status=Session.Status.CANCELLED, sequence=1,
        change_note="ยกเลิกเนื่องจากสถานการณ์น้ำท่วม จะนัดหมายชดเชยภายหลัง",
    )  # fmt: skip


def seed(ctx) -> None:
    venues = _venues()
    for slug, number, status in (
        ("cohort-1", 1, Cohort.Status.FINISHED),
        ("cohort-2", 2, Cohort.Status.RUNNING),
    ):
        cohort = _cohort(ctx, slug, number, status)
        _sessions(ctx, cohort, venues)
        _teams(ctx, cohort)
        if slug == "cohort-2":
            _changes(cohort)
        ctx.data[slug] = cohort
    ctx.say(f"Cohorts: {Cohort.objects.count()}, sessions: {Session.objects.count()}, "
            f"enrolments: {Enrolment.objects.count()}.")  # fmt: skip
