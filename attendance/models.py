"""Attendance: one record per enrolment per session-day, every change audited.

A session usually lasts one day; a site visit may span several, and then each
day has its own record. The completion rule per cohort decides who has
attended enough (see attendance/standing.py).
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from cohorts.models import Cohort, Enrolment, Session
from core.storage import private_storage


class Status(models.TextChoices):
    PRESENT = "present", _("Present")
    LATE = "late", pgettext_lazy("attendance status", "Late")
    EXCUSED = "excused", _("Excused")
    ABSENT = "absent", _("Absent")


class Method(models.TextChoices):
    QR = "qr", _("QR check-in")
    CODE = "code", _("Typed code")
    MANUAL = "manual", _("Marked by staff")
    IMPORT = "import", _("Imported")


class AttendanceRecord(models.Model):
    enrolment = models.ForeignKey(
        Enrolment,
        verbose_name=_("enrolment"),
        on_delete=models.PROTECT,
        related_name="attendance_records",
    )
    session = models.ForeignKey(
        Session,
        verbose_name=_("session"),
        on_delete=models.CASCADE,
        related_name="attendance_records",
    )
    day = models.DateField(_("day"))
    status = models.CharField(_("status"), max_length=16, choices=Status.choices)
    method = models.CharField(_("method"), max_length=16, choices=Method.choices)
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    excuse_reason = models.TextField(_("reason for the excused absence"), blank=True)
    excuse_document = models.FileField(
        _("supporting document"),
        storage=private_storage,
        upload_to="attendance/excuses/%Y/%m/",
        blank=True,
    )

    class Meta:
        ordering = ["session__starts_at", "day", "enrolment__user__first_name"]
        verbose_name = _("attendance record")
        verbose_name_plural = _("attendance records")
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "session", "day"],
                name="attendance_one_record_per_enrolment_session_day",
            ),
            models.CheckConstraint(
                condition=~Q(status="excused") | ~Q(excuse_reason=""),
                name="attendance_excused_needs_reason",
            ),
        ]
        indexes = [models.Index(fields=["session", "day"])]

    def __str__(self):
        return f"{self.enrolment.user} · {self.session} · {self.day}: {self.get_status_display()}"

    @property
    def counts_as_present(self) -> bool:
        return self.status in (Status.PRESENT, Status.LATE)


class AttendanceChange(models.Model):
    """The trail: who changed a record, when, from what to what, and why."""

    record = models.ForeignKey(
        AttendanceRecord,
        verbose_name=_("record"),
        on_delete=models.CASCADE,
        related_name="changes",
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    changed_at = models.DateTimeField(_("changed at"), auto_now_add=True)
    old_status = models.CharField(_("old status"), max_length=16, choices=Status.choices)
    new_status = models.CharField(_("new status"), max_length=16, choices=Status.choices)
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        ordering = ["record", "changed_at", "pk"]
        verbose_name = _("attendance change")
        verbose_name_plural = _("attendance changes")

    def __str__(self):
        return f"{self.record_id}: {self.old_status} → {self.new_status}"


class CompletionRule(models.Model):
    """What a learner of a cohort must attend to complete it."""

    cohort = models.OneToOneField(
        Cohort,
        verbose_name=_("cohort"),
        on_delete=models.CASCADE,
        related_name="completion_rule",
    )
    min_percent = models.PositiveSmallIntegerField(
        _("minimum attendance (%)"),
        default=80,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("Share of the cohort's sessions (cancelled ones excluded) to attend."),
    )
    late_counts = models.BooleanField(_("late counts as present"), default=True)
    excused_counts = models.BooleanField(_("excused absences count"), default=True)
    max_excused = models.PositiveSmallIntegerField(
        _("excused days that count, at most"),
        default=2,
        help_text=_("Excused days beyond this limit count as absences."),
    )

    class Meta:
        verbose_name = _("completion rule")
        verbose_name_plural = _("completion rules")
        constraints = [
            models.CheckConstraint(
                condition=Q(min_percent__lte=100), name="completion_rule_percent_at_most_100"
            )
        ]

    def __str__(self):
        return f"{self.cohort}: {self.min_percent}%"


class CheckInSettings(models.Model):
    """Per-session check-in window and late threshold; defaults apply without a row."""

    session = models.OneToOneField(
        Session,
        verbose_name=_("session"),
        on_delete=models.CASCADE,
        related_name="check_in_settings",
    )
    opens_minutes_before = models.PositiveSmallIntegerField(
        _("check-in opens (minutes before the start)"), default=60
    )
    late_after_minutes = models.PositiveSmallIntegerField(
        _("late after (minutes from the start)"), default=15
    )
    closes_minutes_after_end = models.PositiveSmallIntegerField(
        _("check-in closes (minutes after the end)"), default=0
    )

    class Meta:
        verbose_name = _("check-in settings")
        verbose_name_plural = _("check-in settings")

    def __str__(self):
        return str(self.session)


class DigestLog(models.Model):
    """One weekly digest per cohort per ISO week: the claim that stops a double send."""

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="+")
    week = models.CharField(max_length=8)  # "2026-W47"
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["cohort", "week"], name="attendance_digest_once")
        ]

    def __str__(self):
        return f"{self.cohort_id} {self.week}"
