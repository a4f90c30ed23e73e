"""Writes of evaluations: made from a template, answered once, reminded once."""

import datetime as dt
from collections.abc import Iterable, Mapping
from functools import partial
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from cohorts.models import Cohort, Enrolment, Session
from core.delivery import Outbox, deliver_once, stale_ids
from core.emails import send
from core.queue import enqueue
from core.templatetags.thai import thai_datetime
from core.urls import absolute_url
from evaluations.models import (
    Answer,
    Answered,
    Evaluation,
    EvaluationTemplate,
    Question,
    QuestionKind,
    Reminder,
    Response,
)
from notifications.models import NoticeKind
from notifications.selectors import email_recipients
from notifications.services import line_queue, line_render

# The reminder goes to those who have not answered this long before the evaluation closes.
REMIND_BEFORE = dt.timedelta(days=2)
REMINDERS = Outbox.for_status(Reminder)


@transaction.atomic
def evaluation_create_from_template(
    *,
    template: EvaluationTemplate,
    cohort: Cohort,
    session: Session | None = None,
    opens_at: dt.datetime | None = None,
    days_open: int = 7,
    required_for_completion: bool = False,
) -> Evaluation:
    """A copy of the template's form for one session (or the whole cohort): later edits
    of the template change no evaluation already made from it."""
    title_th, title_en = template.name_th, template.name_en
    if session is not None:
        title_th = f"{template.name_th}: {session}"
        title_en = f"{template.name_en or template.name_th}: session {session.number}"
    evaluation = Evaluation(
        cohort=cohort, session=session, kind=template.kind, title_th=title_th[:255],
        title_en=title_en[:255], intro_th=template.intro_th, intro_en=template.intro_en,
        opens_at=opens_at, days_open=days_open, required_for_completion=required_for_completion,
    )  # fmt: skip
    evaluation.full_clean()
    evaluation.save()
    for order, question in enumerate(template.questions.all()):
        Question.objects.create(evaluation=evaluation, sort_order=order, **question.copy_fields())
    return evaluation


@transaction.atomic
def evaluations_copy(
    *,
    template: EvaluationTemplate,
    cohort: Cohort,
    sessions: Iterable[Session] = (),
    opens_at: dt.datetime | None = None,
    days_open: int = 7,
    required_for_completion: bool = False,
) -> list[Evaluation]:
    """The "copy from template" action: one evaluation per session, or one for the cohort."""
    options = {
        "template": template,
        "cohort": cohort,
        "days_open": days_open,
        "required_for_completion": required_for_completion,
    }
    sessions = list(sessions)
    if not sessions:
        return [evaluation_create_from_template(**options, opens_at=opens_at)]
    return [evaluation_create_from_template(**options, session=s) for s in sessions]


def _answer(question: Question, value: Any) -> Answer | None:
    """One cleaned form value as an Answer; None when an optional question was left empty."""
    if value in (None, "", []):
        return None
    if question.kind == QuestionKind.SCALE:
        return Answer(question=question, number=int(value))
    if question.kind == QuestionKind.SINGLE:
        return Answer(question=question, options=[int(value)])
    if question.kind == QuestionKind.MULTIPLE:
        return Answer(question=question, options=sorted(int(v) for v in value))
    return Answer(question=question, text=str(value).strip())


def response_submit(
    *,
    evaluation: Evaluation,
    enrolment: Enrolment,
    values: Mapping[int, Any],
    now: dt.datetime | None = None,
) -> Response:
    """Record one learner's answers: once, while open, with no link back to them.

    ``values`` maps question ids to cleaned form values. The Answered row is the one per
    learner (a UniqueConstraint), so two taps at once leave one response.
    """
    now = now or timezone.now()
    if not evaluation.is_open(now):
        raise ValidationError(_("This evaluation is closed; answers are no longer taken."))
    if enrolment.cohort_id != evaluation.cohort_id or enrolment.status not in (
        Enrolment.CURRENT_STATUSES
    ):
        raise ValidationError(_("This evaluation is for another cohort."))
    questions = list(evaluation.questions.all())
    missing = [q for q in questions if q.required and values.get(q.pk) in (None, "", [])]
    if missing:
        raise ValidationError(_("Please answer every required question."))
    try:
        with transaction.atomic():
            Answered.objects.create(
                evaluation=evaluation, enrolment=enrolment, answered_on=timezone.localdate(now)
            )
            response = Response.objects.create(evaluation=evaluation)
            answers = [_answer(q, values.get(q.pk)) for q in questions]
            for answer in answers:
                if answer is not None:
                    answer.response = response
                    answer.full_clean(exclude=["response", "question"])
            Answer.objects.bulk_create([a for a in answers if a is not None])
    except IntegrityError:
        raise ValidationError(_("You have already answered this evaluation. Thank you.")) from None
    return response


def not_answered(evaluation: Evaluation) -> Any:
    """Current learners of the evaluation's cohort with no Answered row (a queryset)."""
    return (
        Enrolment.objects.current()
        .filter(cohort_id=evaluation.cohort_id)
        .exclude(pk__in=Answered.objects.filter(evaluation=evaluation).values("enrolment_id"))
    )


def reminders_create(*, evaluation: Evaluation, now: dt.datetime | None = None) -> list[int]:
    """A pending reminder for each learner who has not answered and has none yet; only while
    the evaluation is open. The ids are sent after commit; a second call adds nobody twice."""
    if not evaluation.is_open(now):
        return []
    rows = [
        Reminder(evaluation=evaluation, enrolment_id=pk, user_id=user_id)
        for pk, user_id in not_answered(evaluation)
        .exclude(pk__in=evaluation.reminders.values("enrolment_id"))
        .values_list("pk", "user_id")
    ]
    Reminder.objects.bulk_create(rows, ignore_conflicts=True)
    ids = list(
        Reminder.objects.filter(
            evaluation=evaluation, status=Reminder.Status.PENDING, sent_at__isnull=True
        ).values_list("pk", flat=True)
    )
    _enqueue(ids)
    line_queue(  # reminders are "session changes and reminders" for the channel choice
        user_ids=[row.user_id for row in rows],
        kind=NoticeKind.SESSIONS,
        key=f"evaluation-{evaluation.pk}-reminder",
        text=partial(_line_text, evaluation),
    )
    return ids


def _enqueue(ids: Iterable[int]) -> None:
    from evaluations.tasks import deliver_reminder  # tasks import services: import when used

    for pk in ids:
        transaction.on_commit(lambda pk=pk: enqueue(deliver_reminder, pk))


def reminders_due(*, now: dt.datetime | None = None) -> list[int]:
    """The periodic job: every open evaluation closing within REMIND_BEFORE, plus pending
    reminders whose task was lost."""
    now = now or timezone.now()
    ids: list[int] = []
    for evaluation in (
        Evaluation.objects.select_related("session")
        .filter(cohort__enrolments__isnull=False)
        .distinct()
    ):
        if evaluation.is_open(now) and evaluation.closes - now <= REMIND_BEFORE:
            ids += reminders_create(evaluation=evaluation, now=now)
    stale = [pk for pk in stale_ids(REMINDERS, now=now) if pk not in ids]
    _enqueue(stale)
    return ids + stale


def _send(reminder: Reminder) -> None:
    evaluation = reminder.evaluation
    if Answered.objects.filter(evaluation=evaluation, enrolment_id=reminder.enrolment_id).exists():
        return  # answered since the reminder was queued: nothing to remind of
    if not email_recipients(user_ids=[reminder.user_id], kind=NoticeKind.SESSIONS):
        return  # the person turned email off for reminders (LINE has its own message)
    person = reminder.user
    context = {
        "name_th": person.full_name_th or person.full_name_en or person.email,
        "name_en": person.full_name_en or person.full_name_th or person.email,
        **_reminder_context(evaluation),
    }
    send("evaluation-reminder", [reminder.user.email], context)


def _reminder_context(evaluation: Evaluation) -> dict:
    context = {
        "evaluation": evaluation,
        "url": absolute_url(f"/me/evaluations/{evaluation.pk}/"),
        "url_en": absolute_url(f"/en/me/evaluations/{evaluation.pk}/"),
    }
    for language in ("th", "en"):
        with translation.override(language):
            context[f"closes_{language}"] = thai_datetime(evaluation.closes)
    return context


def _line_text(evaluation: Evaluation) -> str:
    return line_render("evaluation-reminder", _reminder_context(evaluation))


def reminder_deliver(*, reminder_id: int) -> bool:
    return deliver_once(
        REMINDERS,
        pk=reminder_id,
        send=_send,
        select_related=["user", "evaluation__session", "evaluation__cohort"],
    )
