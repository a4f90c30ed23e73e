"""An open session evaluation with one question of each kind, and people around it."""

import datetime as dt

import pytest

from django.utils import timezone

from evaluations import services
from evaluations.models import Evaluation, Question, QuestionKind
from tests.factories import CohortFactory, EnrolmentFactory, SessionFactory


@pytest.fixture
def session(cohort, facilitator):
    ended = timezone.now() - dt.timedelta(hours=2)
    session = SessionFactory(cohort=cohort, starts_at=ended - dt.timedelta(hours=7), ends_at=ended)
    session.facilitators.add(facilitator)
    return session


def add_questions(evaluation: Evaluation) -> None:
    Q = QuestionKind
    specs = [
        ("ความรู้ที่ได้รับ", Q.SCALE, "", True),
        ("รูปแบบที่ชอบ", Q.MULTIPLE, "บรรยาย\nกรณีศึกษา\nลงพื้นที่", False),
        ("ระยะเวลา", Q.SINGLE, "สั้นไป\nเหมาะสม\nยาวไป", True),
        ("สิ่งที่จะนำไปใช้", Q.SHORT, "", False),
        ("ข้อเสนอแนะ", Q.LONG, "", False),
    ]
    for order, (text, kind, options, required) in enumerate(specs):
        Question.objects.create(
            evaluation=evaluation, sort_order=order, text_th=text, kind=kind,
            options_th=options, required=required,
        )  # fmt: skip


@pytest.fixture
def evaluation(session):
    evaluation = Evaluation.objects.create(
        cohort=session.cohort, session=session, title_th="ประเมินการเรียนครั้งนี้", days_open=7
    )
    add_questions(evaluation)
    return evaluation


@pytest.fixture
def outsider(db):
    """A learner of another cohort."""
    return EnrolmentFactory(cohort=CohortFactory()).user


def values_for(evaluation, *, rating=4, comment="", choices=(0,)):
    by_kind = {
        QuestionKind.SCALE: rating,
        QuestionKind.MULTIPLE: list(choices),
        QuestionKind.SINGLE: 1,
        QuestionKind.SHORT: "",
        QuestionKind.LONG: comment,
    }
    return {q.pk: by_kind[q.kind] for q in evaluation.questions.all()}


def answer_as(evaluation, enrolment, **kwargs):
    return services.response_submit(
        evaluation=evaluation, enrolment=enrolment, values=values_for(evaluation, **kwargs)
    )


def learners_answer(evaluation, count, **kwargs):
    """``count`` new learners of the cohort answer; their enrolments are returned."""
    enrolments = [EnrolmentFactory(cohort=evaluation.cohort) for _ in range(count)]
    for index, enrolment in enumerate(enrolments):
        answer_as(evaluation, enrolment, rating=1 + index % 5, **kwargs)
    return enrolments


def post_data(evaluation, **kwargs):
    data = {}
    for pk, value in values_for(evaluation, **kwargs).items():
        data[f"q{pk}"] = [str(v) for v in value] if isinstance(value, list) else str(value)
    return data
