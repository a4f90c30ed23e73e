"""Demo assignments: three team assignments and one individual reflection per cohort.

cohort-1 (finished): every team's work accepted. cohort-2 (running): teams at
mixed stages, with several versions, late work, feedback and drafts. The demo
learner's team (learner@example.org) has the final report still to hand in.
Files are small PDFs rendered with WeasyPrint, handed in through the services.
"""

import datetime as dt
import functools
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from assignments import services
from assignments.blocks import rubric_data
from assignments.models import Assignment, Submission
from cohorts.demo import BANGKOK

LEVELS = [("ดีมาก", "ครบถ้วน ชัดเจน อ้างอิงข้อมูลของเมืองจริง", 4),
          ("ดี", "ครบถ้วนเป็นส่วนใหญ่", 3),
          ("พอใช้", "ยังขาดข้อมูลสำคัญบางส่วน", 2),
          ("ต้องปรับปรุง", "ยังไม่ชัดเจน", 1)]  # fmt: skip
# key, session number, Thai title, English title, kind, days after the session, criteria
ASSIGNMENTS = [
    ("framing", 3, "การกำหนดโจทย์ปัญหาเมือง", "Framing the city's problem", "team", 14,
     [("ความชัดเจนของโจทย์ปัญหา", "Clarity of the problem"),
      ("ความเชื่อมโยงกับแผนพัฒนาเทศบาล", "Link to the municipal development plan")]),
    ("reflection", 6, "บทสะท้อนการศึกษาดูงาน", "Study visit reflection", "individual", 10,
     [("การเชื่อมโยงสู่เมืองของตน", "Link to one's own city")]),
    ("data-plan", 7, "แผนการเก็บข้อมูล", "Data collection plan", "team", 14,
     [("ความเหมาะสมของวิธีการเก็บข้อมูล", "Fit of the methods"),
      ("ความเป็นไปได้ของแผน", "Feasibility"),
      ("จริยธรรมและการคุ้มครองข้อมูล", "Ethics and data protection")]),
    ("report", 14, "รายงานวิจัยฉบับสมบูรณ์", "Final research report", "team", -7,
     [("คุณภาพของการวิเคราะห์", "Quality of the analysis"),
      ("ข้อเสนอเชิงนโยบาย", "Policy recommendations"),
      ("การนำเสนอ", "Presentation")]),
]  # fmt: skip
FEEDBACK_RETURNED = (
    "โจทย์ยังกว้างเกินไป ขอให้ระบุพื้นที่เป้าหมายและกลุ่มประชากรให้ชัดเจน และเพิ่มข้อมูลฐานจากทะเบียนของเทศบาล"
)
FEEDBACK_ACCEPTED = "ผลงานครบถ้วน เชื่อมโยงกับบริบทของเมืองได้ดี ขอให้นำข้อเสนอไปหารือกับสภาเทศบาลต่อไป"


@functools.lru_cache(maxsize=16)
def _cover(title: str) -> bytes:
    """One Thai page per assignment, rendered once (WeasyPrint is the slow part)."""
    from weasyprint import HTML

    html = (
        '<html lang="th"><body style="font-family: Laksaman, sans-serif; font-size: 16pt">'
        f"<h1>{title}</h1><p>เอกสารตัวอย่างสำหรับระบบสาธิต พมส.</p>"
        "<p>Sample document for the พมส. demo.</p></body></html>"
    )
    return HTML(string=html).write_pdf()


def _pdf(title: str, owner: str, version: int) -> bytes:
    """The assignment's page, told apart per team and version by its metadata."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(_cover(title))))
    writer.add_metadata({"/Title": f"{title} · {owner} · ฉบับที่ {version}", "/Author": owner})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _upload(assignment, owner: str, version: int) -> SimpleUploadedFile:
    content = _pdf(assignment.title_th, owner, version)
    name = f"{assignment.title_th}-{owner}-v{version}.pdf".replace(" ", "-")
    return SimpleUploadedFile(name, content, "application/pdf")


def _assignments(cohort) -> dict[str, Assignment]:
    sessions = {s.number: s for s in cohort.sessions.all()}
    result = {}
    for key, number, title_th, title_en, kind, days, criteria in ASSIGNMENTS:
        session = sessions[number]
        anchor = session.ends_at if days > 0 else session.starts_at
        due = (anchor + dt.timedelta(days=days)).astimezone(BANGKOK).replace(hour=23, minute=59)
        assignment, _ = Assignment.objects.get_or_create(
            cohort=cohort, title_th=title_th,
            defaults=dict(
                title_en=title_en, session=session, kind=kind, due_at=due,
                brief=f"<p>{title_th}: ส่งเอกสารในรูปแบบ PDF, Word, Excel หรือ PowerPoint</p>"
                      f"<p>{title_en}: hand in PDF, Word, Excel or PowerPoint files.</p>",
                required_for_completion=kind == "team",
                rubric=rubric_data(*[(th, en, LEVELS) for th, en in criteria]),
            ),
        )  # fmt: skip
        result[key] = assignment
    return result


def _hand_in(assignment, member, owner: str, version: int, at):
    return services.submission_submit(
        assignment=assignment, user=member, at=at,
        text=f"{assignment.title_th} ฉบับที่ {version} ของ{owner}",
        files=[_upload(assignment, owner, version)],
    )  # fmt: skip


def _review(submission, reviewer, decision: str, at):
    best = decision == "accepted"
    levels = {c.id: (0 if best else 2) for c in submission.assignment.criteria}
    services.review_record(
        submission=submission, reviewer=reviewer, levels=levels, decision=decision, at=at,
        feedback=FEEDBACK_ACCEPTED if best else FEEDBACK_RETURNED, notify=False,
    )  # fmt: skip


def _before_now(at: dt.datetime) -> dt.datetime:
    """The demo happened: nothing in it is dated after the day before the seeding."""
    return min(at, timezone.now() - dt.timedelta(days=1))


def _play(assignment, team, reviewer, members, stages: str) -> None:
    """Act out a history: "s" hand in, "r" return, "a" accept, "d" save a draft.

    A history ends three days before the due date, or before now when that is later
    (cohort-2's work due ahead has been handed in early)."""
    at = _before_now(assignment.due_at) - dt.timedelta(days=len(stages) * 3 + 3)
    for step, stage in enumerate(stages):
        member = members[step % len(members)]
        at += dt.timedelta(days=3)
        if stage == "s":
            submission = _hand_in(
                assignment, member, team.name, stages[: step + 1].count("s"), at
            ).submission
        elif stage == "l":  # late
            submission = _hand_in(assignment, member, team.name, stages[: step + 1].count("s") + 1,
                                  _before_now(assignment.due_at + dt.timedelta(days=2))).submission  # fmt: skip
        elif stage == "d":
            services.submission_save_draft(assignment=assignment, user=member,
                                           text=f"ร่าง: {assignment.title_th} ({team.name})")  # fmt: skip
        else:
            _review(submission, reviewer, "accepted" if stage == "a" else "returned", at)


# Histories for cohort-2 teams, by team index (cycled): framing, data plan, report.
COHORT_2 = [("srsa", "sr", ""), ("sa", "s", "d"), ("sa", "s", ""), ("l", "sa", ""),
            ("srsa", "d", "d"), ("sa", "srs", "")]  # fmt: skip


def _cohort_histories(ctx, cohort, assignments) -> None:
    coordinator = ctx.data["coordinator@example.org"]
    for index, team in enumerate(cohort.teams.select_related("advisor").order_by("pk")):
        members = [e.user for e in team.members.select_related("user").order_by("pk")]
        if not members or Submission.objects.filter(team=team).exists():
            continue
        reviewer = team.advisor or coordinator
        if cohort.slug == "cohort-1":
            histories = ("sa", "srsa" if index % 3 == 0 else "sa", "sa")
        else:
            histories = COHORT_2[index % len(COHORT_2)]
        for key, stages in zip(("framing", "data-plan", "report"), histories, strict=True):
            _play(assignments[key], team, reviewer, members, stages)
        if cohort.slug == "cohort-2" and index % 2 == 0:  # some reflections, by the executive
            _hand_in(assignments["reflection"], members[0], members[0].get_full_name(), 1,
                     _before_now(assignments["reflection"].due_at - dt.timedelta(days=1)))  # fmt: skip


def seed(ctx) -> None:
    for slug in ("cohort-1", "cohort-2"):
        cohort = ctx.data[slug]
        assignments = _assignments(cohort)
        _cohort_histories(ctx, cohort, assignments)
    ctx.say(f"Assignments: {Assignment.objects.count()}, submissions: "
            f"{Submission.objects.count()} ({Submission.objects.filter(status='accepted').count()} accepted).")  # fmt: skip
