"""Demo evaluations: every finished session of cohort-1 and the past sessions of cohort-2
evaluated with realistic answers and Thai comments, cohort-1's end-of-programme evaluation
(required for completion, returned by everyone), and one open evaluation of cohort-2's
latest session that the demo learner has not answered yet."""

import datetime as dt
import random

from django.db import transaction
from django.utils import timezone

from cohorts.models import Enrolment, Session
from evaluations import services
from evaluations.models import (
    Answer,
    Answered,
    Evaluation,
    EvaluationTemplate,
    Kind,
    QuestionKind,
    Response,
    TemplateQuestion,
)

Q = QuestionKind
LEARNER = "learner@example.org"

# kind, name_th, name_en, intro_th, questions: (text_th, text_en, kind, options_th, options_en, required)
TEMPLATES = [
    (Kind.SESSION, "แบบประเมินการเรียนรายครั้ง", "Session evaluation", "โปรดประเมินการเรียนครั้งนี้ ใช้เวลาประมาณ 3 นาที คำตอบไม่ระบุตัวตน", [
        ("การเรียนครั้งนี้เพิ่มพูนความรู้ของท่านเพียงใด", "How much did this session add to your knowledge?", Q.SCALE, "", "", True),
        ("วิทยากรถ่ายทอดเนื้อหาได้ชัดเจนเพียงใด", "How clearly did the facilitators teach?", Q.SCALE, "", "", True),
        ("ท่านนำความรู้ไปประยุกต์ใช้กับงานของท้องถิ่นได้เพียงใด", "How far can you apply it in your local government?", Q.SCALE, "", "", True),
        ("รูปแบบการเรียนที่เป็นประโยชน์ที่สุด (เลือกได้หลายข้อ)", "The most useful formats (choose any)", Q.MULTIPLE, "การบรรยาย\nกรณีศึกษา\nการอภิปรายกลุ่ม\nการลงพื้นที่\nการปรึกษากับนักวิจัย", "Lectures\nCase studies\nGroup discussion\nField work\nTime with the researchers", False),
        ("ระยะเวลาของการเรียนครั้งนี้", "The length of the session", Q.SINGLE, "สั้นเกินไป\nเหมาะสม\nยาวเกินไป", "Too short\nAbout right\nToo long", True),
        ("สิ่งที่ท่านจะนำไปใช้ทันที", "What you will use straight away", Q.SHORT, "", "", False),
        ("ข้อเสนอแนะเพิ่มเติม", "Any other suggestions", Q.LONG, "", "", False),
    ]),
    (Kind.SITE_VISIT, "แบบประเมินการศึกษาดูงาน", "Site-visit evaluation", "โปรดประเมินการศึกษาดูงาน เพื่อปรับปรุงการจัดครั้งต่อไป", [
        ("สิ่งที่ได้เห็นจากพื้นที่ตรงกับโจทย์ของท้องถิ่นท่านเพียงใด", "How well did the visit match your local government's questions?", Q.SCALE, "", "", True),
        ("การบรรยายของหน่วยงานที่ไปดูงานเป็นประโยชน์เพียงใด", "How useful were the hosts' briefings?", Q.SCALE, "", "", True),
        ("การจัดการเดินทางและที่พัก", "Travel and accommodation", Q.SCALE, "", "", True),
        ("ท่านอยากกลับไปทำเรื่องใดในท้องถิ่นของท่าน", "What would you like to do back home?", Q.LONG, "", "", False),
    ]),
    (Kind.FACILITATOR, "แบบประเมินวิทยากร", "Facilitator evaluation", "", [
        ("วิทยากรมีความรู้ในเรื่องที่สอนเพียงใด", "How well did the facilitator know the subject?", Q.SCALE, "", "", True),
        ("วิทยากรตอบคำถามและให้คำปรึกษาได้ตรงประเด็นเพียงใด", "How well did the facilitator answer questions?", Q.SCALE, "", "", True),
        ("ความคิดเห็นต่อวิทยากร", "Comments on the facilitator", Q.LONG, "", "", False),
    ]),
    (Kind.PROGRAMME, "แบบประเมินเมื่อจบหลักสูตร", "End-of-programme evaluation", "ขอบคุณที่ร่วมเรียนกับหลักสูตร พมส. โปรดสะท้อนสิ่งที่ได้จากหลักสูตรทั้งหมด", [
        ("ความพึงพอใจต่อหลักสูตรโดยรวม", "Overall satisfaction with the programme", Q.SCALE, "", "", True),
        ("หลักสูตรช่วยให้ท้องถิ่นของท่านได้โครงการวิจัยที่ใช้ได้จริงเพียงใด", "How far did it give your local government a research project that works?", Q.SCALE, "", "", True),
        ("ท่านจะแนะนำหลักสูตรนี้ให้ผู้บริหารท้องถิ่นอื่นเพียงใด", "How likely are you to recommend it to other local executives?", Q.SCALE, "", "", True),
        ("ประเด็นที่เป็นประโยชน์ที่สุด (เลือกได้หลายข้อ)", "The most useful themes (choose any)", Q.MULTIPLE, "เมืองน่าอยู่อัจฉริยะ\nข้อมูลเมือง\nการเงินการคลังท้องถิ่น\nการจัดการภัยพิบัติ\nเศรษฐกิจหมุนเวียน\nมรดกและวัฒนธรรม", "Livable smart cities\nUrban data\nLocal finance\nDisaster management\nCircular economy\nHeritage and culture", False),
        ("สิ่งที่เปลี่ยนไปในท้องถิ่นของท่านหลังจบหลักสูตร", "What changed in your local government after the programme", Q.LONG, "", "", False),
        ("ข้อเสนอแนะสำหรับรุ่นต่อไป", "Suggestions for the next cohort", Q.LONG, "", "", False),
    ]),
]  # fmt: skip

COMMENTS = {
    Q.SHORT: [
        "จะนำแนวคิดข้อมูลเมืองไปใช้ในแผนพัฒนาท้องถิ่น",
        "ตั้งคณะทำงานร่วมกับมหาวิทยาลัยในพื้นที่",
        "ทำแผนที่จุดเสี่ยงน้ำท่วมของเทศบาล",
        "ปรับวิธีจัดเก็บรายได้จากค่าธรรมเนียม",
        "เริ่มเก็บข้อมูลขยะรายชุมชน",
        "คุยกับสภาเทศบาลเรื่องงบวิจัย",
    ],
    Q.LONG: [
        "อยากให้มีเวลาปรึกษานักวิจัยประจำทีมมากขึ้น เพราะแต่ละเทศบาลมีโจทย์ไม่เหมือนกัน",
        "กรณีศึกษาจากเทศบาลที่ทำสำเร็จแล้วมีประโยชน์มาก อยากให้มีตัวอย่างเทศบาลขนาดเล็กด้วย",
        "เอกสารประกอบการบรรยายควรส่งล่วงหน้าอย่างน้อยหนึ่งสัปดาห์",
        "ช่วงบ่ายเนื้อหาแน่นเกินไป ควรแบ่งเวลาอภิปรายกลุ่มให้มากขึ้น",
        "ได้แนวคิดเรื่องเศรษฐกิจหมุนเวียนไปปรับใช้กับตลาดสดของเทศบาล",
        "ขอบคุณทีมวิทยากรที่ตอบคำถามได้ชัดเจนและยกตัวอย่างที่ใช้ได้จริง",
        "ควรเชิญเจ้าหน้าที่กองคลังของเทศบาลเข้าร่วมฟังด้วย เพราะเกี่ยวข้องโดยตรง",
        "อยากให้มีการติดตามผลหลังจบหลักสูตร เช่น เยี่ยมพื้นที่โครงการวิจัย",
        "ห้องประชุมเย็นเกินไปเล็กน้อย แต่การจัดการโดยรวมดีมาก",
        "การได้แลกเปลี่ยนกับนายกเทศมนตรีจากภาคอื่นทำให้เห็นทางออกใหม่ ๆ",
    ],
}


def _templates() -> dict[str, EvaluationTemplate]:
    found = {}
    for kind, name_th, name_en, intro_th, questions in TEMPLATES:
        template, created = EvaluationTemplate.objects.get_or_create(
            name_th=name_th, defaults=dict(name_en=name_en, kind=kind, intro_th=intro_th)
        )
        if created:
            for order, (text_th, text_en, qkind, opt_th, opt_en, required) in enumerate(questions):
                TemplateQuestion.objects.create(
                    template=template, sort_order=order, text_th=text_th, text_en=text_en,
                    kind=qkind, options_th=opt_th, options_en=opt_en, required=required,
                )  # fmt: skip
        found[kind] = template
    return found


def _answer(rng: random.Random, question, mood: int) -> Answer | None:
    """A plausible answer: ratings lean to the person's mood, text now and then."""
    if question.kind == Q.SCALE:
        return Answer(question=question, number=max(1, min(5, mood + rng.choice([-1, 0, 0, 0, 1]))))
    if question.kind == Q.SINGLE:
        return Answer(question=question, options=[rng.choice([0, 1, 1, 1, 1, 2])])
    if question.kind == Q.MULTIPLE:
        count = len(question.option_list())
        chosen = sorted(rng.sample(range(count), rng.randint(1, min(3, count))))
        return Answer(question=question, options=chosen) if rng.random() < 0.9 else None
    if rng.random() < (0.35 if question.kind == Q.LONG else 0.5):
        return Answer(question=question, text=rng.choice(COMMENTS[question.kind]))
    return None


def _respond(evaluation: Evaluation, enrolments, rng: random.Random, *, skip=(), share=0.85) -> int:
    """Bulk answers for a demo (hundreds of responses); the ledger is written the same way
    response_submit writes it: Answered apart, Response with no person."""
    if evaluation.answered.exists():
        return 0
    questions = list(evaluation.questions.all())
    day = timezone.localdate(evaluation.opens + dt.timedelta(days=1))
    ledger, responses, answers = [], [], []
    for enrolment in enrolments:
        if enrolment.user.email in skip or rng.random() > share:
            continue
        ledger.append(Answered(evaluation=evaluation, enrolment=enrolment, answered_on=day))
        response = Response(evaluation=evaluation)
        responses.append(response)
        mood = rng.choice([3, 4, 4, 4, 5, 5])
        for question in questions:
            answer = _answer(rng, question, mood)
            if answer:
                answer.response = response
                answers.append(answer)
    Answered.objects.bulk_create(ledger)
    Response.objects.bulk_create(responses)
    Answer.objects.bulk_create(answers)
    return len(responses)


def _session_evaluation(templates, session: Session, days_open: int = 7) -> Evaluation:
    existing = session.evaluations.first()
    if existing:
        return existing
    kind = Kind.SITE_VISIT if session.kind == Session.Kind.SITE_VISIT else Kind.SESSION
    return services.evaluation_create_from_template(
        template=templates[kind], cohort=session.cohort, session=session, days_open=days_open
    )


def _programme_evaluation(templates, cohort) -> Evaluation:
    existing = cohort.evaluations.filter(kind=Kind.PROGRAMME).first()
    if existing:
        return existing
    last = cohort.sessions.order_by("-ends_at").first()
    return services.evaluation_create_from_template(
        template=templates[Kind.PROGRAMME], cohort=cohort, opens_at=last.ends_at,
        days_open=30, required_for_completion=True,
    )  # fmt: skip


@transaction.atomic
def seed(ctx) -> None:
    rng = random.Random(19)  # the same answers on every machine
    templates = _templates()
    now = timezone.now()
    for slug in ("cohort-1", "cohort-2"):
        cohort = ctx.data[slug]
        enrolments = list(
            Enrolment.objects.current().filter(cohort=cohort).select_related("user").order_by("pk")
        )
        past = [
            s for s in cohort.sessions.order_by("number") if s.ends_at <= now and not s.is_cancelled
        ]
        for session in past:
            latest = slug == "cohort-2" and session == past[-1]
            # The latest session of cohort-2 stays open five more days, for the demo learner.
            days_open = max(7, (now - session.ends_at).days + 6) if latest else 7
            evaluation = _session_evaluation(templates, session, days_open)
            _respond(evaluation, enrolments, rng, skip=(LEARNER,) if latest else ())
        if slug == "cohort-1":
            programme = _programme_evaluation(templates, cohort)
            # Everyone returned it: the graduates' completion stays as it was.
            _respond(programme, enrolments, rng, share=1.0)
    ctx.say(f"Evaluations: {Evaluation.objects.count()}, responses: {Response.objects.count()}.")
