"""Research assignments, the work teams and learners hand in, and its review.

Nothing a learner hands in is ever overwritten or deleted: a submission gains
numbered, immutable versions (the database refuses changes to them, see
migration 0002), and every foreign key that leads to handed-in work protects it.
"""

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable

from assignments.blocks import RubricCriterionBlock, criteria_of
from cohorts.models import Cohort, Session, Team
from core.storage import private_storage
from core.templatetags.thai import thai_datetime
from core.uploads import FileKind


class Delivery(models.TextChoices):
    """Where an email stands: claimed with a conditional update, so it goes at most once."""

    PENDING = "pending", pgettext_lazy("email status", "Pending")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    SKIPPED = "skipped", _("Not sent (imported)")


# What research work may be handed in as (core.uploads also knows video, for materials).
SUBMISSION_KINDS = (FileKind.PDF, FileKind.DOCX, FileKind.XLSX, FileKind.PPTX, FileKind.IMAGE)
SUBMISSION_KIND_CHOICES = [(kind.value, kind.label) for kind in SUBMISSION_KINDS]


class FileKindsField(models.JSONField):
    """A list of FileKind codes, edited as checkboxes."""

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=SUBMISSION_KIND_CHOICES,
            widget=forms.CheckboxSelectMultiple,
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
        )


def default_kinds() -> list[str]:
    return list(SUBMISSION_KINDS)


class Assignment(ClusterableModel):
    class Kind(models.TextChoices):
        TEAM = "team", _("Team (one submission per municipality team)")
        INDIVIDUAL = "individual", _("Individual")

    cohort = models.ForeignKey(
        Cohort, verbose_name=_("cohort"), on_delete=models.PROTECT, related_name="assignments"
    )
    session = models.ForeignKey(
        Session,
        verbose_name=_("session"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assignments",
        help_text=_("The practicum where the assignment is set or due (optional)."),
    )
    title_th = models.CharField(_("title (Thai)"), max_length=255)
    title_en = models.CharField(_("title (English)"), max_length=255, blank=True)
    brief = RichTextField(_("brief"), blank=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.TEAM)
    due_at = models.DateTimeField(_("due at"), help_text=_("Date and time in Asia/Bangkok."))
    accepted_kinds = FileKindsField(_("accepted file kinds"), default=default_kinds)
    max_file_mb = models.PositiveSmallIntegerField(
        _("size limit per file (MB)"), default=20, help_text=_("Between 1 and 100 MB.")
    )
    rubric = StreamField(
        [("criterion", RubricCriterionBlock())], verbose_name=_("rubric"), blank=True
    )
    required_for_completion = models.BooleanField(_("required for completion"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["cohort", "due_at", "pk"]
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        constraints = [
            models.CheckConstraint(
                condition=Q(max_file_mb__gte=1, max_file_mb__lte=100),
                name="assignment_file_limit_in_range",
            )
        ]

    def __str__(self):
        return f"{self.title_th} ({self.cohort.label_th})"

    @property
    def title(self) -> str:
        if translation.get_language() == "en" and self.title_en:
            return self.title_en
        return self.title_th

    @property
    def is_team(self) -> bool:
        return self.kind == self.Kind.TEAM

    @property
    def max_bytes(self) -> int:
        return self.max_file_mb * 1024 * 1024

    @property
    def max_points(self) -> int:
        return sum(criterion.max_points for criterion in self.criteria)

    @property
    def criteria(self):
        """The rubric's criteria as plain objects (see blocks.Criterion)."""
        return criteria_of(self.rubric)

    def clean(self):
        unknown = set(self.accepted_kinds or []) - set(FileKind.values)
        if unknown or not self.accepted_kinds:
            raise ValidationError({"accepted_kinds": _("Choose at least one known file kind.")})
        if self.session_id and self.session.cohort_id != self.cohort_id:
            raise ValidationError({"session": _("The session must belong to the same cohort.")})


class AssignmentAttachment(Orderable):
    """A document that goes with the brief (a template, a reading)."""

    assignment = ParentalKey(Assignment, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    label = models.CharField(pgettext_lazy("attachment", "label"), max_length=255, blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.label or self.document.title


# Work belongs to a team or to one learner, never both.
ONE_OWNER = Q(team__isnull=False, learner__isnull=True) | Q(
    team__isnull=True, learner__isnull=False
)


def owner_constraints(prefix: str) -> list:
    """One owner (team or learner), and at most one row per owner per assignment."""
    return [
        models.CheckConstraint(condition=ONE_OWNER, name=f"{prefix}_one_owner"),
        models.UniqueConstraint(
            fields=["assignment", "team"],
            condition=Q(team__isnull=False),
            name=f"{prefix}_one_per_team",
        ),
        models.UniqueConstraint(
            fields=["assignment", "learner"],
            condition=Q(learner__isnull=False),
            name=f"{prefix}_one_per_learner",
        ),
    ]


class Extension(models.Model):
    """A later due date for one team or one learner."""

    assignment = models.ForeignKey(
        Assignment,
        verbose_name=_("assignment"),
        on_delete=models.CASCADE,
        related_name="extensions",
    )
    team = models.ForeignKey(
        Team,
        verbose_name=_("team"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    due_at = models.DateTimeField(_("new due date"))
    reason = models.CharField(
        _("reason"),
        max_length=255,
        blank=True,
        help_text=_("The team or learner sees it and is emailed it."),
    )
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("granted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("granted at"), auto_now_add=True)
    # The email to the team or learner, once per grant (a new grant makes it pending again).
    notification = models.CharField(
        _("notification"),
        max_length=16,
        choices=Delivery.choices,
        default=Delivery.PENDING,
    )
    notified_at = models.DateTimeField(_("notified at"), null=True, blank=True)

    class Meta:
        verbose_name = _("extension")
        verbose_name_plural = _("extensions")
        constraints = owner_constraints("extension")

    def __str__(self):
        return f"{self.assignment} → {self.team or self.learner}"

    def clean(self):
        """One owner from the assignment's cohort, and more time than the assignment gives:
        a date on or before its own would make the team overdue while saying "extended"."""
        if bool(self.team_id) == bool(self.learner_id):
            raise ValidationError(_("Choose either a team or a learner."))
        if self.team_id and self.team.cohort_id != self.assignment.cohort_id:
            raise ValidationError({"team": _("The team must belong to the assignment's cohort.")})
        if self.assignment_id and self.due_at and self.due_at <= self.assignment.due_at:
            raise ValidationError(
                {
                    "due_at": _(
                        "An extension must be later than the assignment's due date, "
                        "%(due)s. Choose a later date and time."
                    )
                    % {"due": thai_datetime(self.assignment.due_at)}
                }
            )


class Submission(models.Model):
    """One per team (team assignments) or per learner (individual assignments)."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        RETURNED = "returned", _("Returned for revision")
        ACCEPTED = "accepted", _("Accepted")

    assignment = models.ForeignKey(
        Assignment,
        verbose_name=_("assignment"),
        on_delete=models.PROTECT,
        related_name="submissions",
    )
    team = models.ForeignKey(
        Team,
        verbose_name=_("team"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="submissions",
    )
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="submissions",
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    # Text being written but not yet handed in; a submit copies it into a version.
    draft_text = models.TextField(_("draft text"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["assignment", "pk"]
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        constraints = owner_constraints("submission")
        indexes = [models.Index(fields=["status", "assignment"])]

    def __str__(self):
        return f"{self.assignment.title_th} · {self.owner_name}"

    @property
    def owner_name(self) -> str:
        return self.team.name if self.team_id else self.learner.get_full_name()


class SubmissionVersion(models.Model):
    """What was handed in at one submit. Immutable: never updated, never deleted."""

    submission = models.ForeignKey(
        Submission,
        verbose_name=_("submission"),
        on_delete=models.PROTECT,
        related_name="versions",
    )
    number = models.PositiveIntegerField(_("version"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)
    due_at = models.DateTimeField(_("due at the time"))
    is_late = models.BooleanField(_("late"), default=False)
    text = models.TextField(_("text"), blank=True)

    class Meta:
        ordering = ["submission", "-number"]
        verbose_name = _("submission version")
        verbose_name_plural = _("submission versions")
        constraints = [
            models.UniqueConstraint(fields=["submission", "number"], name="version_unique_number"),
            models.CheckConstraint(condition=Q(number__gte=1), name="version_number_positive"),
        ]

    def __str__(self):
        return f"{self.submission} v{self.number}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValidationError(_("A handed-in version cannot be changed."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(_("A handed-in version cannot be deleted."))


def _version_upload_to(instance, filename):
    return f"submissions/{instance.version.submission_id}/v{instance.version.number}/{filename}"


def _review_upload_to(instance, filename):
    return f"reviews/{instance.submission_id}/{filename}"


class VersionFile(models.Model):
    version = models.ForeignKey(
        SubmissionVersion,
        verbose_name=_("version"),
        on_delete=models.PROTECT,
        related_name="files",
    )
    file = models.FileField(
        _("file"), storage=private_storage, upload_to=_version_upload_to, max_length=500
    )
    name = models.CharField(_("file name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=8, choices=SUBMISSION_KIND_CHOICES)
    content_type = models.CharField(_("content type"), max_length=120)
    size = models.PositiveBigIntegerField(_("size (bytes)"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)

    class Meta:
        ordering = ["version", "pk"]
        verbose_name = _("submitted file")
        verbose_name_plural = _("submitted files")
        constraints = [models.CheckConstraint(condition=Q(size__gt=0), name="file_not_empty")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValidationError(_("A handed-in file cannot be changed."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(_("A handed-in file cannot be deleted."))


class Review(models.Model):
    """A reviewer's scores, feedback and decision on one version."""

    class Decision(models.TextChoices):
        RETURNED = "returned", _("Return for revision")
        ACCEPTED = "accepted", _("Accept")

    class Notification(models.TextChoices):
        PENDING = "pending", pgettext_lazy("email status", "Pending")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        SKIPPED = "skipped", _("Not sent (imported)")

    submission = models.ForeignKey(
        Submission,
        verbose_name=_("submission"),
        on_delete=models.PROTECT,
        related_name="reviews",
    )
    version = models.ForeignKey(
        SubmissionVersion,
        verbose_name=_("version"),
        on_delete=models.PROTECT,
        related_name="reviews",
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    # A snapshot of the rubric as scored: [{"criterion", "level", "points", "max_points"}].
    scores = models.JSONField(_("rubric scores"), default=list, blank=True)
    total_points = models.DecimalField(_("total"), max_digits=7, decimal_places=2, default=0)
    max_points = models.DecimalField(_("out of"), max_digits=7, decimal_places=2, default=0)
    feedback = models.TextField(_("feedback"))
    file = models.FileField(
        _("feedback file"),
        storage=private_storage,
        upload_to=_review_upload_to,
        max_length=500,
        blank=True,
    )
    file_name = models.CharField(_("feedback file name"), max_length=200, blank=True)
    decision = models.CharField(_("decision"), max_length=16, choices=Decision.choices)
    created_at = models.DateTimeField(_("reviewed at"), default=timezone.now)
    notification = models.CharField(
        _("notification"),
        max_length=16,
        choices=Notification.choices,
        default=Notification.PENDING,
    )
    notified_at = models.DateTimeField(_("notified at"), null=True, blank=True)

    class Meta:
        ordering = ["submission", "-created_at"]
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        constraints = [
            models.UniqueConstraint(fields=["version"], name="review_one_per_version"),
        ]

    def __str__(self):
        return f"{self.submission} · {self.get_decision_display()}"


class AdvisorNotice(models.Model):
    """The advisor is told of one hand-in: one row per version, sent at most once.

    Hand-ins close together go as one email: the sender claims every pending notice of
    the advisor at once (each with a conditional update) and lists them in one message.
    """

    version = models.OneToOneField(
        SubmissionVersion,
        verbose_name=_("version"),
        on_delete=models.PROTECT,
        related_name="advisor_notice",
    )
    advisor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("advisor"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    status = models.CharField(
        _("notification"), max_length=16, choices=Delivery.choices, default=Delivery.PENDING
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    claimed_at = models.DateTimeField(_("claimed at"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("advisor notice")
        verbose_name_plural = _("advisor notices")
        indexes = [models.Index(fields=["advisor", "status"], name="advisor_notice_pending")]

    def __str__(self):
        return f"{self.version} → {self.advisor}"
