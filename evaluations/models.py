"""Evaluation forms, the anonymous answers, and apart from them who has answered.

A Response holds no link to a person and no exact time, and its key is random, so
nothing joins it back to the ``Answered`` ledger, which alone says who has answered
(one row per enrolment per evaluation: the database keeps it to one response each).
"""

import datetime as dt
import uuid

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.models import Orderable

from cohorts.models import Cohort, Enrolment, Session

# Results with fewer responses than this are not shown anywhere: a handful could be read back.
MIN_RESPONSES = 5


class Kind(models.TextChoices):
    SESSION = "session", _("Session evaluation")
    SITE_VISIT = "site-visit", _("Site-visit evaluation")
    FACILITATOR = "facilitator", _("Facilitator evaluation")
    PROGRAMME = "programme", _("End-of-programme evaluation")


class QuestionKind(models.TextChoices):
    SCALE = "scale", _("Scale of 1 to 5")
    SINGLE = "single", _("Single choice")
    MULTIPLE = "multiple", _("Multiple choice")
    SHORT = "short", _("Short text")
    LONG = "long", _("Long text")


CHOICE_KINDS = (QuestionKind.SINGLE, QuestionKind.MULTIPLE)
TEXT_KINDS = (QuestionKind.SHORT, QuestionKind.LONG)


class QuestionFields(models.Model):
    """What a question is; the same in a template and in an evaluation made from it."""

    text_th = models.CharField(_("question (Thai)"), max_length=500)
    text_en = models.CharField(_("question (English)"), max_length=500, blank=True)
    kind = models.CharField(
        _("kind of answer"), max_length=16, choices=QuestionKind.choices, default=QuestionKind.SCALE
    )
    options_th = models.TextField(
        _("options (Thai)"), blank=True, help_text=_("For a choice question: one option a line.")
    )
    options_en = models.TextField(
        _("options (English)"), blank=True, help_text=_("The same options in the same order.")
    )
    required = models.BooleanField(_("required"), default=True)

    class Meta:
        abstract = True

    def __str__(self):
        return self.text_th

    def clean(self):
        if self.kind in CHOICE_KINDS and len(self.option_list("th")) < 2:
            raise ValidationError({"options_th": _("Give at least two options, one a line.")})
        if self.options_en.strip() and len(self.option_list("en")) != len(self.option_list("th")):
            raise ValidationError(
                {"options_en": _("Give as many English options as Thai ones, or none.")}
            )

    def option_list(self, language: str = "th") -> list[str]:
        """The options in this language; English falls back to Thai where not given."""
        thai = [line.strip() for line in self.options_th.splitlines() if line.strip()]
        if language != "en":
            return thai
        english = [line.strip() for line in self.options_en.splitlines() if line.strip()]
        return english if len(english) == len(thai) else thai

    def text_in(self, language: str) -> str:
        return self.text_en if language == "en" and self.text_en else self.text_th

    def copy_fields(self) -> dict:
        return {name: getattr(self, name) for name in QUESTION_FIELD_NAMES}


QUESTION_FIELD_NAMES = ["text_th", "text_en", "kind", "options_th", "options_en", "required"]


class EvaluationTemplate(ClusterableModel):
    """A form kept for reuse across cohorts: copied, never linked, into an evaluation."""

    name_th = models.CharField(_("name (Thai)"), max_length=255)
    name_en = models.CharField(_("name (English)"), max_length=255, blank=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.SESSION)
    intro_th = models.TextField(_("introduction (Thai)"), blank=True)
    intro_en = models.TextField(_("introduction (English)"), blank=True)

    class Meta:
        ordering = ["kind", "name_th"]
        verbose_name = _("evaluation template")
        verbose_name_plural = _("evaluation templates")

    def __str__(self):
        return self.name_th


class TemplateQuestion(Orderable, QuestionFields):
    template = ParentalKey(EvaluationTemplate, on_delete=models.CASCADE, related_name="questions")

    class Meta(Orderable.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")


class Evaluation(ClusterableModel):
    """One form put to one cohort: after a session, or once at the end of the programme."""

    cohort = models.ForeignKey(
        Cohort, verbose_name=_("cohort"), on_delete=models.PROTECT, related_name="evaluations"
    )
    session = models.ForeignKey(
        Session,
        verbose_name=_("session"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="evaluations",
        help_text=_("Leave empty for an evaluation of the whole programme."),
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.SESSION)
    title_th = models.CharField(_("title (Thai)"), max_length=255)
    title_en = models.CharField(_("title (English)"), max_length=255, blank=True)
    intro_th = models.TextField(_("introduction (Thai)"), blank=True)
    intro_en = models.TextField(_("introduction (English)"), blank=True)
    opens_at = models.DateTimeField(
        _("opens at"),
        null=True,
        blank=True,
        help_text=_("For a programme evaluation. A session's evaluation opens when it ends."),
    )
    days_open = models.PositiveSmallIntegerField(
        _("days open"), default=7, help_text=_("It closes this many days after it opens.")
    )
    required_for_completion = models.BooleanField(
        _("required for completion"),
        default=False,
        help_text=_("Learners must return it to complete the cohort."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["cohort", "session__starts_at", "pk"]
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")
        constraints = [
            models.CheckConstraint(
                condition=Q(session__isnull=False) | Q(opens_at__isnull=False),
                name="evaluation_has_an_opening",
            ),
            models.CheckConstraint(condition=Q(days_open__gte=1), name="evaluation_open_a_day"),
        ]

    def __str__(self):
        return self.title_th

    def clean(self):
        if self.session_id and self.cohort_id and self.session.cohort_id != self.cohort_id:
            raise ValidationError({"session": _("Choose a session of this cohort.")})
        if not self.session_id and not self.opens_at:
            raise ValidationError(
                {"opens_at": _("An evaluation without a session needs an opening time.")}
            )

    def title_in(self, language: str) -> str:
        return self.title_en if language == "en" and self.title_en else self.title_th

    @property
    def title(self) -> str:
        """The title in the language of the request (Thai when there is no English)."""
        return self.title_in(get_language() or "th")

    def intro_in(self, language: str) -> str:
        return self.intro_en if language == "en" and self.intro_en else self.intro_th

    @property
    def opens(self) -> dt.datetime:
        """A session's evaluation opens when the session ends (as it is scheduled now)."""
        return self.session.ends_at if self.session_id else self.opens_at

    @property
    def closes(self) -> dt.datetime:
        return self.opens + dt.timedelta(days=self.days_open)

    @property
    def session_cancelled(self) -> bool:
        return bool(self.session_id and self.session.is_cancelled)

    def is_open(self, now: dt.datetime | None = None) -> bool:
        now = now or timezone.now()
        if self.session_cancelled:
            return False
        return self.opens <= now < self.closes


class Question(Orderable, QuestionFields):
    evaluation = ParentalKey(Evaluation, on_delete=models.CASCADE, related_name="questions")

    class Meta(Orderable.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")


class Response(models.Model):
    """One person's answers, with no person and no time: a random key, nothing to pair."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    evaluation = models.ForeignKey(
        Evaluation, verbose_name=_("evaluation"), on_delete=models.CASCADE, related_name="responses"
    )

    class Meta:
        ordering = ["id"]  # random: never the order people answered in
        verbose_name = _("response")
        verbose_name_plural = _("responses")

    def __str__(self):
        return f"{self.evaluation_id}/{self.pk}"


class Answer(models.Model):
    response = models.ForeignKey(
        Response, verbose_name=_("response"), on_delete=models.CASCADE, related_name="answers"
    )
    question = models.ForeignKey(
        Question, verbose_name=_("question"), on_delete=models.CASCADE, related_name="answers"
    )
    number = models.PositiveSmallIntegerField(_("rating"), null=True, blank=True)
    options = models.JSONField(_("chosen options"), default=list, blank=True)
    text = models.TextField(_("text"), blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["response", "question"], name="answer_once_a_question"),
            models.CheckConstraint(
                condition=Q(number__isnull=True) | Q(number__gte=1, number__lte=5),
                name="answer_rating_1_to_5",
            ),
        ]

    def __str__(self):
        return f"{self.question_id}: {self.number or self.options or self.text[:40]}"


class Answered(models.Model):
    """Who has answered, kept apart from what they answered: one row per learner."""

    evaluation = models.ForeignKey(
        Evaluation, verbose_name=_("evaluation"), on_delete=models.CASCADE, related_name="answered"
    )
    enrolment = models.ForeignKey(
        Enrolment, verbose_name=_("enrolment"), on_delete=models.PROTECT, related_name="+"
    )
    # The response has no time at all, so this day pairs with nothing.
    answered_on = models.DateField(_("answered on"))

    class Meta:
        verbose_name = _("answered")
        verbose_name_plural = _("answered")
        constraints = [
            models.UniqueConstraint(
                fields=["evaluation", "enrolment"], name="evaluation_one_response_per_learner"
            )
        ]

    def __str__(self):
        return f"{self.evaluation_id}/{self.enrolment_id}"


class Reminder(models.Model):
    """The one reminder a learner may get before an evaluation closes (core.delivery)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")

    evaluation = models.ForeignKey(
        Evaluation, verbose_name=_("evaluation"), on_delete=models.CASCADE, related_name="reminders"
    )
    enrolment = models.ForeignKey(
        Enrolment, verbose_name=_("enrolment"), on_delete=models.PROTECT, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    claimed_at = models.DateTimeField(_("claimed at"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("evaluation reminder")
        verbose_name_plural = _("evaluation reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["evaluation", "enrolment"], name="evaluation_reminder_once"
            )
        ]

    def __str__(self):
        return f"{self.evaluation_id}/{self.enrolment_id}: {self.status}"
