"""Reads of evaluations: what waits for a learner, and results that name nobody."""

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import (
    Avg,
    Count,
    Exists,
    Func,
    IntegerField,
    OuterRef,
    Prefetch,
    Subquery,
    prefetch_related_objects,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from cohorts.models import Cohort, Enrolment
from evaluations.models import (
    CHOICE_KINDS,
    MIN_RESPONSES,
    TEXT_KINDS,
    Answer,
    Answered,
    Evaluation,
    Question,
    QuestionKind,
    Reminder,
    Response,
)

SCALE = [1, 2, 3, 4, 5]


def current_enrolments(user: Any) -> list[Enrolment]:
    if not user.is_authenticated:
        return []
    return list(Enrolment.objects.current().filter(user=user).select_related("cohort"))


def evaluations_of(enrolments: list[Enrolment]) -> list[Evaluation]:
    """The evaluations of these enrolments' cohorts, read onto the cohorts (one query), where
    the completion check finds them again on /me/."""
    cohorts = [e.cohort for e in enrolments]
    found = Evaluation.objects.select_related("session").annotate(n_questions=Count("questions"))
    prefetch_related_objects(cohorts, Prefetch("evaluations", queryset=found))
    return sorted((e for cohort in cohorts for e in cohort.evaluations.all()), key=lambda e: e.pk)


def answered_ids(enrolments: list[Enrolment], evaluations: list[Evaluation]) -> set[int]:
    """Ids of the evaluations these enrolments have answered (the ledger, never the answers)."""
    return set(
        Answered.objects.filter(enrolment__in=enrolments, evaluation__in=evaluations).values_list(
            "evaluation_id", flat=True
        )
    )


@dataclass(frozen=True)
class Waiting:
    evaluation: Evaluation
    enrolment: Enrolment


def waiting_for(
    user: Any, *, enrolments: list[Enrolment] | None = None, now: dt.datetime | None = None
) -> list[Waiting]:
    """Open evaluations this person has not answered yet, closing soonest first (3 queries;
    2 when given the person's current enrolments, as /me/ does)."""
    enrolments = current_enrolments(user) if enrolments is None else enrolments
    if not enrolments:
        return []
    now = now or timezone.now()
    by_cohort = {e.cohort_id: e for e in enrolments}
    open_ones = [e for e in evaluations_of(enrolments) if e.is_open(now)]
    done = answered_ids(enrolments, open_ones) if open_ones else set()
    waiting = [Waiting(e, by_cohort[e.cohort_id]) for e in open_ones if e.pk not in done]
    return sorted(waiting, key=lambda item: item.evaluation.closes)


def evaluation_for_answering(pk: int) -> Evaluation | None:
    return (
        Evaluation.objects.select_related("session", "cohort")
        .prefetch_related("questions")
        .filter(pk=pk)
        .first()
    )


def has_answered(evaluation: Evaluation, enrolment: Enrolment) -> bool:
    return Answered.objects.filter(evaluation=evaluation, enrolment=enrolment).exists()


# --- results -------------------------------------------------------------------------


@dataclass
class Bar:
    label: str
    count: int
    percent: int


@dataclass
class QuestionResult:
    question: Question
    answered: int = 0
    bars: list[Bar] = field(default_factory=list)
    average: float | None = None
    comments: list[str] = field(default_factory=list)

    @property
    def is_text(self) -> bool:
        return self.question.kind in TEXT_KINDS


@dataclass
class Results:
    evaluation: Evaluation
    expected: int
    responses: int
    questions: list[QuestionResult]

    @property
    def shown(self) -> bool:
        """Below MIN_RESPONSES nothing of the answers is shown: a few could be read back."""
        return self.responses >= MIN_RESPONSES

    @property
    def rate(self) -> int:
        return round(100 * self.responses / self.expected) if self.expected else 0

    @property
    def average(self) -> float | None:
        values = [q.average for q in self.questions if q.average is not None]
        return round(sum(values) / len(values), 2) if values else None


def _bars(labels: list[str], counts: Counter, answered: int) -> list[Bar]:
    return [
        Bar(label, counts[index], round(100 * counts[index] / answered) if answered else 0)
        for index, label in enumerate(labels)
    ]


def _question_result(question: Question, answers: list[tuple], language: str) -> QuestionResult:
    result = QuestionResult(question, answered=len(answers))
    if question.kind == QuestionKind.SCALE:
        counts = Counter(number - 1 for number, _options, _text in answers)
        result.bars = _bars([str(n) for n in SCALE], counts, len(answers))
        if answers:
            result.average = round(sum(n for n, _o, _t in answers) / len(answers), 2)
    elif question.kind in CHOICE_KINDS:
        counts = Counter(index for _n, options, _t in answers for index in options)
        result.bars = _bars(question.option_list(language), counts, len(answers))
    else:
        result.comments = [text for _n, _o, text in answers if text]
    return result


def _counts(evaluation: Evaluation) -> tuple[int, int]:
    """Learners expected to answer and responses given, in one query."""
    current = Enrolment.objects.current().filter(cohort_id=OuterRef("cohort_id")).order_by()
    given = Response.objects.filter(evaluation_id=OuterRef("pk")).order_by()
    row = (
        Evaluation.objects.filter(pk=evaluation.pk)
        .annotate(
            expected=Coalesce(
                Subquery(
                    current.annotate(
                        n=Func("pk", function="COUNT", output_field=IntegerField())
                    ).values("n")
                ),
                0,
            ),
            given=Coalesce(
                Subquery(
                    given.annotate(
                        n=Func("pk", function="COUNT", output_field=IntegerField())
                    ).values("n")
                ),
                0,
            ),
        )
        .values_list("expected", "given")
        .get()
    )
    return row[0], row[1]


def evaluation_results(evaluation: Evaluation, *, language: str = "th") -> Results:
    """Response rate, each question's distribution, averages, comments: 3 queries; the
    answers are read only when there are enough responses to show them."""
    expected, responses = _counts(evaluation)
    questions = list(evaluation.questions.all())
    by_question: dict[int, list[tuple]] = {q.pk: [] for q in questions}
    if responses >= MIN_RESPONSES:
        rows = Answer.objects.filter(question__evaluation=evaluation).order_by("response_id")
        for question_id, *values in rows.values_list("question_id", "number", "options", "text"):
            by_question[question_id].append(tuple(values))
    results = [_question_result(q, by_question[q.pk], language) for q in questions]
    return Results(evaluation, expected=expected, responses=responses, questions=results)


def not_answered_enrolments(evaluation: Evaluation) -> list[Enrolment]:
    """Who has not answered yet (never who answered what), with whether they were reminded."""
    reminded = Reminder.objects.filter(evaluation=evaluation, enrolment=OuterRef("pk"))
    return list(
        Enrolment.objects.current()
        .filter(cohort_id=evaluation.cohort_id)
        .exclude(pk__in=Answered.objects.filter(evaluation=evaluation).values("enrolment_id"))
        .select_related("user", "team")
        .annotate(reminded=Exists(reminded))
        .order_by("user__first_name", "user__email")
    )


@dataclass
class Summary:
    """One evaluation in a listing: its responses and the mean of its 1-5 answers."""

    evaluation: Evaluation
    responses: int
    expected: int
    average: float | None
    ratings: int

    @property
    def shown(self) -> bool:
        return self.responses >= MIN_RESPONSES

    @property
    def rate(self) -> int:
        return round(100 * self.responses / self.expected) if self.expected else 0


def summaries(evaluations: Any) -> list[Summary]:
    """Each evaluation's counts and scale average in 3 queries, however many there are."""
    evaluations = list(
        evaluations.select_related("session", "cohort").annotate(n=Count("responses"))
    )
    scale = (
        Answer.objects.filter(
            question__evaluation__in=evaluations, question__kind=QuestionKind.SCALE
        )
        .values("question__evaluation")
        .annotate(avg=Avg("number"), count=Count("pk"))
    )
    averages = {row["question__evaluation"]: row for row in scale}
    expected = dict(
        Enrolment.objects.current()
        .filter(cohort__in={e.cohort_id for e in evaluations})
        .values("cohort")
        .annotate(n=Count("pk"))
        .values_list("cohort", "n")
    )
    found = []
    for evaluation in evaluations:
        row = averages.get(evaluation.pk, {})
        average = round(row["avg"], 2) if row.get("avg") is not None else None
        found.append(
            Summary(evaluation, evaluation.n, expected.get(evaluation.cohort_id, 0), average,
                    row.get("count", 0))
        )  # fmt: skip
    return found


def cohort_summaries(cohort: Cohort) -> list[Summary]:
    """A cohort's evaluations in the order they ran: the cohort over time."""
    rows = summaries(Evaluation.objects.filter(cohort=cohort))
    return sorted(rows, key=lambda s: s.evaluation.opens)


def facilitator_summaries(user: Any) -> list[Summary]:
    """Evaluations of the sessions this person facilitated, across every cohort."""
    rows = summaries(Evaluation.objects.filter(session__facilitators=user))
    return sorted(rows, key=lambda s: s.evaluation.opens)


def overall_average(rows: list[Summary]) -> float | None:
    """The mean of the shown evaluations' averages, weighted by their number of ratings."""
    shown = [(r.average, r.ratings) for r in rows if r.shown and r.average is not None]
    ratings = sum(count for _average, count in shown)
    if not ratings:
        return None
    return round(sum(float(average or 0) * count for average, count in shown) / ratings, 2)


def facilitators() -> list[Any]:
    """Everyone who facilitated a session that has an evaluation, for the picker."""
    return list(
        get_user_model()
        .objects.filter(facilitated_sessions__evaluations__isnull=False)
        .distinct()
        .order_by("first_name", "email")
    )
